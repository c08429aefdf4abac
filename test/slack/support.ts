/**
 * Shared set-up for the Slack suites: the real engine on in-memory SQLite with the real
 * heatmap renderer, the fake Slack platform, the shared HTTP server, the adapter, and
 * payload builders following Slack's documented shapes.
 */
import { createHmac } from 'node:crypto';
import pino from 'pino';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { Engine } from '../../src/core/engine.js';
import type { ChannelRef, Poll } from '../../src/core/domain/types.js';
import type { Clock, HeatmapRenderer, WebLinks } from '../../src/core/ports.js';
import { openDatabase, type OpenedDatabase } from '../../src/infra/db/open-database.js';
import { SqlitePollStore } from '../../src/infra/db/sqlite-poll-store.js';
import { SqliteSharedRecords } from '../../src/infra/db/sqlite/sqlite-shared-records.js';
import { IcsCalendarFiles } from '../../src/infra/calendar/ics-calendar-files.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { HttpServer } from '../../src/infra/http/http-server.js';
import { setRootLogger, type Logger } from '../../src/logger.js';
import type { SlackOAuthConfig } from '../../src/config.js';
import { FakeSlack, type Json, type ResponseUrlPost } from './fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret';
/** The engine's "now": 2026-11-20 00:00 UTC, before the polls' December dates. */
export const NOW = Date.UTC(2026, 10, 20, 0, 0);

export const TEAM_A = { id: 'T0ACME', domain: 'acme' };
export const TEAM_B = { id: 'T0RIVAL', domain: 'rival' };
export const CHANNEL = { id: 'C0GENERAL', name: 'general' };

export const ANA = { id: 'U0ANA', name: 'ana' };
export const BEN = { id: 'U0BEN', name: 'ben' };
export const ADA = { id: 'U0ADA', name: 'ada' };
export const MALLORY = { id: 'U0MAL', name: 'mallory' };

export interface Harness {
  fake: FakeSlack;
  clock: Clock;
  engine: Engine;
  store: SqlitePollStore;
  database: OpenedDatabase;
  records: SqliteSharedRecords;
  adapter: SlackAdapter;
  http: HttpServer;
  port: number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode: 'http' | 'socket';
  refreshIntervalMs?: number;
  /** The adapter's logger (default: silent). */
  logger?: Logger;
  /** A database file, for a restart on the same data (default: a fresh one in memory). */
  databasePath?: string;
  /** A running fake Slack to keep talking to (a restart); close() leaves it running. */
  fake?: FakeSlack;
  /** Install into workspaces through OAuth instead of one bot token (HTTP mode). */
  oauth?: SlackOAuthConfig;
  /** Links to the web grid (test/web); none by default. */
  webLinks?: WebLinks;
  /** Where the shared server listens (default: any free port). */
  port?: number;
  /** Bound each Web API call to this long, retries included, instead of not retrying at all. */
  callBoundMs?: number;
  /** The engine's heatmap renderer (default: the real canvas one). */
  heatmap?: HeatmapRenderer;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const silent = pino({ level: 'silent' });
  setRootLogger(silent);
  const ownFake = !options.fake;
  const fake = options.fake ?? new FakeSlack();
  if (ownFake) await fake.start();
  fake.addUser({ id: ANA.id, name: ANA.name, realName: 'Ana Kim', displayName: 'Ana', tz: 'Asia/Seoul', locale: 'en-US' });
  fake.addUser({ id: BEN.id, name: BEN.name, realName: 'Ben Park', tz: 'America/New_York', locale: 'en-US' });
  fake.addUser({ id: ADA.id, name: ADA.name, realName: 'Ada Admin', tz: 'Europe/Berlin', locale: 'en-US', isAdmin: true });
  fake.addUser({ id: MALLORY.id, name: MALLORY.name, realName: 'Mallory', tz: 'UTC', locale: 'en-US' });

  const database: OpenedDatabase = openDatabase(options.databasePath ?? ':memory:');
  const store = new SqlitePollStore(database);
  const records = new SqliteSharedRecords(database);
  const clock: Clock = { now: () => NOW };
  // Loaded now, as the bot does after start-up: a pick's first load inside a busy test run could take seconds.
  const calendar = new IcsCalendarFiles();
  await calendar.preload();
  const engine = new Engine({
    store,
    clock,
    heatmap: options.heatmap ?? new CanvasHeatmapRenderer(),
    calendar,
    defaultTimezone: 'Asia/Seoul',
    defaultLocale: 'en',
    ...(options.webLinks ? { webLinks: options.webLinks } : {}),
  });
  const http = new HttpServer(silent);
  const adapter = createSlackAdapter({
    engine,
    config: {
      ...(options.oauth ? { oauth: options.oauth } : { botToken: 'xoxb-test-bot' }),
      ...(options.mode === 'socket' ? { appToken: 'xapp-test-app' } : { signingSecret: SIGNING_SECRET }),
      apiUrl: fake.apiUrl,
      meetingReminderMinutes: 10,
    },
    http,
    clock,
    records,
    logger: options.logger ?? silent,
    ...(options.callBoundMs ? { callBoundMs: options.callBoundMs } : { retryConfig: { retries: 0 } }),
    refreshIntervalMs: options.refreshIntervalMs ?? 300,
  });
  await adapter.start();
  const port = await http.listen(options.port ?? 0, '127.0.0.1');
  return {
    fake,
    clock,
    engine,
    store,
    database,
    records,
    adapter,
    http,
    port,
    async close() {
      await adapter.stop();
      await http.close();
      if (ownFake) await fake.close();
      database.close();
    },
  };
}

// ── payloads ────────────────────────────────────────────────────────────────

export interface Who {
  team?: { id: string; domain: string };
  user?: { id: string; name: string };
  channel?: { id: string; name: string };
  enterpriseId?: string;
}

/** Slash command form fields, as Slack posts them. */
export function slashCommand(fake: FakeSlack, text: string, who: Who = {}, responseId?: string): Record<string, string> {
  const team = who.team ?? TEAM_A;
  const user = who.user ?? ANA;
  const channel = who.channel ?? CHANNEL;
  return {
    token: 'legacy-verification-token',
    team_id: team.id,
    team_domain: team.domain,
    ...(who.enterpriseId ? { enterprise_id: who.enterpriseId, enterprise_name: 'Org' } : {}),
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: user.id,
    user_name: user.name,
    command: '/yakjeong',
    text,
    api_app_id: 'A_TEST',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(responseId),
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  };
}

/** A block_actions payload for a button press. */
export function buttonPress(
  fake: FakeSlack,
  actionId: string,
  who: Who & { ephemeral?: boolean; messageTs?: string } = {},
  responseId?: string,
): Json {
  const team = who.team ?? TEAM_A;
  const user = who.user ?? ANA;
  const channel = who.channel ?? CHANNEL;
  const messageTs = who.messageTs ?? '1800000000.000001';
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: team.id },
    api_app_id: 'A_TEST',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel.id, is_ephemeral: who.ephemeral ?? false },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    team: { id: team.id, domain: team.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.name },
    ...(who.ephemeral ? {} : { message: { type: 'message', ts: messageTs, text: 'poll', user: 'U0BOT' } }),
    state: { values: {} },
    response_url: fake.responseUrl(responseId),
    actions: [
      {
        action_id: actionId,
        block_id: 'y_r0_0',
        text: { type: 'plain_text', text: 'button', emoji: true },
        type: 'button',
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
}

/** A view_submission payload of the create modal with the given state values. */
export function viewSubmission(values: Json, privateMetadata: string, who: Who = {}): Json {
  const team = who.team ?? TEAM_A;
  const user = who.user ?? ANA;
  return {
    type: 'view_submission',
    team: { id: team.id, domain: team.domain },
    user: { id: user.id, username: user.name, name: user.name, team_id: team.id },
    api_app_id: 'A_TEST',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: 'V_CREATE',
      team_id: team.id,
      type: 'modal',
      blocks: [],
      private_metadata: privateMetadata,
      callback_id: 'yakjeong_create',
      state: { values },
      hash: '1700000000.abcdef',
      title: { type: 'plain_text', text: 'New Yakjeong poll' },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: 'V_CREATE',
      app_id: 'A_TEST',
      external_id: '',
      app_installed_team_id: team.id,
      bot_id: 'B_BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Modal state values: block id → { v: value }. */
export function formValues(fields: {
  title?: string;
  kind?: string;
  start?: string;
  end?: string;
  weekdays?: string[];
  dayStart?: string;
  dayEnd?: string;
  slot?: string;
  blocks?: string;
  duration?: string;
  deadline?: number;
  remind?: string;
  tz?: string;
  max?: string;
  hidden?: boolean;
}): Json {
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  return {
    title: { v: { type: 'plain_text_input', value: fields.title ?? null } },
    desc: { v: { type: 'plain_text_input', value: null } },
    kind: { v: { type: 'static_select', selected_option: option(fields.kind ?? 'time') } },
    date_start: { v: { type: 'datepicker', selected_date: fields.start ?? null } },
    date_end: { v: { type: 'datepicker', selected_date: fields.end ?? null } },
    weekdays: { v: { type: 'checkboxes', selected_options: (fields.weekdays ?? []).map(option) } },
    time_start: { v: { type: 'timepicker', selected_time: fields.dayStart ?? '09:00' } },
    time_end: { v: { type: 'timepicker', selected_time: fields.dayEnd ?? '18:00' } },
    slot: { v: { type: 'static_select', selected_option: option(fields.slot ?? '30m') } },
    blocks: { v: { type: 'plain_text_input', value: fields.blocks ?? null } },
    duration: { v: { type: 'plain_text_input', value: fields.duration ?? null } },
    deadline: { v: { type: 'datetimepicker', selected_date_time: fields.deadline ?? null } },
    remind: { v: { type: 'plain_text_input', value: fields.remind ?? null } },
    tz: { v: { type: 'plain_text_input', value: fields.tz ?? null } },
    with: { v: { type: 'multi_users_select', selected_users: [] } },
    must: { v: { type: 'multi_users_select', selected_users: [] } },
    max: { v: { type: 'number_input', value: fields.max ?? null } },
    hidden: { v: { type: 'checkboxes', selected_options: fields.hidden ? [option('yes')] : [] } },
  };
}

// ── HTTP requests signed like Slack's ─────────────────────────────────────

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  /** Events API deliveries are JSON; commands and interactions are forms (the default). */
  json?: boolean;
}

export async function postSigned(port: number, body: string, options: SignOptions = {}): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export function interactionBody(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

// ── reading what Slack received ─────────────────────────────────────────────

type Falsy = undefined | false | null | 0 | '';

/** `what` names the awaited thing in the timeout error; a function is asked only then, so it can say what was seen instead. */
export async function waitFor<T>(
  probe: () => T | Falsy | Promise<T | Falsy>,
  timeoutMs = 10_000,
  what: string | (() => string) = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Everything a person reads in a Block Kit message, in order. */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const out: string[] = [];
  for (const b of blocks as Json[]) {
    const text = b.text as Json | undefined;
    if (text && typeof text.text === 'string') out.push(text.text);
    for (const f of (b.fields as Json[] | undefined) ?? []) out.push(String(f.text));
    for (const e of (b.elements as Json[] | undefined) ?? []) {
      const t = e.text;
      if (typeof t === 'string') out.push(t);
      else if (t && typeof (t as Json).text === 'string') out.push(String((t as Json).text));
    }
  }
  return out.join('\n');
}

export interface SlackButtonSeen {
  actionId: string;
  label: string;
  style?: string;
}

export function buttonsIn(blocks: unknown): SlackButtonSeen[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as Json[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as Json[]).filter((e) => e.type === 'button'))
    .map((e) => {
      const seen: SlackButtonSeen = { actionId: String(e.action_id), label: String((e.text as Json).text) };
      if (typeof e.style === 'string') seen.style = e.style;
      return seen;
    });
}

export function channelOf(team = TEAM_A, channel = CHANNEL): ChannelRef {
  return { platform: 'slack', workspaceId: team.id, channelId: channel.id };
}

/** The single open poll of a channel (tests create one at a time). */
export async function onlyPoll(store: SqlitePollStore, team = TEAM_A, channel = CHANNEL): Promise<Poll> {
  const polls = await store.listPolls(channelOf(team, channel), ['open', 'closed']);
  if (polls.length !== 1) throw new Error(`expected one poll, found ${polls.length}`);
  return polls[0]!;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What an HTTP-mode test does as a person: signed commands and clicks in fresh channels. */
export interface Driver {
  freshChannel(): { id: string; name: string };
  command(text: string, who?: Who, responseId?: string): Promise<{ status: number; text: string }>;
  press(actionId: string, who?: Who & { ephemeral?: boolean; messageTs?: string }, responseId?: string): Promise<{ status: number; text: string }>;
  /** A two-day poll, 09:00–11:00 in hour slots (4 slots), in a fresh channel; waits for its live message. */
  createPoll(title?: string, extra?: string): Promise<{ poll: Poll; channel: { id: string; name: string } }>;
  latestResponse(id: string): Promise<ResponseUrlPost>;
}

export function driver(harness: () => Harness, channelPrefix: string): Driver {
  let n = 0;
  const d: Driver = {
    freshChannel: () => ({ id: `C0${channelPrefix.toUpperCase()}${++n}`, name: `${channelPrefix}-${n}` }),
    command: (text, who = {}, responseId) => postSigned(harness().port, commandBody(slashCommand(harness().fake, text, who, responseId))),
    press: (actionId, who = {}, responseId) => postSigned(harness().port, interactionBody(buttonPress(harness().fake, actionId, who, responseId))),
    async createPoll(title = 'Team dinner', extra = '') {
      const channel = d.freshChannel();
      const res = await d.command(`create ${title} dates:2026-12-01..2026-12-02 time:09:00-11:00 slot:1h ${extra}`.trim(), { channel });
      if (res.status !== 200) throw new Error(`create answered ${res.status}`);
      const poll = await waitFor(async () => {
        const polls = await harness().store.listPolls(channelOf(undefined, channel), ['open']);
        return polls[0]?.messageRef ? polls[0] : undefined;
      }, 5000, 'the poll message');
      return { poll, channel };
    },
    latestResponse: (id) => waitFor(() => harness().fake.responsesTo(id).at(-1), 5000, `a post to response_url ${id}`),
  };
  return d;
}
