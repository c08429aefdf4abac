/**
 * Delivering interactions to the HTTP endpoint as Discord does: Ed25519-signed over the
 * timestamp and the raw body, with a key pair made for the test.
 */
import { sign, type KeyObject } from 'node:crypto';
import { expect } from 'vitest';
import type { APIInteraction } from 'discord-api-types/v10';
import { initialResponseViolation, type FakeDiscord } from './fake-discord.js';

/** The raw 32-byte public key as hex, the way the developer portal shows it. */
export function publicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
}

export interface Sent {
  status: number;
  body: { type?: number; data?: Record<string, unknown>; error?: string };
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
    const sent = { status: response.status, body: (await response.json()) as Sent['body'] };
    // The initial response never reaches the fake: hold it to Discord's limits here.
    if (sent.status === 200) expect(initialResponseViolation(sent.body)).toBeUndefined();
    return sent;
  };
}
