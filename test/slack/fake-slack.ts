/**
 * A small fake of the Slack platform on loopback, driven by the real Bolt app and WebClient:
 * the Web API methods Yakjeong calls, the file upload URL, response_url endpoints and a
 * Socket Mode WebSocket. Every call is recorded for assertions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export type Json = Record<string, unknown>;

export interface ApiCall {
  method: string;
  args: Json;
  /** The bearer token the call was made with. */
  token?: string;
  at: number;
  /** What the fake answered. */
  response?: Json;
}

export interface ResponseUrlPost {
  id: string;
  body: Json;
  at: number;
}

export interface Upload {
  fileId: string;
  filename: string;
  bytes: Uint8Array;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Json[];
  threadTs?: string;
}

export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  displayName?: string;
  tz?: string;
  locale?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  /** Home workspace; default the fake's own team (T0ACME). */
  teamId?: string;
  /** Slack Connect: from another organisation. */
  isStranger?: boolean;
}

/** A workspace that will install the app when the OAuth flow hands the fake this code. */
export interface PendingInstall {
  teamId: string;
  teamName: string;
  botToken: string;
  installer: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Json;
}

/** Fields the WebClient sends JSON-encoded inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments', 'metadata']);

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads = new Map<string, Upload>();
  readonly messages = new Map<string, StoredMessage>();
  readonly users = new Map<string, FakeUser>();
  readonly socketAcks: SocketAck[] = [];
  /** Grant codes Slack would hand to the redirect URL, by code (oauth.v2.access trades them for tokens). */
  readonly installCodes = new Map<string, PendingInstall>();
  /** The app's credentials, which oauth.v2.access checks. */
  oauthClient = { id: 'client-id', secret: 'client-secret' };
  private readonly failures = new Map<string, string[]>();
  private readonly httpFailures = new Map<string, number[]>();
  private readonly outages = new Map<string, number>();
  private readonly delays = new Map<string, number[]>();
  private readonly expired = new Set<string>();
  private readonly pendingAcks = new Map<string, (ack: SocketAck) => void>();
  private readonly sockets = new Set<WebSocket>();
  private socketWaiters: Array<(ws: WebSocket) => void> = [];
  private server?: Server;
  private wss?: WebSocketServer;
  private port = 0;
  private counter = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A fresh response_url; posts to it are recorded under `id`. */
  responseUrl(id = `r${++this.counter}`): string {
    return `${this.base}/respond/${id}`;
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The next call of `method` is answered only after `ms` (a slow Slack). */
  delay(method: string, ms: number): void {
    const list = this.delays.get(method) ?? [];
    list.push(ms);
    this.delays.set(method, list);
  }

  /** Posts to the response_url `id` are refused from now on (used up or older than 30 minutes). */
  expireResponseUrl(id: string): void {
    this.expired.add(id);
  }

  /** The next call of `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    const list = this.failures.get(method) ?? [];
    list.push(error);
    this.failures.set(method, list);
  }

  /** The next call of `method` gets HTTP `status` (an outage, e.g. 500) instead of an answer. */
  failHttpNext(method: string, status: number): void {
    const list = this.httpFailures.get(method) ?? [];
    list.push(status);
    this.httpFailures.set(method, list);
  }

  /** Every call of `method` gets HTTP `status` until the returned function is called (a long outage). */
  outage(method: string, status: number): () => void {
    this.outages.set(method, status);
    return () => this.outages.delete(method);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.id === id);
  }

  // ── Socket Mode ───────────────────────────────────────────────────────────

  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** Resolves with the next (or the current) Socket Mode connection. */
  waitForSocket(): Promise<WebSocket> {
    const open = [...this.sockets].find((s) => s.readyState === WebSocket.OPEN);
    if (open) return Promise.resolve(open);
    return new Promise((resolve) => this.socketWaiters.push(resolve));
  }

  /** Sends an envelope as Slack would and resolves with the client's acknowledgement. */
  async sendEnvelope(type: 'slash_commands' | 'interactive' | 'events_api', payload: Json, timeoutMs = 5000): Promise<SocketAck> {
    const ws = await this.waitForSocket();
    const envelopeId = `env-${++this.counter}`;
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null || !('envelope_id' in message)) return;
      const ack = message as SocketAck;
      this.socketAcks.push(ack);
      this.pendingAcks.get(ack.envelope_id)?.(ack);
      this.pendingAcks.delete(ack.envelope_id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A_TEST' } }));
    const waiters = this.socketWaiters;
    this.socketWaiters = [];
    for (const w of waiters) w(ws);
  }

  /** Asks the client to reconnect, as Slack does when it recycles a connection. */
  closeSockets(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    }
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readAll(req);
    const contentType = req.headers['content-type'] ?? '';

    const respond = url.pathname.match(/^\/respond\/([\w-]+)$/);
    if (respond && req.method === 'POST') {
      if (this.expired.has(respond[1]!)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('expired_url');
        return;
      }
      this.responses.push({ id: respond[1]!, body: JSON.parse(raw.toString('utf8')) as Json, at: Date.now() });
      return send(res, 200, { ok: true });
    }

    const upload = url.pathname.match(/^\/upload\/(\w+)$/);
    if (upload && req.method === 'POST') {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      let bytes = new Uint8Array();
      for (const [, value] of form.entries()) {
        if (typeof value !== 'string') bytes = new Uint8Array(await value.arrayBuffer());
      }
      const existing = this.uploads.get(upload[1]!);
      this.uploads.set(upload[1]!, { fileId: upload[1]!, filename: existing?.filename ?? '', bytes });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK - ' + bytes.length);
      return;
    }

    const api = url.pathname.match(/^\/api\/([\w.]+)$/);
    if (!api) return send(res, 404, { ok: false, error: 'not_found' });
    const method = api[1]!;
    const args = parseArgs(raw, contentType);
    const auth = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: ApiCall = { method, args, ...(auth ? { token: auth } : {}), at: Date.now() };
    this.calls.push(call);

    const delay = this.delays.get(method)?.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const status = this.httpFailures.get(method)?.shift() ?? this.outages.get(method);
    if (status) return send(res, status, { ok: false, error: 'internal_error' });
    const failure = this.failures.get(method)?.shift();
    call.response = failure ? { ok: false, error: failure } : this.answer(method, args, auth);
    return send(res, 200, call.response);
  }

  private answer(method: string, args: Json, token: string | undefined): Json {
    const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : '');
    switch (method) {
      case 'auth.test': {
        // An installed workspace's token speaks for that workspace; any other for the fake's own.
        const installed = [...this.installCodes.values()].find((i) => i.botToken === token);
        return { ok: true, url: 'https://fake.slack.com/', team: installed?.teamName ?? 'Fake', user: 'yakjeong', team_id: installed?.teamId ?? 'T0ACME', user_id: 'U0BOT', bot_id: 'B0BOT' };
      }
      case 'oauth.v2.access': {
        if (str('client_id') !== this.oauthClient.id || str('client_secret') !== this.oauthClient.secret) return { ok: false, error: 'invalid_client_id' };
        const install = this.installCodes.get(str('code'));
        if (!install) return { ok: false, error: 'invalid_code' };
        // A code is good once.
        this.installCodes.delete(str('code'));
        this.installCodes.set(`used:${str('code')}`, install);
        return {
          ok: true,
          app_id: 'A_TEST',
          authed_user: { id: install.installer },
          scope: 'commands,chat:write,chat:write.public,files:write,users:read,im:write',
          token_type: 'bot',
          access_token: install.botToken,
          bot_user_id: 'U0BOT',
          team: { id: install.teamId, name: install.teamName },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=${++this.counter}` };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const channel = str('channel');
        const message: StoredMessage = { channel, ts, text: str('text'), blocks: asBlocks(args.blocks) };
        if (str('thread_ts')) message.threadTs = str('thread_ts');
        this.messages.set(`${channel}:${ts}`, message);
        return { ok: true, channel, ts, message: { type: 'message', text: message.text, ts } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update': {
        const key = `${str('channel')}:${str('ts')}`;
        const existing = this.messages.get(key);
        if (!existing) return { ok: false, error: 'message_not_found' };
        existing.text = str('text');
        existing.blocks = asBlocks(args.blocks);
        return { ok: true, channel: existing.channel, ts: existing.ts, text: existing.text };
      }
      case 'chat.scheduleMessage': {
        const id = `Q${++this.counter}`;
        return { ok: true, channel: str('channel'), scheduled_message_id: id, post_at: Number(args.post_at) };
      }
      case 'chat.deleteScheduledMessage':
        return { ok: true };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${++this.counter}`, ...(typeof args.view === 'object' ? (args.view as Json) : {}) } };
      case 'users.info': {
        const u = this.users.get(str('user'));
        if (!u) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: u.id,
            name: u.name,
            real_name: u.realName ?? u.name,
            tz: u.tz,
            locale: args.include_locale === 'true' || args.include_locale === true ? u.locale : undefined,
            is_admin: u.isAdmin ?? false,
            is_owner: u.isOwner ?? false,
            team_id: u.teamId ?? 'T0ACME',
            ...(u.isStranger ? { is_stranger: true } : {}),
            profile: { display_name: u.displayName ?? '', real_name: u.realName ?? u.name },
          },
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${str('users')}` } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.counter}`;
        this.uploads.set(fileId, { fileId, filename: str('filename'), bytes: new Uint8Array() });
        return { ok: true, upload_url: `${this.base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(args.files) ? (args.files as Json[]) : [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: this.uploads.get(String(f.id))?.filename })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    const n = ++this.counter;
    return `${1_800_000_000 + n}.${String(n).padStart(6, '0')}`;
  }
}

function parseArgs(raw: Buffer, contentType: string): Json {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return text ? (JSON.parse(text) as Json) : {};
  const out: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    out[key] = JSON_FIELDS.has(key) && /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

function asBlocks(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
