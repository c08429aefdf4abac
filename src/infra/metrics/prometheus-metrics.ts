/**
 * The metrics as Prometheus serves them (prom-client). Kept apart from the `Metrics` interface so
 * that only a set-up with an HTTP server to scrape loads prom-client.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InteractionKind, InteractionOutcome, MetricSources, Metrics, OutboxStats } from './metrics.js';

/** Slack's and Discord's limit is 3 s: the buckets are dense below it. */
const ACK_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5];

export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'status'>;
  private readonly interactions: Counter<'platform' | 'kind' | 'outcome'>;
  private readonly ackSeconds: Histogram<'platform' | 'kind'>;
  private readonly deliveries: Counter<'platform' | 'result'>;
  private readonly storeErrors: Counter<'operation'>;

  constructor(sources: MetricSources = {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'yakjeong_' });
    this.requests = new Counter({ name: 'yakjeong_http_requests_total', help: 'HTTP requests answered, by route and status', labelNames: ['route', 'status'], registers });
    this.interactions = new Counter({
      name: 'yakjeong_interactions_total',
      help: 'Commands, clicks, forms and autocompletes by platform and outcome',
      labelNames: ['platform', 'kind', 'outcome'],
      registers,
    });
    this.ackSeconds = new Histogram({
      name: 'yakjeong_ack_seconds',
      help: 'Time from an interaction arriving to its acknowledgement',
      labelNames: ['platform', 'kind'],
      buckets: ACK_BUCKETS,
      registers,
    });
    this.deliveries = new Counter({
      name: 'yakjeong_deliveries_total',
      help: 'Scheduled posts that failed, by whether they will be retried or were given up',
      labelNames: ['platform', 'result'],
      registers,
    });
    this.storeErrors = new Counter({ name: 'yakjeong_store_errors_total', help: 'Store operations that failed', labelNames: ['operation'], registers });
    const outbox = sources.outbox;
    let stats: Promise<OutboxStats> | undefined;
    // Both gauges read one query per scrape.
    const read = (): Promise<OutboxStats> => {
      stats ??= (outbox ? outbox() : Promise.resolve({ depth: 0, oldestDueAgeSeconds: 0 })).finally(() => {
        stats = undefined;
      });
      return stats;
    };
    const outboxGauge = (name: string, help: string, figure: (stats: OutboxStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect: async function (this: Gauge) {
          this.set(figure(await read()));
        },
      });
    outboxGauge('yakjeong_outbox_depth', 'Outbox items waiting to be sent', (stats) => stats.depth);
    outboxGauge('yakjeong_outbox_oldest_due_seconds', 'How long the oldest due outbox item has waited', (stats) => stats.oldestDueAgeSeconds);
    const renderQueue = sources.renderQueueLength ?? (() => 0);
    new Gauge({
      name: 'yakjeong_render_queue_length',
      help: 'Heatmaps waiting to be drawn',
      registers,
      collect: function (this: Gauge) {
        this.set(renderQueue());
      },
    });
  }

  httpRequest(route: string, status: number): void {
    this.requests.inc({ route, status: String(status) });
  }

  interaction(platform: string, kind: InteractionKind, outcome: InteractionOutcome): void {
    this.interactions.inc({ platform, kind, outcome });
  }

  acknowledged(platform: string, kind: InteractionKind, seconds: number): void {
    this.ackSeconds.observe({ platform, kind }, seconds);
  }

  delivery(platform: string, result: 'retried' | 'failed'): void {
    this.deliveries.inc({ platform, result });
  }

  storeError(operation: string): void {
    this.storeErrors.inc({ operation });
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
