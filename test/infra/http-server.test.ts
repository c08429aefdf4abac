/**
 * The shared HTTP server as a load balancer meets it: /healthz follows the store's
 * reachability (a real SQLite database, closed to make it fail), /metrics is Prometheus text
 * behind a bearer token, and close() lets a slow request in flight finish while refusing new ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/infra/db/open-database.js';
import { SqliteSharedRecords } from '../../src/infra/db/sqlite/sqlite-shared-records.js';
import { HttpServer } from '../../src/infra/http/http-server.js';
import { METRICS_PATH, metricsRoute } from '../../src/infra/http/metrics-route.js';
import { countingStoreErrors } from '../../src/infra/metrics/metrics.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-http-'));
const logger = pino({ level: 'silent' });
const servers: HttpServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(server: HttpServer): Promise<string> {
  servers.push(server);
  return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

describe('GET /healthz', () => {
  it('is 200 while the store answers and 503 with a short reason once it does not', async () => {
    const database = openDatabase(join(dir, 'health.db'));
    const base = await serve(new HttpServer(logger, { ping: async () => void database.sqlite.prepare('select 1').get() }));
    const up = await fetch(`${base}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true });
    database.close();
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, reason: 'store unreachable' });
  });

  it('is 503 when the store does not answer in time', async () => {
    const base = await serve(new HttpServer(logger, { ping: () => new Promise<void>(() => undefined), pingTimeoutMs: 50 }));
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reason: 'store not answering' });
  });
});

describe('GET /metrics', () => {
  const TOKEN = 'metrics-token-0123456789';

  async function metricsServer(): Promise<{ base: string; metrics: PrometheusMetrics }> {
    const metrics = new PrometheusMetrics({ outbox: async () => ({ depth: 3, oldestDueAgeSeconds: 42 }), renderQueueLength: () => 0 });
    const server = new HttpServer(logger, { metrics });
    server.route('GET', METRICS_PATH, metricsRoute(metrics, TOKEN));
    return { base: await serve(server), metrics };
  }

  it('answers 401 without the bearer token or with another, and Prometheus text with it', async () => {
    const { base } = await metricsServer();
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
    await fetch(`${base}/nowhere`);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('yakjeong_outbox_depth 3');
    expect(text).toContain('yakjeong_outbox_oldest_due_seconds 42');
    expect(text).toContain('yakjeong_render_queue_length 0');
    expect(text).toContain('yakjeong_http_requests_total{route="/metrics",status="401"} 3');
    expect(text).toContain('yakjeong_http_requests_total{route="other",status="404"} 1');
  });

  it('counts store errors of a real store that fails, and still throws them', async () => {
    const { base, metrics } = await metricsServer();
    const database = openDatabase(join(dir, 'errors.db'));
    const records = countingStoreErrors(new SqliteSharedRecords(database), 'records', metrics);
    await records.put('scope', 'key', 'value', 1);
    database.close();
    await expect(records.get('scope', 'key')).rejects.toThrow(/not open/);
    const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toContain('yakjeong_store_errors_total{operation="records.get"} 1');
    expect(text).not.toContain('operation="records.put"');
  });
});

describe('close()', () => {
  it('refuses new connections, lets a slow request in flight finish, then resolves', async () => {
    const server = new HttpServer(logger);
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finishedWork = false;
    server.route('POST', '/slow', async (_req, res) => {
      entered();
      await gate;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('done');
      finishedWork = true;
    });
    const port = await server.listen(0, '127.0.0.1');
    const slow = fetch(`http://127.0.0.1:${port}/slow`, { method: 'POST' });
    await inHandler;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    // A new request is refused while the slow one is still running.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);
    release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('done');
    await closing;
    expect(finishedWork).toBe(true);
  });
});
