/**
 * Ed25519 verification of Discord's HTTP interaction requests. Discord probes endpoints with
 * bad signatures and removes those that accept them, so everything that fails here is a 401.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure node:crypto accepts. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key as shown in the developer portal (64 hex characters). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('Discord public key must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** True when `signatureHex` signs `timestamp + body` under `key`. Never throws on hostile input. */
export function verifyDiscordSignature(
  key: KeyObject,
  timestamp: string | undefined,
  body: Buffer,
  signatureHex: string | undefined,
): boolean {
  if (!timestamp || !signatureHex || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
