/**
 * Secrets kept at rest (bot tokens of installed workspaces) sealed with AES-256-GCM under
 * YAKJEONG_SECRET_KEY. Each value gets a fresh 96-bit nonce; the authentication tag refuses a
 * changed value, and the associated data (the record's key) refuses one moved to another record.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 12;

export class SecretBox {
  private readonly key: Buffer;

  /** `hexKey`: 32 bytes as 64 hex characters. */
  constructor(hexKey: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(hexKey)) throw new Error('the secret key must be 32 bytes as 64 hex characters');
    this.key = Buffer.from(hexKey, 'hex');
  }

  /** "v1.<nonce>.<tag>.<ciphertext>", base64url parts. */
  seal(plaintext: string, associatedData: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), sealed].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The plaintext; throws when the value was changed, moved, or sealed under another key. */
  open(sealed: string, associatedData: string): string {
    const [version, nonce, tag, body] = sealed.split('.');
    if (version !== VERSION || nonce === undefined || tag === undefined || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
