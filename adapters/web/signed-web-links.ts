/**
 * WebLinks with signed tokens: `<base>/w/<CODE>/<token>`. Slack and Discord people get links
 * only to a public address (a loopback link is useless to them); the console links to the
 * address this process listens on, known once the server is up.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src/core/actor.js';
import type { Platform, Poll } from '../../src/core/domain/types.js';
import type { Clock, SharedRecords, WebLinks } from '../../src/core/ports.js';
import { LinkTokens } from './link-tokens.js';

export const DEFAULT_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Where the page lives under the server: `/w/<CODE>/<token>[/<endpoint>]`. */
export const WEB_PREFIX = '/w/';

export interface SignedWebLinksOptions {
  tokens: LinkTokens;
  clock: Clock;
  /** The public address (YAKJEONG_PUBLIC_URL), without a trailing slash. */
  publicUrl?: string;
  ttlMs?: number;
}

export class SignedWebLinks implements WebLinks {
  private localBase: string | undefined;

  constructor(private readonly options: SignedWebLinksOptions) {}

  /** The console's own address, once its server listens (http://127.0.0.1:PORT). */
  setLocalBase(base: string): void {
    this.localBase = base.replace(/\/+$/, '');
  }

  linkFor(actor: Actor, poll: Poll): string | undefined {
    const base = this.baseFor(actor.channel.platform);
    if (!base) return undefined;
    const token = this.options.tokens.sign({
      platform: actor.channel.platform,
      workspaceId: actor.channel.workspaceId,
      userId: actor.user.id,
      userName: actor.user.name,
      pollId: poll.id,
      expiresAt: this.options.clock.now() + (this.options.ttlMs ?? DEFAULT_LINK_TTL_MS),
      ...(actor.locale ? { locale: actor.locale } : {}),
      ...(actor.platformTimezone ? { platformTimezone: actor.platformTimezone } : {}),
    });
    return `${base}${WEB_PREFIX}${poll.code}/${token}`;
  }

  inPollMessage(platform: Platform): boolean {
    // The console's grid prints the link itself; a button there would only renumber the others.
    return platform !== 'console' && this.baseFor(platform) !== undefined;
  }

  private baseFor(platform: Platform): string | undefined {
    if (this.options.publicUrl) return this.options.publicUrl;
    return platform === 'console' ? this.localBase : undefined;
  }
}

/** The signing secret: the configured one, else one generated at first start and kept in the store for every instance. */
export async function webSecret(configured: string | undefined, records: SharedRecords, clock: Clock): Promise<string> {
  if (configured) return configured;
  return records.getOrCreate('web', 'link-secret', () => randomBytes(32).toString('base64url'), clock.now());
}
