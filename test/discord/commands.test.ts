/** The /yakjeong command definition, its JSON asset, and the way back to the shared grammar. */
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption, type APIApplicationCommandSubcommandOption } from 'discord-api-types/v10';
import { commandDefinitions, readSubcommand, toCommand } from '../../adapters/discord/commands.js';
import { createOptionsFromForm } from '../../adapters/discord/modal.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { CREATE_OPTION_KEYS } from '../../src/core/grammar/create-options.js';
import { COMMANDS_JSON, commandsJson } from '../../scripts/discord-register.js';
import { FakeDiscord } from './fake-discord.js';
import { APP_ID, BOT_TOKEN, alice, slash } from './fixtures.js';
import { clockShiftEnv } from '../support/clock-shift-env.js';

const subcommands = commandDefinitions()[0]!.options as APIApplicationCommandSubcommandOption[];
const sub = (name: string) => subcommands.find((s) => s.name === name)!;
const optionNames = (name: string) => (sub(name).options ?? []).map((o) => o.name);

describe('/yakjeong definition', () => {
  it('is what assets/discord/commands.json holds (regenerate with discord:register -- --write)', () => {
    expect(readFileSync(COMMANDS_JSON, 'utf8')).toBe(commandsJson());
  });

  it('offers every command of the grammar, with the create options named as in the grammar', () => {
    expect(subcommands.map((s) => s.name)).toEqual(['create', 'answer', 'results', 'list', 'close', 'reopen', 'delete', 'pick', 'tz', 'history', 'usual', 'help']);
    expect(optionNames('create')).toEqual([...CREATE_OPTION_KEYS]);
    expect(optionNames('answer')).toEqual(['spec', 'code']);
    expect(optionNames('pick')).toEqual(['choice', 'code']);
    for (const name of ['results', 'close', 'delete', 'history']) expect(optionNames(name)).toEqual(['code']);
    expect(optionNames('reopen')).toEqual(['code', 'deadline']);
  });

  it('stays inside Discord\'s rules for names, descriptions, counts, order and autocomplete', () => {
    const name = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
    const check = (o: { name: string; description: string; description_localizations?: Record<string, string | null> | null }) => {
      expect(o.name).toMatch(name);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      for (const text of Object.values(o.description_localizations ?? {})) expect((text ?? '').length).toBeLessThanOrEqual(100);
    };
    expect(subcommands.length).toBeLessThanOrEqual(25);
    for (const s of subcommands) {
      check(s);
      const options = (s.options ?? []) as APIApplicationCommandBasicOption[];
      expect(options.length).toBeLessThanOrEqual(25);
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const o of options) {
        check(o);
        if ('autocomplete' in o && o.autocomplete) expect('choices' in o && o.choices).toBeFalsy();
      }
    }
    const code = (sub('close').options ?? [])[0] as APIApplicationCommandBasicOption;
    expect(code).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true, required: false });
  });
});

describe('slash options → the shared grammar', () => {
  it('gives the same command as the same text', () => {
    const typed = readSubcommand(slash(alice, 'create', { title: 'Team dinner', dates: '12/1-12/5', time: '18:00-22:00', slot: '60m', with: '<@1> <@2>' }).data.options)!;
    expect(toCommand(typed)).toEqual(parseCommand('/yakjeong create "Team dinner" dates:12/1-12/5 time:18:00-22:00 slot:60m with:<@1> <@2>'));
    const answer = readSubcommand(slash(alice, 'answer', { spec: '12/1 18:00-20:00', code: 'ab12' }).data.options)!;
    expect(toCommand(answer)).toEqual(parseCommand('/yakjeong answer AB12 12/1 18:00-20:00'));
    const pick = readSubcommand(slash(alice, 'pick', { choice: '2' }).data.options)!;
    expect(toCommand(pick)).toEqual(parseCommand('/yakjeong pick 2'));
  });

  it('turns integers and booleans into grammar values, and no options into the form', () => {
    const typed = readSubcommand(slash(alice, 'create', { title: 'T', max: 8, hidden: true }).data.options)!;
    expect(toCommand(typed)).toEqual({ type: 'create', options: { title: 'T', max: '8', hidden: 'yes' } });
    expect(toCommand(readSubcommand(slash(alice, 'create').data.options)!)).toEqual({ type: 'create', options: {} });
    expect(toCommand({ name: 'unknown', values: {} })).toBeUndefined();
  });

  it('reads the form: a bare word in "more" is a kind or a slot size, options pass through', () => {
    expect(createOptionsFromForm(new Map(Object.entries({ title: ' Trip ', dates: '12/1-12/20', time: '', more: 'date duration:3d', deadline: '3d' })))).toEqual({
      title: 'Trip',
      dates: '12/1-12/20',
      kind: 'date',
      duration: '3d',
      deadline: '3d',
    });
    expect(createOptionsFromForm(new Map(Object.entries({ title: 'Call', dates: '12/1', time: '9-12', more: '1h' })))).toEqual({ title: 'Call', dates: '12/1', time: '9-12', slot: '1h' });
    expect(createOptionsFromForm(new Map(Object.entries({ title: '회의', dates: '월-금', more: '구간 blocks:오전,오후' })))).toEqual({ title: '회의', dates: '월-금', kind: 'block', blocks: '오전,오후' });
  });
});

describe('scripts/discord-register.ts', () => {
  it('bulk-overwrites the guild commands with the bot token', async () => {
    const fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
    try {
      const script = fileURLToPath(new URL('../../scripts/discord-register.ts', import.meta.url));
      const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
      const { stdout } = await promisify(execFile)(tsx, [script], {
        // Another working directory, so a developer's .env cannot leak into the test.
        cwd: tmpdir(),
        env: { PATH: process.env.PATH, ...clockShiftEnv(), DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '1200000000000000001', DISCORD_API_URL: fake.apiUrl },
      });
      expect(stdout).toContain('Registered 1 command(s) in guild 1200000000000000001.');
      const put = fake.callsTo('PUT', new RegExp(`^/applications/${APP_ID}/guilds/1200000000000000001/commands$`));
      expect(put).toHaveLength(1);
      expect(put[0]!.authorization).toBe(`Bot ${BOT_TOKEN}`);
      expect(put[0]!.body).toEqual(JSON.parse(commandsJson()));
    } finally {
      await fake.close();
    }
  });
});
