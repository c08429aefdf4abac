/**
 * Interaction payloads as Discord sends them (discord-api-types shapes), people in two guilds,
 * and an Engine built from the real parts (SQLite in memory, the canvas heatmap renderer).
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  Locale as DiscordLocale,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
  type APIPingInteraction,
  type APIUser,
  type APIInteractionGuildMember,
} from 'discord-api-types/v10';
import { Engine } from '../../src/core/engine.js';
import { openDatabase, type OpenedDatabase } from '../../src/infra/db/open-database.js';
import { SqlitePollStore } from '../../src/infra/db/sqlite-poll-store.js';
import { SqliteSharedRecords } from '../../src/infra/db/sqlite/sqlite-shared-records.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { IcsCalendarFiles } from '../../src/infra/calendar/ics-calendar-files.js';
import type { Clock, HeatmapRenderer } from '../../src/core/ports.js';
import type { Logger } from '../../src/logger.js';
import { FakeDiscord, type FakeMessage } from './fake-discord.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.js';

export const APP_ID = '1100000000000000001';
export const BOT_TOKEN = 'fake-bot-token';
/** 2026-11-20 00:00 UTC: before the test polls' dates in December. */
export const NOW = Date.UTC(2026, 10, 20, 0, 0);

export interface Person {
  id: string;
  name: string;
  guildId?: string;
  channelId: string;
  /** Permission bitfield as Discord sends it. */
  permissions: string;
  locale: `${DiscordLocale}`;
}

const BASIC = String(1n << 10n | 1n << 11n); // View Channel + Send Messages
const MANAGE_EVENTS = String(1n << 10n | 1n << 11n | 1n << 33n);

export const GUILD_A = '1200000000000000001';
export const CHANNEL_A = '1210000000000000001';
export const GUILD_B = '1200000000000000002';
export const CHANNEL_B = '1210000000000000002';

export const alice: Person = { id: '1000000000000000001', name: 'Alice', guildId: GUILD_A, channelId: CHANNEL_A, permissions: BASIC, locale: 'en-US' };
export const bob: Person = { id: '1000000000000000002', name: 'Bob', guildId: GUILD_A, channelId: CHANNEL_A, permissions: BASIC, locale: 'en-GB' };
export const minji: Person = { id: '1000000000000000003', name: '민지', guildId: GUILD_A, channelId: CHANNEL_A, permissions: BASIC, locale: 'ko' };
export const admin: Person = { id: '1000000000000000004', name: 'Mod', guildId: GUILD_A, channelId: CHANNEL_A, permissions: MANAGE_EVENTS, locale: 'en-US' };
/** Same person, another server. */
export const aliceElsewhere: Person = { ...alice, guildId: GUILD_B, channelId: CHANNEL_B };
export const stranger: Person = { id: '1000000000000000005', name: 'Eve', guildId: GUILD_B, channelId: CHANNEL_B, permissions: BASIC, locale: 'en-US' };
/** Alice writing to the bot in a direct message. */
export const aliceInDm: Person = { id: alice.id, name: alice.name, channelId: '1220000000000000009', permissions: BASIC, locale: 'en-US' };

let counter = 0;
function snowflake(): string {
  counter += 1;
  return String(1_400_000_000_000_000_000n + BigInt(counter));
}

function user(person: Person): APIUser {
  return { id: person.id, username: person.name.toLowerCase(), global_name: person.name, discriminator: '0', avatar: null };
}

function member(person: Person): APIInteractionGuildMember {
  return {
    user: user(person),
    nick: null,
    roles: [],
    joined_at: '2025-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    permissions: person.permissions,
  };
}

/** Fields every interaction has; guild ones in a server, `user` in a DM. */
function base(person: Person) {
  const common = {
    id: snowflake(),
    application_id: APP_ID,
    token: `token-${snowflake()}`,
    version: 1 as const,
    app_permissions: '0',
    locale: person.locale as DiscordLocale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (person.guildId) {
    return {
      ...common,
      guild_id: person.guildId,
      guild_locale: DiscordLocale.EnglishUS,
      channel_id: person.channelId,
      channel: { id: person.channelId, type: ChannelType.GuildText as const, name: 'study-group' },
      member: member(person),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: person.guildId },
      context: InteractionContextType.Guild,
    };
  }
  return {
    ...common,
    channel_id: person.channelId,
    channel: { id: person.channelId, type: ChannelType.DM as const },
    user: user(person),
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: person.id },
    context: InteractionContextType.BotDM,
  };
}

type Values = Record<string, string | number | boolean>;

function options(values: Values, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) => {
    const focus = name === focused ? { focused: true } : {};
    if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Integer, value, ...focus };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    return { name, type: ApplicationCommandOptionType.String, value, ...focus };
  });
}

export function slash(person: Person, subcommand: string, values: Values = {}): APIChatInputApplicationCommandInteraction {
  return {
    ...base(person),
    type: InteractionType.ApplicationCommand,
    data: {
      id: '1300000000000000001',
      name: 'yakjeong',
      type: ApplicationCommandType.ChatInput,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: options(values) }],
    },
  };
}

export function autocomplete(person: Person, subcommand: string, values: Values, focused: string): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(person),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: '1300000000000000001',
      name: 'yakjeong',
      type: ApplicationCommandType.ChatInput,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: options(values, focused) }],
    },
  };
}

/** The message a button sits on, as Discord includes it in the click. */
function apiMessage(message: FakeMessage): APIMessage {
  return {
    id: message.id,
    channel_id: message.channel_id,
    author: { id: APP_ID, username: 'Yakjeong', global_name: null, discriminator: '0', avatar: null, bot: true },
    content: message.content,
    timestamp: '2026-11-20T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: message.flags,
  };
}

export function click(person: Person, customId: string, on: FakeMessage): APIMessageComponentInteraction {
  return {
    ...base(person),
    type: InteractionType.MessageComponent,
    message: apiMessage(on),
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** Choosing options in a string select: Discord sends the chosen values with the select's custom_id. */
export function choose(person: Person, customId: string, values: string[], on: FakeMessage): APIMessageComponentInteraction {
  return {
    ...base(person),
    type: InteractionType.MessageComponent,
    message: apiMessage(on),
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
  };
}

export function submitForm(person: Person, customId: string, values: Record<string, string>): APIModalSubmitInteraction {
  return {
    ...base(person),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value], i) => ({
        type: ComponentType.Label,
        id: i + 1,
        component: { type: ComponentType.TextInput, id: i + 10, custom_id: id, value },
      })),
    },
  };
}

export function ping(): APIPingInteraction {
  return { id: snowflake(), application_id: APP_ID, type: InteractionType.Ping, token: `token-${snowflake()}`, version: 1, app_permissions: '0', entitlements: [], authorizing_integration_owners: {}, attachment_size_limit: 0 } as APIPingInteraction;
}

/** Button ids and labels of a message, row by row (rows of select menus left out). */
export function buttons(message: { components?: unknown } | undefined): Array<Array<{ id: string; label: string; disabled: boolean }>> {
  const rows = (message?.components ?? []) as Array<{ components: Array<{ type: number; custom_id: string; label: string; disabled?: boolean }> }>;
  return rows
    .filter((row) => row.components.every((c) => c.type === ComponentType.Button))
    .map((row) => row.components.map((b) => ({ id: b.custom_id, label: b.label, disabled: b.disabled === true })));
}

export interface SelectMenu {
  id: string;
  placeholder: string;
  minValues: number;
  maxValues: number;
  disabled: boolean;
  options: Array<{ value: string; label: string; description?: string }>;
}

/** The string selects of a message, in order. */
export function selects(message: { components?: unknown } | undefined): SelectMenu[] {
  const rows = (message?.components ?? []) as Array<{ components: Array<Record<string, unknown>> }>;
  return rows
    .flatMap((row) => row.components)
    .filter((c) => c.type === ComponentType.StringSelect)
    .map((c) => ({
      id: String(c.custom_id),
      placeholder: String(c.placeholder ?? ''),
      minValues: Number(c.min_values ?? 1),
      maxValues: Number(c.max_values ?? 1),
      disabled: c.disabled === true,
      options: c.options as SelectMenu['options'],
    }));
}

export function findButton(message: { components?: unknown } | undefined, label: RegExp): string {
  const button = buttons(message).flat().find((b) => label.test(b.label));
  if (!button) throw new Error(`no button matching ${label}: ${JSON.stringify(buttons(message))}`);
  return button.id;
}

/** All the text a person would read in a message or response body. */
export function visibleText(message: { content?: unknown; embeds?: unknown } | undefined): string {
  const embeds = (message?.embeds ?? []) as Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  return [
    typeof message?.content === 'string' ? message.content : '',
    ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ].join('\n');
}

export interface TestWorld {
  engine: Engine;
  store: SqlitePollStore;
  records: SqliteSharedRecords;
  database: OpenedDatabase;
  /** The one domain clock, shared by the engine and the adapter. */
  clock: Clock;
  logger: Logger;
  /** Log lines at warn level and above, to prove the happy paths log no failure. */
  problems: Array<{ level: number; msg: string; err?: unknown }>;
}

export function createWorld(options: { heatmap?: HeatmapRenderer; databasePath?: string } = {}): TestWorld {
  const database = openDatabase(options.databasePath ?? ':memory:');
  const store = new SqlitePollStore(database);
  const clock: Clock = { now: () => NOW };
  // Loading now, as the bot does after start-up: a pick's first load inside a busy test run could take seconds.
  const calendar = new IcsCalendarFiles();
  calendar.preload().catch(() => undefined);
  const engine = new Engine({
    store,
    clock,
    heatmap: options.heatmap ?? new CanvasHeatmapRenderer(),
    calendar,
    defaultTimezone: 'Asia/Seoul',
    defaultLocale: 'en',
  });
  const problems: TestWorld['problems'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { level: number; msg: string; err?: unknown };
        if (entry.level >= 40) problems.push(entry);
      }
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  return { engine, store, records: new SqliteSharedRecords(database), database, clock, logger, problems };
}


export interface GatewayEnv {
  world: TestWorld;
  fake: FakeDiscord;
  adapter: DiscordAdapter;
}

/** The real adapter over the gateway, logged in to a fresh fake Discord, for one test file. */
export async function startGateway(world: TestWorld, refreshIntervalMs = 20): Promise<GatewayEnv> {
  const fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
  const adapter = createDiscordAdapter({
    engine: world.engine,
    config: { token: BOT_TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl, gateway: true },
    logger: world.logger,
    store: world.store,
    records: world.records,
    clock: world.clock,
    refreshIntervalMs,
  });
  await adapter.start();
  return { world, fake, adapter };
}

export async function stopGateway(env: Partial<GatewayEnv>): Promise<void> {
  await env.adapter?.stop();
  await env.fake?.close();
  env.world?.database.close();
}
