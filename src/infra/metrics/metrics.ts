/**
 * What an operator watches behind a load balancer: HTTP requests and platform interactions by
 * outcome, acknowledgement latency, the outbox, scheduled deliveries retried and given up, the
 * render queue and store errors. Adapters, the scheduler and the HTTP server report through the
 * small `Metrics` interface; `noMetrics` is for set-ups without an HTTP server (nobody could
 * scrape them), and PrometheusMetrics (prometheus-metrics.ts) for the rest.
 */

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
