/**
 * Calendar and zone arithmetic. Dates are "YYYY-MM-DD" strings and wall times "HH:MM";
 * calendar maths runs on UTC so the host machine's TZ never leaks in.
 */
import { tzOffset } from '@date-fns/tz';
import type { Weekday } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Offsets already asked for, by zone and instant: each answer costs an Intl format, and laying
 * out a poll or labelling its slots asks about the same instants again and again (every click
 * builds a grid of them). A zone's offset at an instant never changes while the process runs.
 * Bounded: the whole table is dropped when it grows past this many instants.
 */
const offsets = new Map<string, Map<number, number>>();
let offsetsKept = 0;
const OFFSETS_KEPT = 200_000;

/** UTC offset in minutes of `tz` at `instant` (as @date-fns/tz's tzOffset), remembered. */
export function offsetAt(tz: string, instant: number): number {
  let zone = offsets.get(tz);
  const known = zone?.get(instant);
  if (known !== undefined) return known;
  const offset = tzOffset(tz, new Date(instant));
  // NaN (an unknown zone) is not remembered: it is the caller's error to see each time.
  if (Number.isNaN(offset)) return offset;
  if (offsetsKept >= OFFSETS_KEPT) {
    offsets.clear();
    offsetsKept = 0;
    zone = undefined;
  }
  if (!zone) offsets.set(tz, (zone = new Map()));
  zone.set(instant, offset);
  offsetsKept++;
  return offset;
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers already worked out: every click asks for the clicker's zone, and working it out builds
 * Intl formatters and walks the whole zone list. Bounded, because the keys are typed text.
 */
const canonicalZones = new Map<string, string | undefined>();
const CANONICAL_ZONES_KEPT = 1000;

/** Canonical spelling of a zone the user typed in any case ("asia/kolkata" -> "Asia/Kolkata"). */
export function canonicalTimezone(input: string): string | undefined {
  if (canonicalZones.has(input)) return canonicalZones.get(input);
  const zone = workOutTimezone(input);
  if (canonicalZones.size >= CANONICAL_ZONES_KEPT) canonicalZones.clear();
  canonicalZones.set(input, zone);
  return zone;
}

function workOutTimezone(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 64) return undefined;
  if (/^(utc|gmt|z|etc\/utc)$/i.test(trimmed)) return 'UTC';
  const abbreviation =
    ABBREVIATIONS.get(trimmed.toUpperCase()) ?? KOREAN_CITIES.get(trimmed.replace(/\s+/g, '')) ?? RENAMED_CITIES.get(trimmed.toLowerCase());
  if (abbreviation) return abbreviation;
  // A city alone ("seoul", "new york") names the zone that ends with it.
  if (!trimmed.includes('/')) {
    const city = trimmed.replace(/\s+/g, '_').toLowerCase();
    const byCity = ZONES.byCity.get(city);
    if (byCity) return byCity;
  }
  if (!isValidTimezone(trimmed)) return undefined;
  const lower = trimmed.toLowerCase();
  const listed = ZONES.byName.get(lower);
  if (listed) return listed;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  // Keep a modern name the user chose (Asia/Kolkata, not ICU's Asia/Calcutta) when it is an
  // Area/City name; other aliases (us/pacific, est) take the canonical spelling.
  const cased = trimmed.replace(/(^|[/_-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  const area = cased.split('/')[0];
  if (cased.includes('/') && area !== 'Etc' && AREAS.has(area ?? '') && isValidTimezone(cased)) return cased;
  return resolved;
}

/**
 * Tables keyed by typed text are Maps, so `valueOf` or `__proto__` is an unknown word rather than a built-in property.
 * Abbreviations people type that name one zone unambiguously enough (EST means New York's clock, not UTC-5 all year).
 */
const ABBREVIATIONS = byWord({
  KST: 'Asia/Seoul',
  JST: 'Asia/Tokyo',
  IST: 'Asia/Kolkata',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
});

/** Cities whose modern names ICU lists under an older one. */
const RENAMED_CITIES = byWord({ kolkata: 'Asia/Kolkata', kyiv: 'Europe/Kyiv', 'ho chi minh': 'Asia/Ho_Chi_Minh' });

/** City names people type in Korean. */
const KOREAN_CITIES = byWord({
  서울: 'Asia/Seoul',
  부산: 'Asia/Seoul',
  도쿄: 'Asia/Tokyo',
  베이징: 'Asia/Shanghai',
  상하이: 'Asia/Shanghai',
  홍콩: 'Asia/Hong_Kong',
  싱가포르: 'Asia/Singapore',
  방콕: 'Asia/Bangkok',
  하노이: 'Asia/Ho_Chi_Minh',
  델리: 'Asia/Kolkata',
  뭄바이: 'Asia/Kolkata',
  시드니: 'Australia/Sydney',
  런던: 'Europe/London',
  파리: 'Europe/Paris',
  베를린: 'Europe/Berlin',
  뉴욕: 'America/New_York',
  시카고: 'America/Chicago',
  로스앤젤레스: 'America/Los_Angeles',
  엘에이: 'America/Los_Angeles',
  샌프란시스코: 'America/Los_Angeles',
  시애틀: 'America/Los_Angeles',
  밴쿠버: 'America/Vancouver',
  토론토: 'America/Toronto',
});

function byWord(entries: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  return new Map(Object.entries(entries));
}

const AREAS = new Set(Intl.supportedValuesOf('timeZone').map((z) => z.split('/')[0]!));

/**
 * The zone list by lower-case name and by lower-case city, built once: an unknown word is then
 * refused without walking the list (the first zone listed for a city wins, as a walk would find).
 */
const ZONES = (() => {
  const byName = new Map<string, string>();
  const byCity = new Map<string, string>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const lower = zone.toLowerCase();
    if (!byName.has(lower)) byName.set(lower, zone);
    const city = lower.split('/').pop()!;
    if (!byCity.has(city)) byCity.set(city, zone);
  }
  return { byName, byCity };
})();

export function parseIsoDate(date: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateToUtcMs(date: string): number {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`not a date: ${date}`);
  return Date.UTC(p.y, p.m - 1, p.d);
}

/** Days since 1970-01-01 of a calendar date: wall-clock arithmetic that no zone can bend. */
export function dayNumber(date: string): number {
  return Math.round(dateToUtcMs(date) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  const t = new Date(dateToUtcMs(date) + days * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): Weekday {
  const js = new Date(dateToUtcMs(date)).getUTCDay();
  return ((js + 6) % 7) as Weekday;
}

export function parseHm(hm: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

export function formatHm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Instants whose date in any zone is a four-digit year (a day inside 0000-01-01 … 9999-12-31 on
 * either side): the ones a date can be written for. Anything else read from storage is shown
 * as a placeholder rather than formatted.
 */
const FIRST_SHOWABLE = -62_167_132_800_000; // 0000-01-02T00:00Z (Date.UTC reads year 0 as 1900)
const LAST_SHOWABLE = Date.UTC(9999, 11, 30);

export function isShowableInstant(instant: number): boolean {
  return Number.isFinite(instant) && instant >= FIRST_SHOWABLE && instant <= LAST_SHOWABLE;
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(instant: number, tz: string): { date: string; minute: number; weekday: Weekday } {
  const offsetMin = offsetAt(tz, instant);
  const shifted = new Date(instant + offsetMin * 60_000);
  const date = isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  // The weekday straight from the shifted instant: reading it back from `date` parsed the text again on every label.
  return { date, minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(), weekday: ((shifted.getUTCDay() + 6) % 7) as Weekday };
}

/**
 * The instant a wall-clock time has in a zone on a date.
 * Returns undefined when that local time does not exist (clocks jump forward) and the
 * first occurrence when it happens twice (clocks go back).
 */
export function zonedInstant(date: string, minute: number, tz: string): number | undefined {
  const wallAsUtc = dateToUtcMs(date) + minute * 60_000;
  const offsets = new Set<number>([
    offsetAt(tz, wallAsUtc - DAY_MS),
    offsetAt(tz, wallAsUtc),
    offsetAt(tz, wallAsUtc + DAY_MS),
  ]);
  const instants: number[] = [];
  for (const offset of offsets) {
    const candidate = wallAsUtc - offset * 60_000;
    if (offsetAt(tz, candidate) === offset) instants.push(candidate);
  }
  if (instants.length === 0) return undefined;
  return Math.min(...instants);
}

/** Between two offset changes of a zone there are always more than this many milliseconds. */
const CHANGE_GAP_MS = 3 * 3_600_000;

/**
 * zonedInstant of `date` at each of `minutes` (which may run past midnight into the next days),
 * with a handful of offset look-ups for the whole run instead of four per time: when the zone
 * keeps one offset from a day before the first time to a day after the last, every time is just
 * that far from UTC. Sampled CHANGE_GAP_MS apart, two equal samples have no change between them.
 */
export function zonedInstants(date: string, minutes: readonly number[], tz: string): Array<number | undefined> {
  if (minutes.length === 0) return [];
  const midnight = dateToUtcMs(date);
  let least = minutes[0]!;
  let most = least;
  for (const m of minutes) {
    if (m < least) least = m;
    else if (m > most) most = m;
  }
  const from = midnight + least * 60_000 - DAY_MS;
  const to = midnight + most * 60_000 + DAY_MS;
  const offset = offsetAt(tz, from);
  let steady = !Number.isNaN(offset);
  for (let t = from + CHANGE_GAP_MS; steady && t < to; t += CHANGE_GAP_MS) steady = offsetAt(tz, t) === offset;
  const out = new Array<number | undefined>(minutes.length);
  if (steady && offsetAt(tz, to) === offset) {
    // Plain arithmetic on days the offset holds: most days, and the hot path of every layout.
    const base = midnight - offset * 60_000;
    for (let k = 0; k < minutes.length; k++) out[k] = base + minutes[k]! * 60_000;
    return out;
  }
  for (let k = 0; k < minutes.length; k++) {
    const m = minutes[k]!;
    out[k] = zonedInstant(addDays(date, Math.floor(m / 1440)), ((m % 1440) + 1440) % 1440, tz);
  }
  return out;
}

/**
 * Minutes by which an instant lies inside the second pass of a repeated hour (clocks went back
 * at most that long before it), or 0. Between two offset changes there are always more than
 * three hours, so looking three hours back finds the offset before the change.
 */
function repeatedBy(instant: number, tz: string): number {
  const after = offsetAt(tz, instant);
  const back = offsetAt(tz, instant - CHANGE_GAP_MS) - after;
  if (back <= 0) return 0;
  return offsetAt(tz, instant - back * 60_000) === after + back ? back : 0;
}

/**
 * The instant whose reading labels the end of a run in a reader's zone, so labels never go
 * backwards. A run that starts before the reader's clock went back and ends in the repeated
 * hour (a 01:30 slot on the fall-back day ends when the clock reads 01:00 again) is labelled
 * as the clock reads after the repeat ("02:00"). Calendar entries keep the real end.
 */
export function labelEndInstant(start: number, end: number, readerTz: string): number {
  const back = repeatedBy(end, readerTz);
  if (back === 0 || offsetAt(readerTz, start) === offsetAt(readerTz, end)) return end;
  return end + back * 60_000;
}

/** Today's date in a zone. */
export function todayIn(now: number, tz: string): string {
  return wallClock(now, tz).date;
}
