/** What the typed-time grammar's errors carry, written out the same way in every language. */
import type { ErrorParams } from '../errors.js';

/**
 * The answer example a grammar error carries (grammar/answer.ts answerExample): the poll's first
 * day, written as a date or, for a weekly poll, as this language's weekday, then its hours or block.
 */
export function answerExampleText(p: ErrorParams, weekdays: readonly string[]): string | undefined {
  const day = typeof p.weekday === 'number' ? weekdays[p.weekday] : p.day;
  if (day === undefined) return undefined;
  const rest = p.hours ?? p.block;
  return rest === undefined || rest === '' ? String(day) : `${day} ${rest}`;
}

/** The parts of the day a poll's hours meet, as "evening 18:00–22:00, night 22:00–23:00". */
export function partsOfDayText(p: ErrorParams, names: ReadonlyArray<[string, string]>, format = (name: string, hours: string | number) => `${name} ${hours}`): string {
  return names
    .filter(([id]) => p[id] !== undefined)
    .map(([id, name]) => format(name, p[id]!))
    .join(', ');
}
