/**
 * Dates for the examples in help, usage and errors, counted from the reader's today so that an
 * example never shows a past date or a deadline that has gone by: the dates a week ahead, the
 * deadline a few days before them.
 */
import { addDays, parseIsoDate } from '../domain/time.js';

/** Days from today to the first example date. */
const LEAD_DAYS = 7;
/** Days from today to the example deadline, before the example dates. */
const DEADLINE_DAYS = 3;

export class ExampleDates {
  /** `today` is an ISO date in the reader's zone; without one an example shows the form ("YYYY-MM-DD"), never a made-up date. */
  constructor(private readonly today?: string) {}

  /** From an error's `today` parameter, which errors raised outside the engine do not have. */
  static from(today: string | number | undefined): ExampleDates {
    return new ExampleDates(typeof today === 'string' && parseIsoDate(today) ? today : undefined);
  }

  /** "2026-12-03": `n` days after the first example date. */
  iso(n = 0): string {
    return this.today ? addDays(this.today, LEAD_DAYS + n) : 'YYYY-MM-DD';
  }

  /** "12/3" */
  md(n = 0): string {
    const p = this.today ? parseIsoDate(this.iso(n)) : undefined;
    return p ? `${p.m}/${p.d}` : 'M/D';
  }

  /** "12월 3일" */
  koreanMd(n = 0): string {
    const p = this.today ? parseIsoDate(this.iso(n)) : undefined;
    return p ? `${p.m}월 ${p.d}일` : 'M월 D일';
  }

  /** "2026-11-29T18:00" */
  deadline(): string {
    return `${this.today ? addDays(this.today, DEADLINE_DAYS) : 'YYYY-MM-DD'}T18:00`;
  }
}
