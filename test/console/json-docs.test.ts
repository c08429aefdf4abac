/**
 * `--json` is read by scripts, so every field it prints, and every kind of message, is written
 * down in the README's console section. The lists below are checked against the types by the
 * compiler and against real output here, so a new field cannot go unmentioned.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { NumberedButton, RenderedOutput } from '../../adapters/console/render.js';
import type { ViewRole } from '../../src/core/views/reply.js';
import { makeKit, type TestKit } from '../helpers.js';

const FIELDS = ['type', 'text', 'ephemeral', 'to', 'buttons', 'image', 'files', 'replaces'] as const satisfies ReadonlyArray<keyof RenderedOutput>;
const BUTTON_FIELDS = ['n', 'label', 'disabled'] as const satisfies ReadonlyArray<keyof NumberedButton>;
/** The console's own lines ("info") besides the bot's views. */
const TYPES = ['poll', 'grid', 'results', 'notice', 'error', 'help', 'list', 'history', 'usage', 'info'] as const satisfies ReadonlyArray<ViewRole | 'info'>;

/** Compiles only when a list names every member of the union. */
type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : false;
const everyField: Covers<keyof RenderedOutput, typeof FIELDS> = true;
const everyButtonField: Covers<keyof NumberedButton, typeof BUTTON_FIELDS> = true;
const everyType: Covers<ViewRole, typeof TYPES> = true;

function consoleSection(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## A console walkthrough');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

let kit: TestKit | undefined;
let outDir: string | undefined;
afterEach(() => {
  kit?.database.close();
  // Files are never overwritten, so a shared folder would grow with every run.
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the --json lines', () => {
  it('are all documented in the README', () => {
    expect([everyField, everyButtonField, everyType]).toEqual([true, true, true]);
    const section = consoleSection();
    for (const name of [...FIELDS, ...BUTTON_FIELDS, ...TYPES]) expect(section, name).toContain(`\`${name}\``);
    expect(section).toContain('[{n, label, disabled}]');
  });

  it('print exactly the documented fields, on bot messages and console lines alike', async () => {
    kit = makeKit();
    outDir = mkdtempSync(join(tmpdir(), 'yakjeong-json-'));
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const adapter = new ConsoleAdapter({
      engine: kit.engine,
      input,
      output,
      outDir,
      locale: 'en',
      json: true,
      advanceClock: (ms) => kit!.clock.advance(ms),
      logger: pino({ level: 'silent' }),
    });
    await adapter.start();
    input.end(['/yakjeong create Lunch dates:12/1 time:12:00-13:00 slot:30m', 'as ann', 'click 1', 'click 4', 'click 99', '/yakjeong results'].join('\n'));
    await adapter.done;
    const lines = written
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(new Set(lines.map((l) => l.type))).toEqual(new Set(['poll', 'info', 'grid', 'results']));
    expect(lines.some((l) => l.replaces === true)).toBe(true);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual([...FIELDS].sort());
      for (const button of line.buttons as object[]) expect(Object.keys(button).sort()).toEqual([...BUTTON_FIELDS].sort());
    }
  });
});
