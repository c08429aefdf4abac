/**
 * The README's console walkthrough, run as written: a newcomer's first minute must work on any
 * day (its dates were once written out and went stale). Run on the kit's fixed day and on today.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { makeKit, T0, type TestKit } from '../helpers.js';
import { consoleAdapterOn } from '../support/console-on.js';

function walkthroughScript(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## A console walkthrough'));
  const block = /```text\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the README has no console walkthrough block');
  return block[1]!;
}

const kits: TestKit[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const kit of kits.splice(0)) kit.database.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the README's console walkthrough", () => {
  it.each([
    ['the fixed day', T0],
    ['today', Date.now()],
  ])('runs without a refusal and ranks the time both people chose first, on %s', async (_day, now) => {
    const kit = makeKit({ now });
    kits.push(kit);
    const outDir = mkdtempSync(join(tmpdir(), 'yakjeong-walkthrough-'));
    dirs.push(outDir);
    const input = new PassThrough();
    const { adapter, output } = consoleAdapterOn(kit, input, { outDir });
    await adapter.start();
    input.end(walkthroughScript());
    await adapter.done;
    const text = output();
    expect(text).not.toContain('⚠️');
    expect(text).toMatch(/Best times · Team dinner[\s\S]*\n1\. Mon, [A-Z][a-z]{2} \d{1,2} 19:00–20:00 — 2\/2/);
    expect(text).toContain('✅ Free: alice, bob');
  });
});
