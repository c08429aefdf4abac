/**
 * Dates and replies for the plain-language tests, counted from the fixed clock's today in Seoul:
 * a weekday of this week or a later one, and days as the echo writes them in each language.
 */
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import type { Locale } from '../../src/core/domain/types.js';
import { errorView } from '../../src/core/views/notices.js';
import { CAPS, T0, textOf, userErrorOf, type TestKit } from '../helpers.js';

export const TODAY = todayIn(T0, 'Asia/Seoul');
/** Weekday w (0 = Monday) of this week (k = 0) or the weeks after it. */
export const week = (k: number, w: number) => addDays(TODAY, 7 * k - weekdayOf(TODAY) + w);
export const md = (date: string) => date.split('-').slice(1).map(Number).join('/');
/** The dates and times a reply says it understood. */
export const echoOf = (text: string) => /(?:Understood|이렇게 읽었어요): (.*)/.exec(text)?.[1];
const EN_WD = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KO_WD = ['월', '화', '수', '목', '금', '토', '일'];
export const enDay = (date: string) => `${EN_WD[weekdayOf(date)]} ${md(date)}`;
export const koDay = (date: string) => `${md(date)}(${KO_WD[weekdayOf(date)]})`;

/** A command refused: its stable code and the message the person reads. */
export async function refusal(kit: TestKit, text: string, locale: Locale, overrides = {}) {
  const error = await userErrorOf(kit.engine.runText(kit.actor('ann', overrides), text, CAPS));
  return { code: error.code, text: textOf(errorView(error, locale)) };
}
