/**
 * Delivering interactions to the HTTP endpoint as Discord does: Ed25519-signed over the
 * timestamp and the raw body, with a key pair made for the test; and the adapter behind it.
 */
import { sign, type KeyObject } from 'node:crypto';
import { expect } from 'vitest';
import type { APIInteraction } from 'discord-api-types/v10';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.js';
import type { DiscordConfig } from '../../src/config.js';
import { HttpServer } from '../../src/infra/http/http-server.js';
import type { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { initialResponseViolation, type FakeDiscord, type FakeMessage } from './fake-discord.js';
import { NOW, type TestWorld } from './fixtures.js';

/** The raw 32-byte public key as hex, the way the developer portal shows it. */
export function publicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
}

export interface Sent {
  status: number;
  body: { type?: number; data?: Record<string, unknown>; error?: string };
  /** Set when the response had no body at all (a replay is answered so). */
  empty?: true;
}

export interface SendOptions {
  key?: KeyObject;
  tamper?: boolean;
  unsigned?: boolean;
  signedAt?: number;
}

/** A sender for one endpoint: each interaction is registered with the fake, signed, POSTed. */
export function signedSender(fake: FakeDiscord, endpoint: () => string, privateKey: KeyObject, now: number): (interaction: APIInteraction, options?: SendOptions) => Promise<Sent> {
  return async (interaction: APIInteraction, options: SendOptions = {}): Promise<Sent> => {
    fake.expectHttp(interaction);
    const body = JSON.stringify(interaction);
    const timestamp = String(Math.floor((options.signedAt ?? now) / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), options.key ?? privateKey).toString('hex');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!options.unsigned) {
      headers['x-signature-ed25519'] = signature;
      headers['x-signature-timestamp'] = timestamp;
    }
    const response = await fetch(endpoint(), { method: 'POST', headers, body: options.tamper ? body.replace('yakjeong', 'yakjeonG') : body });
    const text = await response.text();
    if (!text) return { status: response.status, body: {}, empty: true };
    const sent = { status: response.status, body: JSON.parse(text) as Sent['body'] };
    // The initial response never reaches the fake: hold it to Discord's limits here.
    if (sent.status === 200) expect(initialResponseViolation(sent.body)).toBeUndefined();
    return sent;
  };
}

export interface EndpointEnv {
  world: TestWorld;
  fake: FakeDiscord;
  http: HttpServer;
  adapter: DiscordAdapter;
  endpoint: string;
  send: (interaction: APIInteraction, options?: SendOptions) => Promise<Sent>;
  /** The interaction's @original once it no longer shows "thinking…". */
  settledOriginal: (interaction: APIInteraction) => Promise<FakeMessage>;
  /** Stops the adapter and the server and closes the world's database (the fake keeps running). */
  stop: () => Promise<void>;
}

/** The real adapter behind the shared HTTP server, serving signed interactions from `keys`. */
export async function startHttpEndpoint(
  world: TestWorld,
  fake: FakeDiscord,
  options: { config: DiscordConfig; privateKey: KeyObject; metrics?: PrometheusMetrics },
): Promise<EndpointEnv> {
  const http = new HttpServer(world.logger, options.metrics ? { metrics: options.metrics } : {});
  const adapter = createDiscordAdapter({
    engine: world.engine,
    config: options.config,
    logger: world.logger,
    http,
    store: world.store,
    refreshIntervalMs: 20,
    clock: world.clock,
    records: world.records,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    // Real time as the endpoint reads it when checking X-Signature-Timestamp.
    realNow: () => NOW,
  });
  await adapter.start();
  const endpoint = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}/discord/interactions`;
  return {
    world,
    fake,
    http,
    adapter,
    endpoint,
    send: signedSender(fake, () => endpoint, options.privateKey, NOW),
    settledOriginal: (interaction) =>
      fake.waitFor(() => {
        const m = fake.original(interaction);
        return m && !m.deferred ? m : undefined;
      }),
    async stop() {
      await adapter.stop();
      await http.close();
      world.database.close();
    },
  };
}
