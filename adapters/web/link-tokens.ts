/**
 * The private link's token: who it answers as (platform, team or guild, user) and for which
 * poll, until when, signed with HMAC-SHA256. Stateless, so any instance verifies it; a fresh
 * token is made whenever the person opens their grid, which renews its expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Locale, Platform } from '../../src/core/domain/types.js';

/** What a token grants. Short keys keep the link short. */
export interface LinkClaims {
  platform: Platform;
  workspaceId: string;
  userId: string;
  /** The name to store with a first answer (the platform's at the time the link was made). */
  userName: string;
  pollId: number;
  /** Epoch ms, on the domain clock. */
  expiresAt: number;
  /** What the platform said about the person when the link was made. */
  locale?: Locale;
  platformTimezone?: string;
}

const wire = z.object({
  v: z.literal(1),
  p: z.enum(['console', 'slack', 'discord']),
  w: z.string().min(1).max(100),
  u: z.string().min(1).max(100),
  n: z.string().max(200),
  i: z.number().int().positive(),
  e: z.number().int(),
  l: z.enum(['ko', 'en']).optional(),
  z: z.string().max(60).optional(),
});

/** A token is [A-Za-z0-9_-] and one dot: safe in a path segment as it is. */
const SHAPE = /^[A-Za-z0-9_-]{10,1500}\.[A-Za-z0-9_-]{43}$/;

export class LinkTokens {
  constructor(private readonly secret: string) {}

  sign(claims: LinkClaims): string {
    const body: z.infer<typeof wire> = {
      v: 1,
      p: claims.platform,
      w: claims.workspaceId,
      u: claims.userId,
      n: claims.userName,
      i: claims.pollId,
      e: claims.expiresAt,
      ...(claims.locale ? { l: claims.locale } : {}),
      ...(claims.platformTimezone ? { z: claims.platformTimezone } : {}),
    };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a token this secret signed and that has not expired at `now`; otherwise nothing, whatever was wrong. */
  verify(token: string, now: number): LinkClaims | undefined {
    if (!SHAPE.test(token)) return undefined;
    const [payload, mac] = token.split('.') as [string, string];
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const parsed = wire.safeParse(json);
    if (!parsed.success || parsed.data.e <= now) return undefined;
    const d = parsed.data;
    return {
      platform: d.p,
      workspaceId: d.w,
      userId: d.u,
      userName: d.n,
      pollId: d.i,
      expiresAt: d.e,
      ...(d.l ? { locale: d.l } : {}),
      ...(d.z ? { platformTimezone: d.z } : {}),
    };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`yakjeong-web-link:${payload}`).digest('base64url');
  }
}
