/**
 * What an operator watches behind a load balancer, as Prometheus metrics (prom-client): HTTP
 * requests and platform interactions by outcome, acknowledgement latency, the outbox, scheduled
 * deliveries retried and given up, the render queue and store errors. Adapters, the scheduler
 * and the HTTP server report through the small `Metrics` interface; `noMetrics` is for set-ups
 * without an HTTP server (nobody could scrape them).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What a person's interaction came to: answered, refused with a message for them, failed on our
 * side, or a replay of a request already acted on (dropped without a word).
 */
export type InteractionOutcome = 'ok' | 'user_error' | 'failed' | 'replayed';
export type InteractionKind = 'command' | 'click' | 'form' | 'autocomplete';

export interface Metrics {
  /** One HTTP request answered; `route` is one of ours or "other". */
  httpRequest(route: string, status: number): void;
  interaction(platform: string, kind: InteractionKind, outcome: InteractionOutcome): void;
  /** Seconds from an interaction's arrival to its acknowledgement (Slack's ack, Discord's initial response). */
  acknowledged(platform: string, kind: InteractionKind, seconds: number): void;
  /** A scheduled post failed: tried again later, or given up for good. */
  delivery(platform: string, result: 'retried' | 'failed'): void;
  storeError(operation: string): void;
}

export const noMetrics: Metrics = {
  httpRequest: () => undefined,
  interaction: () => undefined,
  acknowledged: () => undefined,
  delivery: () => undefined,
  storeError: () => undefined,
};

/** The outbox as the store sees it: items waiting to be sent, and how long the oldest due one has waited. */
export interface OutboxStats {
  depth: number;
  /** Seconds since the oldest pending item became due; 0 when none is due. */
  oldestDueAgeSeconds: number;
}

export interface MetricSources {
  outbox?: () => Promise<OutboxStats>;
  /** Heatmaps waiting to be drawn (no queue yet: 0). */
  renderQueueLength?: () => number;
}

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

/**
 * The same store with every failing call counted (and still thrown), so store errors show
 * whichever part of the program met them. Only methods returning promises are watched.
 */
export function countingStoreErrors<T extends object>(store: T, name: string, metrics: Metrics): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((err: unknown) => {
          metrics.storeError(`${name}.${property}`);
          throw err;
        });
      };
    },
  });
}
