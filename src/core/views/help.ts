/** The help, derived from the command table: every command's examples with what they do. */
import type { CommandTable, Example } from '../commands/spec.js';
import type { Locale } from '../domain/types.js';
import type { ExampleDates } from '../i18n/example-dates.js';
import { catalog } from '../i18n/index.js';
import type { View } from './reply.js';
import { noticeView } from './notices.js';
import { bold, code, joinRich, rich, type Rich } from './rich.js';

function exampleLine(example: Example, description: string, locale: Locale, dates: ExampleDates): Rich {
  const written = typeof example.text === 'function' ? example.text(dates) : example.text;
  const text = typeof written === 'string' ? written : written[locale];
  // "[CODE]" is a placeholder, written in the reader's language.
  const typed = text.replace('[CODE]', `[${catalog(locale).poll.code.toUpperCase()}]`);
  const note = example.note?.[locale] ?? description;
  // Options that go on the command above read as its continuation, not as a command of their own.
  if (example.continues) return rich`    ${note}: ${code(typed)}`;
  return rich`${code(typed)} — ${note}`;
}

/** `dates` are counted from the reader's today, so no example shows a past date. */
export function helpView(locale: Locale, table: CommandTable, dates: ExampleDates): View {
  const c = catalog(locale);
  // A description heads Discord's list; after a dash in help it reads on from the command.
  const after = (text: string) => (locale === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text);
  const lines = table.commands.flatMap((command) => command.examples.map((e) => exampleLine(e, after(command.description[locale]), locale, dates)));
  const koreanWords = table.commands.map((command) => command.aliases.ko[0] ?? command.id).join(', ');
  return noticeView(joinRich([bold(c.help.title), ...lines, ...c.help.footer(koreanWords)], '\n'), 'help');
}
