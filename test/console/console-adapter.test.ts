/**
 * The console as a ChatAdapter: it starts reading on start(), and `done` resolves when there is
 * nothing more to read (the end of piped input, or stop()), which is how main knows to exit.
 */
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.js';
import { makeKit, type TestKit } from '../helpers.js';

let kit: TestKit | undefined;
afterEach(() => kit?.database.close());

function consoleOn(input: PassThrough): { adapter: ChatAdapter; output: () => string } {
  kit = makeKit();
  let written = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const adapter = new ConsoleAdapter({
    engine: kit.engine,
    input,
    output,
    outDir: '/tmp/yakjeong-console-adapter-test',
    locale: 'en',
    json: false,
    advanceClock: (ms) => kit!.clock.advance(ms),
    logger: pino({ level: 'silent' }),
  });
  return { adapter, output: () => written };
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

  it('is done after stop() although its input stays open', async () => {
    const input = new PassThrough();
    const { adapter } = consoleOn(input);
    await adapter.start();
    await adapter.stop();
    await expect(adapter.done).resolves.toBeUndefined();
    input.destroy();
  });
});
