/**
 * GET /metrics for Prometheus. With METRICS_TOKEN set, only a request carrying it as a bearer
 * token is served (401 otherwise); the comparison takes the same time whatever was sent.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrometheusMetrics } from '../metrics/prometheus-metrics.js';
import type { RouteHandler } from './http-server.js';

export const METRICS_PATH = '/metrics';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function metricsRoute(metrics: PrometheusMetrics, token?: string): RouteHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (expected) {
      const sent = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
      if (!timingSafeEqual(digest(sent), expected)) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="metrics"' });
        res.end('{"ok":false,"error":"unauthorized"}');
        return;
      }
    }
    const { contentType, body } = await metrics.exposition();
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  };
}
