/** Small views: notices, errors, help and usage. */
import type { ExampleDates } from '../i18n/example-dates.js';
import { catalog } from '../i18n/index.js';
import { isStorageFull, isUserError, type NewestOfSeveral } from '../errors.js';
import type { Locale } from '../domain/types.js';
import type { View, ViewRole } from './reply.js';
import { firstLine, plainText, rich, toRich, type Rich, type RichInput } from './rich.js';

/** One block of text; its first line, as plain text, is the fallback. */
export function noticeView(text: RichInput, role: ViewRole = 'notice', pollCode?: string): View {
  const body = toRich(text);
  const view: View = { role, fallback: plainText(firstLine(body)), blocks: [{ type: 'text', text: body }], buttons: [] };
  if (pollCode) view.pollCode = pollCode;
  return view;
}

/** What a user sees when something fails: their own mistake explained, that nothing was saved (a full disk), or a short apology. */
export function errorView(err: unknown, locale: Locale): View {
  const c = catalog(locale);
  const view = noticeView(rich`⚠️ ${isUserError(err) ? c.errors[err.code](err.params) : isStorageFull(err) ? c.notSaved() : c.internalError()}`, 'error');
  if (isUserError(err) && err.newestOf) view.blocks.push({ type: 'context', text: newestOfSeveralNote(err.newestOf, locale, 'refused') });
  return view;
}

/** Which of several open polls an answer without a code went to (or was refused by), and how to reach the others. */
export function newestOfSeveralNote(to: NewestOfSeveral, locale: Locale, outcome: 'saved' | 'refused'): Rich {
  const { honest } = catalog(locale);
  return (outcome === 'saved' ? honest.wentToNewest : honest.readForNewest)(to.open, to.title, to.code, to.example);
}

/** How to create a poll, where there is no form; `dates` are counted from the reader's today. */
export function usageView(locale: Locale, dates: ExampleDates): View {
  return noticeView(catalog(locale).createUsage(dates), 'usage');
}
