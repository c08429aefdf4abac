/**
 * One HTTP server on PORT shared by the adapters that need it (Slack's HTTP receiver,
 * Discord's interactions endpoint) plus GET /healthz, which a load balancer polls: 200 while
 * the store answers, 503 with a short reason when it does not or while shutting down.
 * close() drains: it stops accepting, lets every request in flight finish its work, then closes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.js';
import { noMetrics, type Metrics } from '../metrics/metrics.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  /** Resolves when the store answers (e.g. `select 1`); /healthz is 503 while it rejects. */
  ping?: () => Promise<void>;
  metrics?: Metrics;
  /** How long close() lets requests in flight finish before cutting their connections (default 25 s). */
  drainTimeoutMs?: number;
  /** How long /healthz waits for the store (default 2 s). */
  pingTimeoutMs?: number;
}

export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly prefixRoutes: Array<{ method: string; prefix: string; handler: RouteHandler }> = [];
  private readonly server: Server;
  private readonly status: Record<string, unknown> = {};
  private readonly inFlight = new Set<Promise<void>>();
  private readonly metrics: Metrics;
  private draining = false;

  constructor(
    private readonly logger: Logger,
    private readonly options: HttpServerOptions = {},
  ) {
    this.metrics = options.metrics ?? noMetrics;
    this.server = createServer((req, res) => {
      const work = this.dispatch(req, res).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    this.route('GET', '/healthz', (_req, res) => this.health(res));
  }

  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /**
   * Serves every path under `prefix` (which ends in "/"), for pages named by their path. Paths
   * under a prefix may carry secrets (the web grid's tokens): only the prefix is ever logged.
   */
  routePrefix(method: string, prefix: string, handler: RouteHandler): void {
    this.prefixRoutes.push({ method: method.toUpperCase(), prefix, handler });
  }

  /** Adds a field to the /healthz answer (e.g. which adapters run). */
  setStatus(key: string, value: unknown): void {
    this.status[key] = value;
  }

  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * Stops accepting connections, waits for the requests in flight (their handlers' work, not
   * only their responses), then closes; connections still open after the drain timeout are cut.
   */
  async close(): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Keep-alive connections with no request on them would hold close() open.
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.drainTimeoutMs ?? 25_000);
    });
    const drained = await Promise.race([Promise.allSettled([...this.inFlight]).then(() => 'drained' as const), timedOut]);
    if (drained === 'timeout') this.logger.warn({ inFlight: this.inFlight.size }, 'requests still running after the drain timeout; closing their connections');
    this.server.closeAllConnections();
    await Promise.race([closed, timedOut]);
    clearTimeout(timer);
  }

  private async health(res: ServerResponse): Promise<void> {
    const answer = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...body, ...this.status }));
    };
    if (this.draining) return answer(503, { ok: false, reason: 'shutting down' });
    const failure = await this.pingStore();
    if (failure) return answer(503, { ok: false, reason: failure });
    answer(200, { ok: true });
  }

  /** Undefined when the store answered; else the short reason /healthz gives (details go to the log). */
  private async pingStore(): Promise<string | undefined> {
    const { ping } = this.options;
    if (!ping) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.pingTimeoutMs ?? 2_000);
    });
    try {
      const result = await Promise.race([ping().then(() => 'ok' as const), timeout]);
      if (result === 'ok') return undefined;
      this.metrics.storeError('ping');
      this.logger.warn('health check: the store did not answer in time');
      return 'store not answering';
    } catch (err) {
      this.metrics.storeError('ping');
      this.logger.warn({ err }, 'health check: the store is unreachable');
      return 'store unreachable';
    } finally {
      clearTimeout(timer);
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const exact = this.routes.get(`${method} ${path}`);
    const prefixed = exact ? undefined : this.prefixRoutes.find((r) => r.method === method && path.startsWith(r.prefix));
    const handler = exact ?? prefixed?.handler;
    // Only our own routes become labels (a prefix stands for its pages, whose paths carry tokens),
    // so a scan of random paths cannot grow the metrics and no token reaches a log.
    const route = exact ? path : prefixed ? `${prefixed.prefix}…` : 'other';
    res.once('finish', () => this.metrics.httpRequest(route, res.statusCode));
    // A load balancer should not reuse a connection to an instance that is going away.
    if (this.draining) res.setHeader('connection', 'close');
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"not_found"}');
      return;
    }
    try {
      await handler(req, res);
      // Some handlers (Bolt's receiver) return before they answer: the request is in flight until then.
      if (!res.writableEnded && !res.closed) await new Promise<void>((resolve) => res.once('close', resolve));
    } catch (err) {
      this.logger.error({ err, path: route }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  }
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
