/**
 * The web grid's routes on the shared HTTP server, all under /w/:
 *   GET  /w/assets/app.js, /w/assets/app.css       the bundle
 *   GET  /w/<CODE>/<token>                          the page
 *   GET  /w/<CODE>/<token>/state                    the state again (JSON)
 *   POST /w/<CODE>/<token>/paint                    a stroke: { changes: [[slot, "y"|"m"|"."], …] }
 *   POST /w/<CODE>/<token>/zone                     { zone }: the person's zone, as /yakjeong tz
 *   GET  /w/<CODE>/<token>/fill                     the answer filled from the usual week, not stored
 *   POST /w/<CODE>/<token>/fill                     {}: store that fill (history: from the usual week)
 *   GET  /w/<CODE>/<token>/events                   server-sent events: the state whenever it changes,
 *                                                   until the token expires ("expired", then the end)
 *   GET  /favicon.ico                               204: the page has no icon
 * HEAD answers wherever GET does, with its headers and no body. A POST must be JSON (else 415);
 * saves, zone changes and fills are limited per person.
 * The token says who the page answers as; a bad, expired or other poll's token gets the same
 * 403, which names nothing. Saves go through the engine like buttons and text, and the chat's
 * poll message is refreshed through the platform's own (coalesced) notifier. No cookies.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import { isUserError, UserError } from '../../src/core/errors.js';
import { catalog, toLocale } from '../../src/core/i18n/index.js';
import type { Clock } from '../../src/core/ports.js';
import type { Reply, View } from '../../src/core/views/reply.js';
import { plainText } from '../../src/core/views/rich.js';
import { readBody, type HttpServer } from '../../src/infra/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { BUNDLE_FILES, FONT_DIR } from './bundle.js';
import type { LinkTokens } from './link-tokens.js';
import { LiveUpdates } from './live-updates.js';
import { buildPageState } from './page-model.js';
import { pageHtml, refusedHtml } from './page-html.js';
import type { FillPreviewResponse, PageError, PaintResponse } from './page-state.js';
import type { PollVersions } from './poll-versions.js';
import { SaveLimiter } from './save-limiter.js';
import { WEB_PREFIX } from './signed-web-links.js';

/** The code an invalid link is refused with, whatever was wrong with it. */
export const LINK_REFUSED = 'LINK_REFUSED';

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const STATE_CODE = { y: 'yes', m: 'maybe', '.': 'no' } as const;

export interface WebGridServerOptions {
  engine: Engine;
  clock: Clock;
  tokens: LinkTokens;
  versions: PollVersions;
  /** Asks the poll's chat platform to redraw its channel message (coalesced there). */
  refreshPoll: (poll: Poll) => void;
  /** Delivers a note for one person on the poll's chat platform, as after a button press. */
  notify?: (poll: Poll, userId: string, view: View) => Promise<void>;
  defaultLocale: Locale;
  logger: Logger;
  /** How often open pages' polls are checked for changes (default 1 s). */
  liveIntervalMs?: number;
  /** Saves allowed per person per second (default 10). */
  savesPerSecond?: number;
}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** A page request whose token checked out: who it answers as, and for which poll. */
interface Visit {
  actor: Actor;
  poll: Poll;
  endpoint: string;
  /** When the token stops granting anything (domain clock, epoch ms). */
  expiresAt: number;
}

/** The longest a timer can wait (about 24.8 days); links last a week. */
const MAX_TIMER_MS = 2_147_483_647;

const paintBody = z.object({
  changes: z
    .array(z.tuple([z.number().int().min(0), z.enum(['y', 'm', '.'])]))
    .min(1)
    .max(5000),
});
const zoneBody = z.object({ zone: z.string().min(1).max(60) });

export class WebGridServer {
  private readonly live: LiveUpdates;
  private readonly limiter: SaveLimiter;
  private assets = new Map<string, Asset>();
  private readonly streams = new Set<ServerResponse>();

  constructor(private readonly options: WebGridServerOptions) {
    this.live = new LiveUpdates(options.versions, options.liveIntervalMs ?? 1000, options.logger);
    this.limiter = new SaveLimiter(options.savesPerSecond ?? 10);
  }

  /** Reads the bundle (build it first) and mounts the routes. */
  mount(http: HttpServer): void {
    this.assets = new Map([
      ['app.js', readAsset(BUNDLE_FILES.js, 'text/javascript; charset=utf-8')],
      ['app.css', readAsset(BUNDLE_FILES.css, 'text/css; charset=utf-8')],
      ...(existsSync(FONT_DIR) ? readdirSync(FONT_DIR) : []).map((name): [string, Asset] => [`fonts/${name}`, readAsset(join(FONT_DIR, name), 'font/woff2')]),
    ]);
    http.routePrefix('GET', WEB_PREFIX, (req, res) => this.get(req, res));
    http.routePrefix('HEAD', WEB_PREFIX, (req, res) => this.get(req, res));
    http.routePrefix('POST', WEB_PREFIX, (req, res) => this.post(req, res));
    // Browsers ask for an icon beside every page: a quiet "no content" rather than a 404.
    const noIcon = (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      res.end();
    };
    http.route('GET', '/favicon.ico', noIcon);
    http.route('HEAD', '/favicon.ico', noIcon);
  }

  /** Ends the live streams (shutdown). */
  stop(): void {
    this.live.stop();
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  private assetPaths(): { js: string; css: string } {
    const v = (name: string) => this.assets.get(name)?.etag.slice(1, 11) ?? '0';
    return { js: `${WEB_PREFIX}assets/app.js?v=${v('app.js')}`, css: `${WEB_PREFIX}assets/app.css?v=${v('app.css')}` };
  }

  private async get(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const segments = pathSegments(req);
    if (segments[0] === 'assets') return this.asset(req, res, segments.slice(1).join('/'));
    const visit = await this.visit(segments);
    if (!visit) return this.refuse(req, res, segments.length <= 2);
    switch (visit.endpoint) {
      case '': {
        const state = await this.state(visit);
        send(res, 200, 'text/html; charset=utf-8', pageHtml(state, this.assetPaths()));
        return;
      }
      case 'state':
        return sendJson(res, 200, await this.state(visit));
      case 'events':
        return this.events(req, res, visit);
      case 'fill':
        return this.refusals(res, visit, () => this.fillPreview(res, visit));
      default:
        return sendJson(res, 404, { code: 'NOT_FOUND', message: 'not found' });
    }
  }

  private async post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const visit = await this.visit(pathSegments(req));
    if (!visit) return this.refuse(req, res, false);
    if (!isJson(req)) return sendJson(res, 415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send application/json.' } satisfies PageError);
    return this.refusals(res, visit, async () => {
      const body = await readJson(req);
      if (visit.endpoint === 'paint') return this.paint(res, visit, body);
      if (visit.endpoint === 'zone') return this.zone(res, visit, body);
      if (visit.endpoint === 'fill') return this.fillSave(res, visit);
      sendJson(res, 404, { code: 'NOT_FOUND', message: 'not found' });
    });
  }

  /** A refusal the person can act on is answered in their language with its stable code. */
  private async refusals(res: ServerResponse, visit: Visit, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (!isUserError(err)) throw err;
      const status = err.code === 'TOO_MANY_SAVES' ? 429 : err.code === 'POLL_CLOSED' || err.code === 'POLL_FULL' ? 409 : 400;
      const locale = await this.options.engine.queries.localeOf(visit.actor);
      const error: PageError = { code: err.code, message: plainText(catalog(locale).errors[err.code](err.params)) };
      sendJson(res, status, error);
    }
  }

  private async paint(res: ServerResponse, visit: Visit, body: unknown): Promise<void> {
    const parsed = paintBody.safeParse(body);
    if (!parsed.success) throw new UserError('BAD_PAINT');
    const { actor, poll } = visit;
    this.allowSave(actor);
    const changes = parsed.data.changes.map(([slot, state]) => ({ slot, state: STATE_CODE[state] }));
    const result = await this.options.engine.paint(actor, poll.code, changes);
    this.afterSave(poll, result.replies);
    const response: PaintResponse = { mine: result.states };
    sendJson(res, 200, response);
  }

  /** Saves are limited per person, whichever page and route they come from. */
  private allowSave(actor: Actor): void {
    if (!this.limiter.allow(`${actor.channel.platform}:${actor.channel.workspaceId}:${actor.user.id}`)) throw new UserError('TOO_MANY_SAVES');
  }

  /** "Fill from my usual week": the filled answer for this page alone; nothing is stored, so no other page hears of it. */
  private async fillPreview(res: ServerResponse, visit: Visit): Promise<void> {
    const { stored, filled } = await this.options.engine.previewUsualWeek(visit.actor, visit.poll.code);
    const response: FillPreviewResponse = { mine: stored, filled };
    sendJson(res, 200, response);
  }

  /** Its Save: one store through the engine, recorded as from the usual week. */
  private async fillSave(res: ServerResponse, visit: Visit): Promise<void> {
    const { actor, poll } = visit;
    this.allowSave(actor);
    const result = await this.options.engine.saveUsualWeek(actor, poll.code);
    this.afterSave(poll, result.replies);
    const response: PaintResponse = { mine: result.states };
    sendJson(res, 200, response);
  }

  private async zone(res: ServerResponse, visit: Visit, body: unknown): Promise<void> {
    const parsed = zoneBody.safeParse(body);
    if (!parsed.success) throw new UserError('BAD_TIMEZONE', { input: '' });
    this.allowSave(visit.actor);
    // The same use case as /yakjeong tz: it checks the zone and keeps it for the chat too.
    await this.options.engine.polls.timezone(visit.actor, parsed.data.zone);
    sendJson(res, 200, await this.state(visit));
  }

  /**
   * The engine's replies to a save, as a button press's would go: the chat's poll message follows
   * the answer, and a note for one person (the creator told that everyone answered, decided by
   * the engine as for buttons and text) is sent on the poll's platform. Like a button's note for
   * someone else, its failure is only logged: the save stands.
   */
  private afterSave(poll: Poll, replies: Reply[]): void {
    const { logger, notify } = this.options;
    for (const reply of replies) {
      if (reply.type === 'refresh-poll') {
        this.options.refreshPoll(poll);
      } else if (reply.type === 'post' && reply.audience.kind === 'user' && notify) {
        const userId = reply.audience.userId;
        notify(poll, userId, reply.view).catch((err: unknown) => logger.warn({ err, pollId: poll.id, userId }, 'web save: could not notify another person'));
      } else {
        logger.debug({ pollId: poll.id, reply: reply.type }, 'web save: reply not delivered from the page');
      }
    }
  }

  private async events(req: IncomingMessage, res: ServerResponse, visit: Visit): Promise<void> {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // EventSource reconnects by itself after this long when the stream drops.
    res.write('retry: 2000\n\n');
    this.streams.add(res);
    const { clock } = this.options;
    // The link grants the stream only until it expires: then the page is told, and it ends.
    const expired = () => clock.now() >= visit.expiresAt;
    const finish = (event: 'gone' | 'expired') => {
      if (res.writableEnded) return;
      res.write(`event: ${event}\ndata: {}\n\n`);
      res.end();
    };
    const expiry = setTimeout(() => finish('expired'), Math.max(0, Math.min(visit.expiresAt - clock.now(), MAX_TIMER_MS)));
    expiry.unref();
    const first = await this.state(visit);
    const unfollow = this.live.follow(visit.poll.id, first.version, async (version) => {
      if (res.writableEnded) return;
      if (expired()) return finish('expired');
      if (version === undefined) return finish('gone');
      const poll = await this.options.engine.queries.getPoll(visit.poll.id);
      if (!poll) return;
      const state = await this.state({ ...visit, poll });
      res.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
    });
    // Proxies close quiet connections; a comment every 20 s keeps this one open.
    const heartbeat = setInterval(() => (expired() ? finish('expired') : res.write(': ping\n\n')), 20_000);
    heartbeat.unref();
    res.on('close', () => {
      clearTimeout(expiry);
      clearInterval(heartbeat);
      unfollow();
      this.streams.delete(res);
    });
  }

  private async state(visit: Pick<Visit, 'actor' | 'poll'>) {
    const { engine, clock, versions } = this.options;
    const version = (await versions.version(visit.poll.id)) ?? '';
    return buildPageState({ engine, actor: visit.actor, poll: visit.poll, now: clock.now(), version });
  }

  /** The person and poll a path's token grants, or nothing when anything about it is wrong. */
  private async visit(segments: string[]): Promise<Visit | undefined> {
    const [code, token, endpoint = '', ...rest] = segments;
    if (!code || !token || rest.length > 0) return undefined;
    const claims = this.options.tokens.verify(token, this.options.clock.now());
    if (!claims) return undefined;
    const poll = await this.options.engine.queries.getPoll(claims.pollId);
    if (
      !poll ||
      poll.status === 'deleted' ||
      poll.code !== code.toUpperCase() ||
      poll.channel.platform !== claims.platform ||
      poll.channel.workspaceId !== claims.workspaceId
    ) {
      return undefined;
    }
    const actor: Actor = {
      channel: poll.channel,
      user: { id: claims.userId, name: claims.userName },
      isAdmin: false,
      ...(claims.locale ? { locale: claims.locale } : {}),
      ...(claims.platformTimezone ? { platformTimezone: claims.platformTimezone } : {}),
    };
    return { actor, poll, endpoint, expiresAt: claims.expiresAt };
  }

  private refuse(req: IncomingMessage, res: ServerResponse, page: boolean): void {
    const locale = toLocale(req.headers['accept-language']?.split(',')[0]) ?? this.options.defaultLocale;
    if (page) send(res, 403, 'text/html; charset=utf-8', refusedHtml(locale));
    else sendJson(res, 403, { code: LINK_REFUSED, message: catalog(locale).web.refused } satisfies PageError);
  }

  private asset(req: IncomingMessage, res: ServerResponse, name: string): void {
    const asset = this.assets.get(name);
    if (!asset) return sendJson(res, 404, { code: 'NOT_FOUND', message: 'not found' });
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, { ...SECURITY_HEADERS, etag: asset.etag });
      res.end();
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': asset.type, 'cache-control': 'public, max-age=3600', etag: asset.etag });
    res.end(asset.body);
  }
}

function readAsset(path: string, type: string): Asset {
  const body = readFileSync(path);
  return { body, type, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"` };
}

/** The path under /w/, split; the query is ignored. */
function pathSegments(req: IncomingMessage): string[] {
  const path = (req.url ?? '').split('?')[0] ?? '';
  return path.slice(WEB_PREFIX.length).split('/').filter(Boolean);
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse((await readBody(req, 200_000)).toString('utf8'));
  } catch {
    throw new UserError('BAD_PAINT');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
