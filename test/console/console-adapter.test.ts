/**
 * The console as a ChatAdapter: it starts reading on start(), and `done` resolves when there is
 * nothing more to read (the end of piped input, or stop()), which is how main knows to exit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.js';
import { makeKit, type TestKit } from '../helpers.js';
import { consoleAdapterOn } from '../support/console-on.js';

let kit: TestKit | undefined;
const kits: TestKit[] = [];
afterEach(() => {
  for (const k of kits.splice(0)) k.database.close();
});

function consoleOn(input: PassThrough, options: { outDir?: string; json?: boolean } = {}): { adapter: ChatAdapter; output: () => string } {
  kit = makeKit();
  kits.push(kit);
  return consoleAdapterOn(kit, input, options);
}

describe('the console adapter', () => {
  it('is done once its input ends, after the last line was answered', async () => {
    const input = new PassThrough();
    const { adapter, output } = consoleOn(input);
    expect(adapter.platform).toBe('console');
    await adapter.start();
    input.end('/yakjeong help\n');
    await adapter.done;
    expect(output()).toContain('/yakjeong create');
  });

  it('refuses a sleep past the farthest deadline, and goes on', async () => {
    const input = new PassThrough();
    const { adapter, output } = consoleOn(input);
    await adapter.start();
    input.end('sleep 99999999999999\n/yakjeong create S dates:tomorrow time:9-11\n');
    await adapter.done;
    expect(output()).toContain('sleep takes at most 31,622,400 seconds');
    expect(output()).toContain('━━ 📅 S ·');
    expect(output()).not.toMatch(/went wrong|TypeError/);
  });

  it('is done after stop() although its input stays open', async () => {
    const input = new PassThrough();
    const { adapter } = consoleOn(input);
    await adapter.start();
    await adapter.stop();
    await expect(adapter.done).resolves.toBeUndefined();
    input.destroy();
  });
});

interface JsonLine {
  type: string;
  image: string | null;
  files: string[];
}

/** One console run over a script, as JSON lines. */
async function run(script: string[], outDir: string): Promise<JsonLine[]> {
  const input = new PassThrough();
  const { adapter, output } = consoleOn(input, { outDir, json: true });
  await adapter.start();
  input.end(`${script.join('\n')}\n`);
  await adapter.done;
  return output()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonLine);
}

describe('files the console writes', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("never overwrites an earlier run's heatmaps or calendar files", async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'yakjeong-out-'));
    dirs.push(outDir);
    // The test kit makes the same poll code every run, so both runs want the same names.
    const script = ['/yakjeong create Dinner dates:12/1 time:18:00-20:00 slot:1h', '/yakjeong answer 12/1 18:00-20:00', '/yakjeong results', '/yakjeong results', '/yakjeong pick 1', '/yakjeong pick 12/1 19:00'];
    const written = (lines: JsonLine[]) => lines.flatMap((l) => [...(l.image ? [l.image] : []), ...l.files]);
    const first = written(await run(script, outDir));
    expect(first).toHaveLength(4);
    const before = new Map(first.map((path) => [path, readFileSync(path)]));
    const second = written(await run(script, outDir));
    expect(second).toHaveLength(4);
    const all = [...first, ...second];
    expect(new Set(all).size).toBe(all.length);
    for (const [path, bytes] of before) expect(readFileSync(path).equals(bytes)).toBe(true);
    // Heatmaps are numbered; a calendar file keeps its plain name when it is the first.
    expect(first.map((p) => basename(p))).toEqual([
      expect.stringMatching(/^yakjeong-\w+-1\.png$/),
      expect.stringMatching(/^yakjeong-\w+-2\.png$/),
      expect.stringMatching(/^yakjeong-\w+\.ics$/),
      expect.stringMatching(/^yakjeong-\w+-2\.ics$/),
    ]);
  });

  it('skips a name some other program left there too', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'yakjeong-out-'));
    dirs.push(outDir);
    const lines = await run(['/yakjeong create Dinner dates:12/1 time:18:00-20:00 slot:1h', '/yakjeong results'], outDir);
    const image = lines.find((l) => l.image)!.image!;
    rmSync(image);
    writeFileSync(join(outDir, basename(image)), 'not ours');
    const again = await run(['/yakjeong create Dinner dates:12/1 time:18:00-20:00 slot:1h', '/yakjeong results'], outDir);
    expect(again.find((l) => l.image)!.image).not.toBe(image);
    expect(readFileSync(image, 'utf8')).toBe('not ours');
  });
});
