/**
 * One HTTP server on PORT shared by the adapters that need it (Slack's HTTP receiver,
 * Discord's interactions endpoint) plus GET /healthz.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly prefixRoutes: Array<{ method: string; prefix: string; handler: RouteHandler }> = [];
  private readonly server: Server;
  private readonly status: Record<string, unknown> = {};

  constructor(private readonly logger: Logger) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.route('GET', '/healthz', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, ...this.status }));
    });
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

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const prefixed = this.prefixRoutes.find((r) => r.method === method && path.startsWith(r.prefix));
    const handler = this.routes.get(`${method} ${path}`) ?? prefixed?.handler;
    const route = this.routes.has(`${method} ${path}`) ? path : `${prefixed?.prefix ?? ''}…`;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"not_found"}');
      return;
    }
    try {
      await handler(req, res);
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
