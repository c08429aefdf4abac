/** A console adapter on a test kit's engine, reading `input` and collecting what it writes. */
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { ChatAdapter } from '../../adapters/shared/chat-adapter.js';
import type { Locale } from '../../src/core/domain/types.js';
import type { TestKit } from '../helpers.js';

export function consoleAdapterOn(
  kit: TestKit,
  input: PassThrough,
  options: { outDir?: string; json?: boolean; locale?: Locale } = {},
): { adapter: ChatAdapter; output: () => string } {
  let written = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const adapter = new ConsoleAdapter({
    engine: kit.engine,
    input,
    output,
    outDir: options.outDir ?? '/tmp/yakjeong-console-adapter-test',
    locale: options.locale ?? 'en',
    json: options.json ?? false,
    advanceClock: (ms) => kit.clock.advance(ms),
    logger: pino({ level: 'silent' }),
  });
  return { adapter, output: () => written };
}
