/**
 * A small fake of Discord on loopback: the REST routes Yakjeong and discord.js call, and a
 * gateway that says HELLO, reads IDENTIFY, sends READY with no guilds, ACKs heartbeats and
 * dispatches INTERACTION_CREATE. It keeps messages like Discord does (interaction originals,
 * follow-ups, channel messages) and refuses what Discord refuses (a second acknowledgement,
 * editing an original that was never created, channel writes without the bot token, and with a
 * 400 any message, autocomplete choice or event over Discord's limits, select menus included:
 * ≤ 5 rows, a select alone in its row, ≤ 25 options, values ≤ 100, unique custom_ids). Tests can make
 * chosen requests fail the way Discord does (`failRequests`, e.g. 403 Missing Access), or take
 * effect with the answer lost on the way back (`loseResponses`). Like Discord, a channel message
 * created with `enforce_nonce` and a nonce seen in the last few minutes returns the first message
 * and posts nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { APIInteraction } from 'discord-api-types/v10';

export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface RecordedCall {
  method: string;
  path: string;
  /** JSON body (or payload_json of a multipart body). */
  body: Record<string, unknown> | undefined;
  files: UploadedFile[];
  authorization: string | undefined;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: Array<Record<string, unknown>>;
  components: Array<{ type: number; components: Array<Record<string, unknown>> }>;
  attachments: Array<{ id: string; filename: string }>;
  flags: number;
  message_reference?: Record<string, unknown>;
  /** Bytes of the last uploaded files, by filename. */
  files: Record<string, Buffer>;
  /** True while a deferred response shows "thinking…". */
  deferred: boolean;
  deleted: boolean;
}

interface TrackedInteraction {
  interaction: APIInteraction;
  /** Came through the HTTP endpoint: its initial response is the HTTP body, not a callback. */
  http: boolean;
  acknowledged: boolean;
  originalId?: string;
}

/** Requests that Discord refuses on purpose (a test's setup: missing permissions, outages). */
export interface FailureRule {
  method: string;
  path: RegExp;
  status: number;
  /** Discord's JSON error code, e.g. 50001 Missing Access, 50013 Missing Permissions. */
  code: number;
  message?: string;
  /** How many matching requests fail (default: all until removed). */
  times?: number;
}

/** Requests that take effect but whose answer never reaches the bot (a 502 from a proxy instead). */
export interface LostResponseRule {
  method: string;
  path: RegExp;
  /** How many matching requests lose their answer (default: all until removed). */
  times?: number;
}

/** How long Discord remembers a message nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

export interface FakeDiscordOptions {
  botToken: string;
  applicationId: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer | undefined): boolean {
  return !!bytes && bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<string, FakeMessage>();
  private readonly directChannels = new Map<string, string>();
  readonly identifies: Array<Record<string, unknown>> = [];
  /** Every websocket ever opened to the fake gateway (an HTTP-only bot must open none). */
  gatewayConnections = 0;
  /** Guild scheduled events by id. */
  readonly events = new Map<string, Record<string, unknown> & { id: string; guild_id: string | undefined }>();
  /** Interaction ids whose callback comes "too late" (after 3 s): Discord answers 10062. */
  readonly late = new Set<string>();
  /** Guilds where the bot lacks Create Events: scheduled-event requests get 403 Missing Permissions. */
  readonly noEventPermission = new Set<string>();
  /** Requests refused with 400 for breaking a length limit, with the reason (tests assert it stays empty). */
  readonly invalid: Array<{ method: string; path: string; reason: string }> = [];
  private readonly failures: FailureRule[] = [];
  private readonly lostResponses: LostResponseRule[] = [];
  /** "channelId:nonce" → the message created with it, and when. */
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  private readonly interactions = new Map<string, TrackedInteraction>();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private nextId = 1_300_000_000_000_000_000n;
  private sequence = 0;
  port = 0;

  private constructor(private readonly options: FakeDiscordOptions) {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onGateway(socket));
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL would be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The DM channel between the bot and a person: one per person, as on Discord. */
  directChannelOf(userId: string): string {
    let id = this.directChannels.get(userId);
    if (!id) this.directChannels.set(userId, (id = this.newId()));
    return id;
  }

  newId(): string {
    return String(this.nextId++);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── the person's side ───────────────────────────────────────────────────────

  /** Sends INTERACTION_CREATE over the gateway and waits for Yakjeong's initial response. */
  async interact(interaction: APIInteraction, timeoutMs = 5000): Promise<RecordedCall> {
    this.track(interaction, false);
    const socket = [...this.sockets][0];
    if (!socket) throw new Error('no gateway connection');
    socket.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++this.sequence, d: interaction }));
    return this.waitFor(() => this.calls.find((c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`), timeoutMs);
  }

  /** Registers an interaction that the test delivers through the HTTP endpoint itself. */
  expectHttp(interaction: APIInteraction): void {
    this.track(interaction, true);
  }

  /** The message an interaction's @original refers to, once it exists. */
  original(interaction: APIInteraction): FakeMessage | undefined {
    const id = this.interactions.get(interaction.token)?.originalId;
    return id ? this.messages.get(id) : undefined;
  }

  originalIdByToken(token: string): string | undefined {
    return this.interactions.get(token)?.originalId;
  }

  callsTo(method: string, pattern: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && pattern.test(c.path));
  }

  async waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting for the fake Discord');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Refuses matching requests with `status` and Discord error `code`; returns a function that lifts the rule. */
  failRequests(rule: FailureRule): () => void {
    const own = { ...rule };
    this.failures.push(own);
    return () => {
      const i = this.failures.indexOf(own);
      if (i >= 0) this.failures.splice(i, 1);
    };
  }

  /** Matching requests take effect, but the bot gets a 502 instead of the answer; returns a function that lifts the rule. */
  loseResponses(rule: LostResponseRule): () => void {
    const own = { ...rule };
    this.lostResponses.push(own);
    return () => {
      const i = this.lostResponses.indexOf(own);
      if (i >= 0) this.lostResponses.splice(i, 1);
    };
  }

  /** Creates a channel message as if someone else had posted it (tests for edits of it). */
  seedMessage(channelId: string): FakeMessage {
    return this.createMessage(channelId, {}, []);
  }

  private track(interaction: APIInteraction, http: boolean): void {
    const tracked: TrackedInteraction = { interaction, http, acknowledged: false };
    // A component's @original is the message that carries the component.
    if ('message' in interaction && interaction.message) tracked.originalId = interaction.message.id;
    this.interactions.set(interaction.token, tracked);
  }

  // ── gateway ─────────────────────────────────────────────────────────────────

  private onGateway(socket: WebSocket): void {
    this.sockets.add(socket);
    this.gatewayConnections += 1;
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        this.identifies.push(packet.d as Record<string, unknown>);
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++this.sequence,
            d: {
              v: 10,
              user: { id: this.options.applicationId, username: 'Yakjeong', discriminator: '0', global_name: null, avatar: null, bot: true },
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
              application: { id: this.options.applicationId, flags: 0 },
            },
          }),
        );
      }
    });
  }

  // ── REST ────────────────────────────────────────────────────────────────────

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const raw = await readAll(req);
    const { body, files } = await parseBody(req.headers['content-type'], raw);
    const call: RecordedCall = { method, path, body, files, authorization: req.headers.authorization };
    this.calls.push(call);
    const lost = this.lostResponses.find((l) => l.method === method && l.path.test(path));
    if (lost?.times !== undefined && --lost.times <= 0) this.lostResponses.splice(this.lostResponses.indexOf(lost), 1);
    const reply = (status: number, payload?: unknown) => {
      if (lost) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('Bad Gateway');
        return;
      }
      // Like Discord: a 204 has no body and no content type.
      res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const error = (status: number, code: number, message: string) => reply(status, { code, message });
    const failure = this.failures.find((f) => f.method === method && f.path.test(path));
    if (failure) {
      if (failure.times !== undefined && --failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      return error(failure.status, failure.code, failure.message ?? defaultMessage(failure.code));
    }
    const tooLong = limitViolation(path, method, body);
    if (tooLong) {
      this.invalid.push({ method, path, reason: tooLong });
      return reply(400, { code: 50035, message: 'Invalid Form Body', errors: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: tooLong }] } });
    }
    const botAuthorized = req.headers.authorization === `Bot ${this.options.botToken}`;
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      if (!botAuthorized) return error(401, 0, '401: Unauthorized');
      return reply(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }

    if (method === 'GET' && path === '/users/@me') {
      if (!botAuthorized) return error(401, 0, '401: Unauthorized');
      return reply(200, { id: this.options.applicationId, username: 'Yakjeong', discriminator: '0', global_name: null, avatar: null, bot: true });
    }

    if (method === 'POST' && path === '/users/@me/channels') {
      if (!botAuthorized) return error(401, 0, '401: Unauthorized');
      const recipient = String((body as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
      if (!/^\d+$/.test(recipient)) return error(400, 50035, 'Invalid Form Body');
      return reply(200, { id: this.directChannelOf(recipient), type: 1, recipients: [{ id: recipient }] });
    }

    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      const tracked = this.interactions.get(m[2]!);
      if (!tracked || tracked.interaction.id !== m[1] || tracked.http || this.late.has(m[1]!)) return error(404, 10062, 'Unknown interaction');
      if (tracked.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
      tracked.acknowledged = true;
      this.applyInitialResponse(tracked, body ?? {}, files);
      return reply(204);
    }

    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const [, app, token, messageId] = m;
      const tracked = this.interactions.get(token!);
      if (app !== this.options.applicationId || !tracked) return error(404, 10015, 'Unknown Webhook');
      // Over HTTP the initial response is the HTTP body the test sees; the fake takes it as given.
      if (!tracked.acknowledged && !tracked.http) return error(404, 10015, 'Unknown Webhook');
      if (!messageId && method === 'POST') {
        const message = this.createMessage(channelOf(tracked.interaction), body ?? {}, files);
        return reply(200, message);
      }
      const targetId = messageId === '@original' ? tracked.originalId ?? (tracked.http ? this.httpOriginal(tracked) : undefined) : messageId;
      const message = targetId ? this.messages.get(targetId) : undefined;
      if (!message || message.deleted) return error(404, 10008, 'Unknown Message');
      if (method === 'GET') return reply(200, message);
      if (method === 'PATCH') return reply(200, this.editMessage(message, body ?? {}, files));
      if (method === 'DELETE') {
        message.deleted = true;
        return reply(204);
      }
    }

    if ((m = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path))) {
      if (!botAuthorized) return error(401, 0, '401: Unauthorized');
      const [, channelId, messageId] = m;
      if (!messageId && method === 'POST') return reply(200, this.createOnce(channelId!, body ?? {}, files));
      const message = messageId ? this.messages.get(messageId) : undefined;
      if (!message || message.channel_id !== channelId) return error(404, 10008, 'Unknown Message');
      if (method === 'PATCH') return reply(200, this.editMessage(message, body ?? {}, files));
    }

    if ((m = /^\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?$/.exec(path))) {
      if (!botAuthorized) return error(401, 0, '401: Unauthorized');
      const [, guildId, eventId] = m;
      if (this.noEventPermission.has(guildId!)) return error(403, 50013, 'Missing Permissions');
      if (!eventId && method === 'POST') {
        const event = { ...(body ?? {}), id: this.newId(), guild_id: guildId };
        this.events.set(event.id, event);
        return reply(200, event);
      }
      const event = eventId ? this.events.get(eventId) : undefined;
      if (!event || event.guild_id !== guildId) return error(404, 10070, 'Unknown Guild Scheduled Event');
      if (method === 'PATCH') {
        Object.assign(event, body ?? {});
        return reply(200, event);
      }
    }

    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'PUT') {
      if (!botAuthorized) return error(401, 0, '401: Unauthorized');
      const commands = Array.isArray(body) ? body : [];
      return reply(200, commands.map((c: object) => ({ ...c, id: this.newId(), application_id: m![1], version: '1' })));
    }

    return error(404, 0, '404: Not Found');
  }

  private httpOriginal(tracked: TrackedInteraction): string {
    const message = this.createMessage(channelOf(tracked.interaction), {}, []);
    message.deferred = true;
    tracked.originalId = message.id;
    return message.id;
  }

  private applyInitialResponse(tracked: TrackedInteraction, body: Record<string, unknown>, files: UploadedFile[]): void {
    const data = (body.data ?? {}) as Record<string, unknown>;
    switch (body.type) {
      case 4: {
        tracked.originalId = this.createMessage(channelOf(tracked.interaction), data, files).id;
        break;
      }
      case 5: {
        const message = this.createMessage(channelOf(tracked.interaction), { flags: data.flags }, []);
        message.deferred = true;
        tracked.originalId = message.id;
        break;
      }
      case 7: {
        const message = tracked.originalId ? this.messages.get(tracked.originalId) : undefined;
        if (message) this.editMessage(message, data, files);
        break;
      }
      default:
        break;
    }
  }

  /** A channel message, unless enforce_nonce names a nonce used here within the window: then the first message. */
  private createOnce(channelId: string, body: Record<string, unknown>, files: UploadedFile[]): FakeMessage {
    const nonce = body.enforce_nonce === true && (typeof body.nonce === 'string' || typeof body.nonce === 'number') ? `${channelId}:${body.nonce}` : undefined;
    const seen = nonce ? this.nonces.get(nonce) : undefined;
    const first = seen && Date.now() - seen.at < NONCE_WINDOW_MS ? this.messages.get(seen.messageId) : undefined;
    if (first) return first;
    const message = this.createMessage(channelId, body, files);
    if (nonce) this.nonces.set(nonce, { messageId: message.id, at: Date.now() });
    return message;
  }

  private createMessage(channelId: string, body: Record<string, unknown>, files: UploadedFile[]): FakeMessage {
    const message: FakeMessage = {
      id: this.newId(),
      channel_id: channelId,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      flags: 0,
      files: {},
      deferred: false,
      deleted: false,
    };
    this.messages.set(message.id, message);
    return this.editMessage(message, body, files);
  }

  private editMessage(message: FakeMessage, body: Record<string, unknown>, files: UploadedFile[]): FakeMessage {
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds as FakeMessage['embeds'];
    if (Array.isArray(body.components)) message.components = body.components as FakeMessage['components'];
    if (typeof body.flags === 'number') message.flags = body.flags;
    if (body.message_reference) message.message_reference = body.message_reference as Record<string, unknown>;
    if (files.length) {
      message.files = Object.fromEntries(files.map((f) => [f.name, f.bytes]));
      message.attachments = files.map((f) => ({ id: this.newId(), filename: f.name }));
    } else if (Array.isArray(body.attachments)) {
      const kept = new Set((body.attachments as Array<{ id: string }>).map((a) => String(a.id)));
      message.attachments = message.attachments.filter((a) => kept.has(a.id));
      if (message.attachments.length === 0) message.files = {};
    }
    message.deferred = false;
    return message;
  }
}

function defaultMessage(code: number): string {
  if (code === 50001) return 'Missing Access';
  if (code === 50013) return 'Missing Permissions';
  return 'Refused by the test';
}

/** Discord counts characters (code points). */
function length(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

/** A lone UTF-16 surrogate: text cut inside an emoji, which Discord cannot store. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasLoneSurrogate);
  return false;
}

type Json = Record<string, unknown>;

/**
 * Over the HTTP endpoint the initial response is the HTTP body, which the test receives rather
 * than the fake: the test checks it here, against the same limits.
 */
export function initialResponseViolation(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null ? limitViolation('/callback', 'POST', body as Json) : undefined;
}

/** Why Discord would answer 400 Invalid Form Body to this request, if it would. */
function limitViolation(path: string, method: string, body: Json | undefined): string | undefined {
  if (!body || (method !== 'POST' && method !== 'PATCH')) return undefined;
  if (hasLoneSurrogate(body)) return 'text is not valid Unicode (a split surrogate pair)';
  if (/^\/guilds\/\d+\/scheduled-events/.test(path)) {
    if (body.name !== undefined && (length(body.name) < 1 || length(body.name) > 100)) return 'event name must be 1-100 characters';
    if (length(body.description) > 1000) return 'event description over 1000 characters';
    return undefined;
  }
  if (/\/callback$/.test(path)) {
    const data = (body.data ?? {}) as Json;
    if (body.type === 8) {
      const choices = (data.choices ?? []) as Json[];
      if (choices.length > 25) return 'more than 25 choices';
      for (const c of choices) if (length(c.name) < 1 || length(c.name) > 100) return 'choice name must be 1-100 characters';
      return undefined;
    }
    return body.type === 4 || body.type === 7 ? messageViolation(data) : undefined;
  }
  if (/^\/webhooks\/|^\/channels\/\d+\/messages/.test(path)) return messageViolation(body);
  return undefined;
}

function messageViolation(message: Json): string | undefined {
  if (length(message.content) > 2000) return `content over 2000 characters (${length(message.content)})`;
  if (length(message.nonce) > 25) return `nonce over 25 characters (${length(message.nonce)})`;
  const embeds = (Array.isArray(message.embeds) ? message.embeds : []) as Json[];
  if (embeds.length > 10) return 'more than 10 embeds';
  let total = 0;
  for (const embed of embeds) {
    const fields = (Array.isArray(embed.fields) ? embed.fields : []) as Json[];
    if (length(embed.title) > 256) return 'embed title over 256 characters';
    if (length(embed.description) > 4096) return 'embed description over 4096 characters';
    if (fields.length > 25) return `more than 25 embed fields (${fields.length})`;
    total += length(embed.title) + length(embed.description);
    total += length((embed.footer as Json | undefined)?.text) + length((embed.author as Json | undefined)?.name);
    for (const field of fields) {
      if (length(field.name) < 1 || length(field.name) > 256) return 'embed field name must be 1-256 characters';
      if (length(field.value) < 1 || length(field.value) > 1024) return `embed field value must be 1-1024 characters (${length(field.value)})`;
      total += length(field.name) + length(field.value);
    }
  }
  if (total > 6000) return `embeds over 6000 characters in all (${total})`;
  const rows = (Array.isArray(message.components) ? message.components : []) as Json[];
  if (rows.length > 5) return 'more than 5 action rows';
  const ids = new Set<string>();
  for (const row of rows) {
    const components = (Array.isArray(row.components) ? row.components : []) as Json[];
    if (components.length > 5) return 'more than 5 components in a row';
    if (components.length > 1 && components.some((c) => c.type === 3)) return 'a select menu must be alone in its action row';
    for (const c of components) {
      if (c.custom_id !== undefined) {
        if (length(c.custom_id) < 1 || length(c.custom_id) > 100) return 'custom_id must be 1-100 characters';
        if (ids.has(String(c.custom_id))) return `custom_id not unique in the message (${String(c.custom_id)})`;
        ids.add(String(c.custom_id));
      }
      const problem = c.type === 3 ? selectViolation(c) : length(c.label) > 80 ? 'button label over 80 characters' : undefined;
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A string select as Discord checks it: 1-25 options, 1-100 character labels and values, sane min/max. */
function selectViolation(select: Json): string | undefined {
  const options = (Array.isArray(select.options) ? select.options : []) as Json[];
  if (options.length < 1 || options.length > 25) return `a string select needs 1-25 options (${options.length})`;
  if (length(select.placeholder) > 150) return 'select placeholder over 150 characters';
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min < 0 || min > 25 || max < 1 || max > 25 || min > max || max > options.length) return `select min_values/max_values out of range (${min}, ${max})`;
  const values = new Set<string>();
  for (const option of options) {
    if (length(option.label) < 1 || length(option.label) > 100) return 'select option label must be 1-100 characters';
    if (length(option.value) < 1 || length(option.value) > 100) return `select option value must be 1-100 characters (${length(option.value)})`;
    if (length(option.description) > 100) return 'select option description over 100 characters';
    if (values.has(String(option.value))) return 'select option values not unique';
    values.add(String(option.value));
  }
  return undefined;
}

function channelOf(interaction: APIInteraction): string {
  return interaction.channel?.id ?? interaction.channel_id ?? '0';
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ body: Record<string, unknown> | undefined; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    // undici's Request parses multipart bodies, so the fake reads exactly what was sent.
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const files: UploadedFile[] = [];
    let body: Record<string, unknown> | undefined;
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json' && typeof value === 'string') body = JSON.parse(value) as Record<string, unknown>;
      else if (typeof value !== 'string') {
        files.push({ field, name: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files: [] };
}
