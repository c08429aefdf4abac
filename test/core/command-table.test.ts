/** A command is one table entry: the grammar, the engine, Discord's definition and the help all follow it. */
import { describe, expect, it } from 'vitest';
import type { APIApplicationCommandSubcommandOption } from 'discord-api-types/v10';
import { commandDefinitions, toCommand } from '../../adapters/discord/commands.js';
import { COMMANDS, optionText } from '../../src/core/commands/builtin.js';
import { defineCommand } from '../../src/core/commands/spec.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { noticeView } from '../../src/core/views/notices.js';
import { allText, CAPS, errorCode, makeKit, userErrorOf } from '../helpers.js';

/** A made-up command: answers "pong" and the word it was given. */
const ping = defineCommand({
  id: 'ping',
  aliases: { en: ['pong?'], ko: ['핑'] },
  description: { en: 'Answers with pong', ko: '퐁으로 대답해요' },
  options: [['word', { type: 'string', description: { en: 'A word to echo', ko: '따라 할 낱말' }, maxLength: 40 }]],
  examples: [{ text: '/yakjeong ping hello' }],
  parse: (args) => ({ word: args.map((t) => t.text).join(' ') }),
  fromOptions: (values) => ({ word: optionText(values, 'word') ?? '' }),
  run: async ({ actor }, { word }) => [{ type: 'post', audience: { kind: 'user', userId: actor.user.id }, view: noticeView(`pong ${word}`) }],
});

const table = COMMANDS.with(ping);

describe('the command table', () => {
  it('parses a new entry by its id and by its aliases in both languages', () => {
    expect(parseCommand('/yakjeong ping hi there', table)).toEqual({ type: 'ping', word: 'hi there' });
    expect(parseCommand('/yakjeong 핑 안녕', table)).toEqual({ type: 'ping', word: '안녕' });
    expect(parseCommand('PONG? x', table)).toEqual({ type: 'ping', word: 'x' });
    // The built-in table does not know it.
    expect(() => parseCommand('/yakjeong ping')).toThrow();
  });

  it('dispatches it from text and from typed options', async () => {
    const kit = makeKit({ commands: table });
    expect(allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong ping hello', CAPS))).toBe('pong hello');
    const typed = toCommand({ name: 'ping', values: { word: 'typed' } }, table)!;
    expect(allText(await kit.engine.run(kit.actor('ann'), typed, CAPS))).toBe('pong typed');
    // An engine without it refuses it as an unknown command.
    expect(await errorCode(makeKit().engine.runText(makeKit().actor('ann'), '/yakjeong ping', CAPS))).toBe('UNKNOWN_SUBCOMMAND');
  });

  it('registers it in the Discord definition with its option and Korean description', () => {
    const subcommands = commandDefinitions(table)[0]!.options as APIApplicationCommandSubcommandOption[];
    const sub = subcommands.find((s) => s.name === 'ping')!;
    expect(sub.description).toBe('Answers with pong');
    expect(sub.description_localizations).toEqual({ ko: '퐁으로 대답해요' });
    expect(sub.options?.map((o) => o.name)).toEqual(['word']);
    expect(commandDefinitions()[0]!.options!.some((s) => s.name === 'ping')).toBe(false);
  });

  it('lists it in help in both languages and among the commands an unknown word suggests', async () => {
    const en = makeKit({ commands: table });
    expect(allText(await en.engine.runText(en.actor('ann'), '/yakjeong help', CAPS))).toContain('`/yakjeong ping hello` — answers with pong');
    const ko = makeKit({ commands: table, locale: 'ko' });
    const help = allText(await ko.engine.runText(ko.actor('ann'), '/yakjeong 도움말', CAPS));
    expect(help).toContain('`/yakjeong ping hello` — 퐁으로 대답해요');
    expect(help).toMatch(/한국어 명령도 쓸 수 있어요: .*핑/);
    const unknown = await userErrorOf(en.engine.runText(en.actor('ann'), '/yakjeong pang', CAPS));
    expect(unknown.params['commands']).toMatch(/, ping$/);
  });

  it('refuses, before registration, an entry Discord would not accept', () => {
    expect(() => commandDefinitions(COMMANDS.with(defineCommand({ ...ping, id: 'Ping', aliases: { en: [], ko: [] } })))).toThrow(/Discord refuses the name "Ping"/);
    const wordy = { en: 'x'.repeat(101), ko: '설명' };
    expect(() => commandDefinitions(COMMANDS.with(defineCommand({ ...ping, id: 'wordy', aliases: { en: [], ko: [] }, description: wordy })))).toThrow(/description of "wordy"/);
  });

  it('refuses two commands claiming the same word', () => {
    expect(() => COMMANDS.with(defineCommand({ ...ping, id: 'ls2', aliases: { en: ['ls'], ko: [] } }))).toThrow(/"ls" names both list and ls2/);
  });
});

describe('words that are built-in properties of objects', () => {
  it('are unknown commands, options, kinds and zones, not crashes', async () => {
    const kit = makeKit();
    const actor = kit.actor('ann');
    for (const [text, code] of [
      ['/yakjeong constructor', 'UNKNOWN_SUBCOMMAND'],
      ['/yakjeong __proto__', 'UNKNOWN_SUBCOMMAND'],
      ['/yakjeong tz valueOf', 'BAD_TIMEZONE'],
      ['/yakjeong tz hasOwnProperty', 'BAD_TIMEZONE'],
      ['/yakjeong create x kind:constructor dates:12/1 time:09:00-10:00', 'BAD_KIND'],
      ['/yakjeong create x tz:toString dates:12/1 time:09:00-10:00', 'BAD_TIMEZONE'],
      ['/yakjeong create x constructor:1', 'UNKNOWN_OPTION'],
    ] as const) {
      expect(await errorCode(kit.engine.runText(actor, text, CAPS)), text).toBe(code);
    }
  });
});
