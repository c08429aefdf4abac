/**
 * What Slack knows about a person (zone, language, admin rights, display name), from
 * users.info. Kept in memory for a while so a burst of clicks costs one API call; this is a
 * cache, not state: losing it only means asking Slack again.
 */
import type { ClientFor } from './clients.js';
import type { Actor } from '../../src/core/engine.js';
import type { Clock } from '../../src/core/ports.js';
import type { Locale } from '../../src/core/domain/types.js';
import { toLocale } from '../../src/core/i18n/index.js';
import type { Logger } from '../../src/logger.js';

export interface SlackUserInfo {
  id: string;
  name: string;
  tz?: string;
  locale?: Locale;
  /**
   * An admin or owner of their own workspace (`teamId`). Only counts in that workspace: see
   * buildActor.
   */
  isAdmin: boolean;
  /** The person's home workspace (users.info `team_id`). */
  teamId?: string;
  /** Slack Connect: the person belongs to another organisation (users.info `is_stranger`). */
  isStranger?: boolean;
}

interface Entry {
  at: number;
  value: Promise<SlackUserInfo | undefined>;
}

export interface UserDirectoryOptions {
  ttlMs?: number;
  maxEntries?: number;
}

export class SlackUserDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly clientFor: ClientFor,
    private readonly logger: Logger,
    clock: Clock,
    options: UserDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.now = () => clock.now();
  }

  /**
   * The person's profile, or undefined when Slack cannot say (missing scope, network). With
   * `timeoutMs` the caller stops waiting (the lookup still fills the cache for next time):
   * a click must be acknowledged within 3 s whatever users.info does.
   */
  async lookup(workspaceId: string, userId: string, timeoutMs?: number): Promise<SlackUserInfo | undefined> {
    // The same user id may be asked about from two workspaces (Slack Connect): one entry each.
    const key = `${workspaceId}/${userId}`;
    const entry = this.fresh(key) ?? this.fetch(key, workspaceId, userId);
    if (timeoutMs === undefined) return entry.value;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      return await Promise.race([entry.value, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at < this.ttlMs) return entry;
    return undefined;
  }

  private fetch(key: string, workspaceId: string, userId: string): Entry {
    const entry: Entry = { at: this.now(), value: Promise.resolve(undefined) };
    entry.value = this.clientFor(workspaceId)
      .then((client) => client.users.info({ user: userId, include_locale: true }))
      .then((res): SlackUserInfo | undefined => {
        const u = res.user;
        if (!u?.id) return undefined;
        const info: SlackUserInfo = {
          id: u.id,
          name: u.profile?.display_name || u.real_name || u.name || u.id,
          isAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
        };
        if (u.team_id) info.teamId = u.team_id;
        if (u.is_stranger) info.isStranger = true;
        if (u.tz) info.tz = u.tz;
        const locale = toLocale(u.locale);
        if (locale) info.locale = locale;
        return info;
      })
      .catch((err: unknown) => {
        this.logger.warn({ err, userId }, 'users.info failed; using what the payload says');
        // A failure is not cached: the next event asks again.
        if (this.entries.get(key) === entry) this.entries.delete(key);
        return undefined;
      });
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Oldest first in a Map: dropping the first keys bounds memory in huge workspaces.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

/** Where an event happened, as the Slack payload says. */
export interface SlackPlace {
  teamId: string;
  enterpriseId?: string | undefined;
  channelId: string;
}

/**
 * The workspace part of a poll's channel ref. Bound to the team the event came from (plus
 * the Enterprise Grid org when present), so a poll code named from another workspace is
 * simply not found.
 */
export function workspaceIdOf(place: Pick<SlackPlace, 'teamId' | 'enterpriseId'>): string {
  return place.enterpriseId ? `${place.enterpriseId}:${place.teamId}` : place.teamId;
}

/**
 * Admin rights count only in the admin's own workspace: in a Slack Connect channel an admin
 * of another organisation (another `team_id`, or `is_stranger`) is an ordinary member. A
 * profile that does not say which workspace it belongs to grants nothing.
 */
function isAdminHere(place: SlackPlace, info: SlackUserInfo | undefined): boolean {
  return Boolean(info?.isAdmin && !info.isStranger && info.teamId !== undefined && info.teamId === place.teamId);
}

export function buildActor(place: SlackPlace, user: { id: string; name?: string | undefined }, info: SlackUserInfo | undefined): Actor {
  const actor: Actor = {
    channel: { platform: 'slack', workspaceId: workspaceIdOf(place), channelId: place.channelId },
    user: { id: user.id, name: info?.name ?? user.name ?? user.id },
    isAdmin: isAdminHere(place, info),
  };
  if (info?.locale) actor.locale = info.locale;
  if (info?.tz) actor.platformTimezone = info.tz;
  return actor;
}
