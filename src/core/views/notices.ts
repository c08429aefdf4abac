/** Small views: notices, errors, help, usage, lists and history. */
import { catalog } from '../i18n/index.js';
import { isUserError } from '../errors.js';
import type { Locale } from '../domain/types.js';
import type { View, ViewRole } from './reply.js';

export function noticeView(text: string, role: ViewRole = 'notice', pollCode?: string): View {
  const view: View = { role, fallback: text.split('\n')[0] ?? text, blocks: [{ type: 'text', text }], buttons: [] };
  if (pollCode) view.pollCode = pollCode;
  return view;
}

/** What a user sees when something fails: their own mistake explained, or a short apology. */
export function errorView(err: unknown, locale: Locale): View {
  const c = catalog(locale);
  const text = isUserError(err) ? `⚠️ ${c.errors[err.code](err.params)}` : `⚠️ ${c.internalError()}`;
  return noticeView(text, 'error');
}

export function usageView(locale: Locale): View {
  return noticeView(catalog(locale).createUsage, 'usage');
}
