import type { ChannelRef, Locale, UserRef } from './domain/types.js';

/** Who is acting, where, and what the platform tells about them. */
export interface Actor {
  channel: ChannelRef;
  user: UserRef;
  /** The adapter's word that this person administers the workspace/guild. */
  isAdmin: boolean;
  /** Language the platform reports for the person. */
  locale?: Locale;
  /** Zone the platform reports for the person (Slack's users.info tz). */
  platformTimezone?: string;
  /**
   * What identifies this delivery of the request on its platform (a hash of a signed Slack body,
   * a Discord interaction id). A second request with the same key is a replay: refused, no effect.
   */
  requestKey?: string;
  /**
   * Acting from a direct conversation with the bot, outside any shared channel (a Discord DM):
   * only personal buttons (an Undo in a private notice) work there; everything else needs a channel.
   */
  direct?: true;
}
