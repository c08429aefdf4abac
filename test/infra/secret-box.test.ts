/** Sealed secrets: readable only under the same key and record, and never stored in the clear. */
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/infra/crypto/secret-box.js';

const box = new SecretBox('0f'.repeat(32));

describe('SecretBox (AES-256-GCM)', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('xoxb-secret', 'team:T1');
    const b = box.seal('xoxb-secret', 'team:T1');
    expect(a).not.toContain('xoxb');
    expect(a).not.toBe(b);
    expect(box.open(a, 'team:T1')).toBe('xoxb-secret');
  });

  it('refuses a value moved to another record, changed, or sealed under another key', () => {
    const sealed = box.seal('xoxb-secret', 'team:T1');
    expect(() => box.open(sealed, 'team:T2')).toThrow();
    const [v, nonce, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, nonce, tag, flipped.toString('base64url')].join('.'), 'team:T1')).toThrow();
    expect(() => new SecretBox('1e'.repeat(32)).open(sealed, 'team:T1')).toThrow();
    expect(() => box.open('not sealed', 'team:T1')).toThrow(/not a sealed value/);
  });
});
