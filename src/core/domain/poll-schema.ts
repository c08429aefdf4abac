/**
 * What a stored poll must look like before core uses it. The store checks every spec it reads
 * (and writes) against these, so a damaged row is reported as unreadable rather than trusted:
 * a zero slot size or a made-up zone would otherwise hang or throw deep in slot layout.
 */
import { z } from 'zod';
import { MAX_DATES, SLOT_MINUTES } from './slots.js';
import { isValidTimezone, parseHm, parseIsoDate } from './time.js';
import type { PickedWindow, PollSpec } from './types.js';

const date = z.string().refine((s) => parseIsoDate(s) !== undefined, 'not a YYYY-MM-DD date');
const wallTime = z.string().refine((s) => parseHm(s) !== undefined, 'not an HH:MM time');
const count = z.number().int().min(1);
const instant = z.number().int();
const user = z.object({ id: z.string(), name: z.string() });

/** Zones seen valid; there are a few hundred, and asking Intl each time would cost every read. */
const validZones = new Set<string>();
const timezone = z.string().refine((tz) => {
  if (validZones.has(tz)) return true;
  if (!isValidTimezone(tz)) return false;
  validZones.add(tz);
  return true;
}, 'not a time zone');

const days = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dates'), dates: z.array(date).min(1).max(MAX_DATES) }),
  z.object({
    type: z.literal('weekly'),
    weekdays: z.array(z.literal([0, 1, 2, 3, 4, 5, 6])).min(1).max(7),
    referenceDates: z.array(date).min(1).max(7),
  }),
]);

const block = z.object({ name: z.string(), start: wallTime.optional(), end: wallTime.optional() });

/**
 * Keys it does not know are kept (a newer version may have written them), so a read-modify-write
 * such as reopen never drops them.
 */
export const pollSpecSchema: z.ZodType<PollSpec> = z
  .looseObject({
    kind: z.enum(['time', 'block', 'date']),
    title: z.string(),
    description: z.string().optional(),
    timezone,
    days,
    window: z.object({ start: wallTime, end: wallTime }).optional(),
    slotMinutes: z.literal(SLOT_MINUTES).optional(),
    blocks: z.array(block).max(24).optional(),
    deadline: instant.optional(),
    durationSlots: count,
    maxParticipants: count.optional(),
    expected: z.array(user),
    required: z.array(user),
    remindMinutes: z.array(z.number().int().min(0)),
    remindersFrom: instant.optional(),
    hidden: z.boolean(),
    locale: z.enum(['ko', 'en']).optional(),
  })
  .refine((spec) => spec.kind !== 'block' || (spec.blocks?.length ?? 0) > 0, { message: 'a block poll without blocks', path: ['blocks'] });

export const pickedWindowSchema: z.ZodType<PickedWindow> = z.object({
  firstSlot: z.number().int().min(0),
  slotCount: count,
  pickedBy: user,
  pickedAt: instant,
});

/** Parses stored JSON and checks it; the problem, when there is one, is for logs (it may quote stored data). */
export function readStoredJson<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}
