/** Suggestions while someone types a time zone or a poll code (Discord shows at most 25). */
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { ChannelRef } from '../../src/core/domain/types.js';
import type { PollStore } from '../../src/core/ports.js';
import { truncate } from './text-limits.js';

const MAX_CHOICES = 25;
/** A choice's name is at most 100 characters. */
const MAX_NAME = 100;

let zones: string[] | undefined;

function allZones(): string[] {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'].filter((z, i, all) => all.indexOf(z) === i);
  return zones;
}

/** Zones containing what was typed ("seoul", "new york", "america/"), prefix matches first. */
export function timezoneChoices(typed: string): APIApplicationCommandOptionChoice<string>[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const matches = allZones().filter((z) => z.toLowerCase().includes(query));
  const rank = (z: string): number => {
    const lower = z.toLowerCase();
    const city = lower.split('/').pop() ?? lower;
    return lower.startsWith(query) || city.startsWith(query) ? 0 : 1;
  };
  return matches
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, MAX_CHOICES)
    .map((z) => ({ name: z, value: z }));
}

/** The channel's open polls whose code or title contains what was typed. */
export async function pollCodeChoices(
  store: Pick<PollStore, 'listPolls'>,
  channel: ChannelRef,
  typed: string,
): Promise<APIApplicationCommandOptionChoice<string>[]> {
  const query = typed.trim().toLowerCase();
  const polls = await store.listPolls(channel, ['open']);
  return polls
    .filter((p) => !query || p.code.toLowerCase().includes(query) || p.spec.title.toLowerCase().includes(query))
    .slice(0, MAX_CHOICES)
    .map((p) => ({ name: truncate(`${p.code} · ${p.spec.title}`, MAX_NAME), value: p.code }));
}
