/**
 * The same person-level operations on Slack and on Discord, each through the real adapter
 * against its fake platform, so one suite can state the shared delivery policy once and run it
 * on both. A failure to arrange is named by what it hits (the channel post, a new poll's post,
 * a note for someone else, the calendar entry) and made the way that platform fails.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { APIInteraction } from 'discord-api-types/v10';
import type { Engine } from '../../src/core/engine.js';
import type { ChannelRef, Poll } from '../../src/core/domain/types.js';
import type { Logger } from '../../src/logger.js';
import { APP_ID, alice, bob, createWorld, slash, startGateway, stopGateway, visibleText, type GatewayEnv } from '../discord/fixtures.js';
import type { Json } from '../slack/fake-slack.js';
import { ANA, BEN, blocksText, channelOf, commandBody, postSigned, slashCommand, startHarness, waitFor, type Harness } from '../slack/support.js';

export interface LogEntry {
  level: number;
  msg: string;
  err?: { message?: string };
}

/** Every log line of the adapter, debug and up, in order. */
export class LogCapture {
  readonly entries: LogEntry[] = [];
  readonly logger: Logger = pino(
    { level: 'debug' },
    new Writable({
      write: (chunk: Buffer, _enc, done) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.entries.push(JSON.parse(line) as LogEntry);
        done();
      },
    }),
  );

  /** Resolves with the first entry from `from` on that says `msg`. */
  waitFor(msg: string, from = 0): Promise<LogEntry> {
    return waitFor(() => this.entries.slice(from).find((e) => e.msg === msg), 5000, `the log line "${msg}"`);
  }

  problems(from = 0): LogEntry[] {
    return this.entries.slice(from).filter((e) => e.level >= 40);
  }
}

/** Where an arranged failure hits. */
export type FailureTarget = 'channel post' | 'poll post' | 'note' | 'calendar';

export interface Failure {
  target: FailureTarget;
  /** refused: the channel will not take it (Slack not_in_channel, Discord 403); broken: an outage. */
  how: 'refused' | 'broken';
}

/** One command a person ran, and what they were told privately about it. */
export interface Exchange {
  /** Texts shown only to the person, so far, in order. */
  said(): string[];
  /** Resolves when the delivery finished without throwing (the policy's last log line). */
  delivered(): Promise<LogEntry>;
}

export interface PlatformHarness {
  readonly name: string;
  readonly engine: Engine;
  readonly logs: LogCapture;
  /** How this platform words what the shared policy decides to say. */
  readonly words: { pollRefused: RegExp; channelRefused: RegExp; apology: RegExp; saved: RegExp; meetingNote?: RegExp };
  /** The actor's poll on Dec 1, 09:00–11:00 in hour slots, its live message posted; `expectOther` adds the other person to `with:`. */
  createPoll(title: string, options?: { expectOther?: boolean }): Promise<Poll>;
  create(title: string, failing?: Failure): Promise<Exchange>;
  results(poll: Poll, failing?: Failure): Promise<Exchange>;
  /** The other person answers 09:00–10:00 in the poll's zone. */
  answer(poll: Poll, failing?: Failure): Promise<Exchange>;
  /** The actor picks the best time. */
  pick(poll: Poll, failing?: Failure): Promise<Exchange>;
  /** Everything the poll's live message reads now. */
  pollMessage(poll: Poll): string;
  meetingRecorded(poll: Poll): boolean;
  /** The polls of that title, in the given states, wherever the harness made them. */
  pollsTitled(title: string, statuses: Poll['status'][]): Promise<Poll[]>;
  close(): Promise<void>;
}

const DATE = '2026-12-01';

// ── Slack ────────────────────────────────────────────────────────────────────

export async function slackHarness(): Promise<PlatformHarness> {
  const logs = new LogCapture();
  const h: Harness = await startHarness({ mode: 'http', refreshIntervalMs: 50, logger: logs.logger });
  const channels = new Map<number, { id: string; name: string }>();
  const made: Array<{ id: string; name: string }> = [];
  let n = 0;
  const freshChannel = () => {
    const channel = { id: `C0SHARED${made.length + 1}`, name: `shared-${made.length + 1}` };
    made.push(channel);
    return channel;
  };

  const SLACK_ERROR: Record<FailureTarget, { method: string; refused: string }> = {
    'channel post': { method: 'chat.postMessage', refused: 'not_in_channel' },
    'poll post': { method: 'chat.postMessage', refused: 'not_in_channel' },
    note: { method: 'chat.postEphemeral', refused: 'not_in_channel' },
    calendar: { method: 'chat.scheduleMessage', refused: 'restricted_action' },
  };

  async function run(text: string, channel: { id: string; name: string }, user = ANA, failing?: Failure): Promise<Exchange> {
    if (failing) {
      const { method, refused } = SLACK_ERROR[failing.target];
      h.fake.failNext(method, failing.how === 'refused' ? refused : 'internal_error');
    }
    const from = logs.entries.length;
    const responseId = `shared-${++n}`;
    const res = await postSigned(h.port, commandBody(slashCommand(h.fake, text, { channel, user }, responseId)));
    if (res.status !== 200) throw new Error(`Slack answered ${res.status}`);
    return {
      said: () => h.fake.responsesTo(responseId).map((r) => `${String(r.body.text ?? '')}\n${blocksText(r.body.blocks)}`),
      delivered: () => logs.waitFor('replies delivered', from),
    };
  }

  const channelOfPoll = (poll: Poll) => {
    const channel = channels.get(poll.id);
    if (!channel) throw new Error(`no channel for poll ${poll.code}`);
    return channel;
  };

  const harness: PlatformHarness = {
    name: 'Slack',
    engine: h.engine,
    logs,
    words: {
      pollRefused: /couldn't post your poll there[\s\S]*\/invite @Yakjeong/,
      channelRefused: /I can't post in this channel\. Invite me with `\/invite @Yakjeong`/,
      apology: /Sorry, something went wrong/,
      saved: /Saved your answer/,
    },
    async createPoll(title, options = {}) {
      const channel = freshChannel();
      const expect = options.expectOther ? ` with:<@${BEN.id}|${BEN.name}>` : '';
      const exchange = await run(`create ${title} dates:${DATE} time:09:00-11:00 slot:1h${expect}`, channel);
      await exchange.delivered();
      const poll = await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open']))[0], 5000, 'the poll');
      channels.set(poll.id, channel);
      return poll;
    },
    create: (title, failing) => run(`create ${title} dates:${DATE} time:09:00-11:00 slot:1h`, freshChannel(), ANA, failing),
    results: (poll, failing) => run(`results ${poll.code}`, channelOfPoll(poll), ANA, failing),
    // Ben reads times in New York: 19:00 on Nov 30 there is 09:00 on Dec 1 in Seoul.
    answer: (poll, failing) => run(`answer ${poll.code} 11/30 19:00-20:00`, channelOfPoll(poll), BEN, failing),
    pick: (poll, failing) => run(`pick ${poll.code} 1`, channelOfPoll(poll), ANA, failing),
    pollMessage(poll) {
      const message = h.fake.messages.get(poll.messageRef ?? '');
      return message ? blocksText(message.blocks) : '';
    },
    meetingRecorded(poll) {
      const channel = channelOfPoll(poll).id;
      return h.fake.callsTo('chat.scheduleMessage').some((c) => c.args.channel === channel && (c.response as Json | undefined)?.ok === true);
    },
    async pollsTitled(title, statuses) {
      const all = await Promise.all(made.map((c) => h.store.listPolls(channelOf(undefined, c), statuses)));
      return all.flat().filter((p) => p.spec.title === title);
    },
    close: () => h.close(),
  };
  return harness;
}

// ── Discord ──────────────────────────────────────────────────────────────────

export async function discordHarness(): Promise<PlatformHarness> {
  const logs = new LogCapture();
  const env: GatewayEnv = await startGateway({ ...createWorld(), logger: logs.logger }, 20);
  const { fake, world } = env;
  const channel: ChannelRef = { platform: 'discord', workspaceId: alice.guildId!, channelId: alice.channelId };

  function arrange(interaction: APIInteraction, failing: Failure | undefined): void {
    if (!failing) return;
    const status = failing.how === 'refused' ? { status: 403, code: 50001 } : { status: 500, code: 0 };
    // @discordjs/rest tries a 5xx three more times before it gives up.
    const times = failing.how === 'refused' ? 1 : 4;
    const target: Record<FailureTarget, { method: string; path: RegExp }> = {
      // Views with files and new polls are deferred, then written into the original response.
      'channel post': { method: 'PATCH', path: new RegExp(`^/webhooks/${APP_ID}/${interaction.token}/messages/@original$`) },
      'poll post': { method: 'PATCH', path: new RegExp(`^/webhooks/${APP_ID}/${interaction.token}/messages/@original$`) },
      note: { method: 'POST', path: new RegExp(`^/channels/${alice.channelId}/messages$`) },
      calendar: { method: 'POST', path: new RegExp(`^/guilds/${alice.guildId}/scheduled-events$`) },
    };
    fake.failRequests({ ...target[failing.target], ...status, times });
  }

  async function run(interaction: APIInteraction, failing?: Failure): Promise<Exchange> {
    arrange(interaction, failing);
    const from = logs.entries.length;
    await fake.interact(interaction);
    return {
      said: () =>
        fake.calls
          .filter((c) => c.path.includes(interaction.token))
          .map((c) => (c.body?.data ?? c.body) as Json | undefined)
          .filter((body) => body && (Number(body.flags ?? 0) & 64) !== 0)
          .map((body) => visibleText(body))
          .filter(Boolean),
      delivered: () => logs.waitFor('replies delivered', from),
    };
  }

  const create = (title: string, extra: Record<string, string> = {}) => slash(alice, 'create', { title, dates: DATE, time: '09:00-11:00', slot: '60m', ...extra });

  return {
    name: 'Discord',
    engine: world.engine,
    logs,
    words: {
      pollRefused: /^⚠️ I could not post the poll in this channel, so no poll was made/,
      channelRefused: /^⚠️ Done, but I could not post in this channel/,
      apology: /Sorry, something went wrong/,
      saved: /Saved your answer/,
      meetingNote: /the bot needs the Create Events permission\. The final time stands\./,
    },
    async createPoll(title, options = {}) {
      const exchange = await run(create(title, options.expectOther ? { with: `<@${bob.id}>` } : {}));
      await exchange.delivered();
      return waitFor(async () => (await world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === title && p.messageRef), 5000, 'the poll');
    },
    create: (title, failing) => run(create(title), failing),
    results: (poll, failing) => run(slash(alice, 'results', { code: poll.code }), failing),
    answer: (poll, failing) => run(slash(bob, 'answer', { spec: `${DATE} 09:00-10:00`, code: poll.code }), failing),
    pick: (poll, failing) => run(slash(alice, 'pick', { code: poll.code, choice: '1' }), failing),
    pollMessage(poll) {
      const id = poll.messageRef?.split(':')[1];
      return id ? visibleText(fake.messages.get(id)) : '';
    },
    meetingRecorded(poll) {
      return [...fake.events.values()].some((e) => e.name === poll.spec.title);
    },
    pollsTitled: async (title, statuses) => (await world.store.listPolls(channel, statuses)).filter((p) => p.spec.title === title),
    close: () => stopGateway(env),
  };
}
