/**
 * Rich text as neutral spans. Core says what is bold, code, a mention, a local time or a link;
 * each adapter writes that in its own markup. A plain string span is always literal text, typed
 * by someone or taken from a catalog: renderers escape it, so it can never become markup, a
 * mention or a link, whatever it contains.
 */
import type { UserRef } from '../domain/types.js';

export type Span =
  | string
  | { readonly bold: Rich }
  | { readonly italic: Rich }
  | { readonly code: string }
  | { readonly mention: UserRef }
  /**
   * An instant (epoch ms), shown in each reader's own zone where the platform can; with `until`,
   * a stretch of time ending then. `fallback` is how it reads where nothing can show local time.
   */
  | ({ readonly time: number } & TimeOptions)
  | { readonly link: { readonly url: string; readonly label?: string } };

export type Rich = readonly Span[];

/** What the helpers accept as rich text: literal text, a number, one span or rich text. */
export type RichInput = Span | Rich | number;

export function bold(...parts: RichInput[]): Span {
  return { bold: toRich(...parts) };
}

export function italic(...parts: RichInput[]): Span {
  return { italic: toRich(...parts) };
}

export function code(text: string): Span {
  return { code: text };
}

export function mention(user: UserRef): Span {
  return { mention: { id: user.id, name: user.name } };
}

/** What a local time may carry besides its instant. */
export interface TimeOptions {
  /** The end of a stretch of time that starts at the instant. */
  readonly until?: number;
  /** The text to show where no local time can be rendered (plain text, the console). */
  readonly fallback?: string;
}

export function localTime(instant: number, options: TimeOptions = {}): Span {
  return { time: instant, ...options };
}

/** Ids of the people a text mentions (the only people a platform may ping for it), in order, once each. */
export function mentionedIds(texts: readonly Rich[]): string[] {
  const ids = new Set<string>();
  const walk = (spans: Rich): void => {
    for (const span of spans) {
      if (typeof span === 'string') continue;
      if ('mention' in span) ids.add(span.mention.id);
      else if ('bold' in span) walk(span.bold);
      else if ('italic' in span) walk(span.italic);
    }
  };
  texts.forEach(walk);
  return [...ids];
}

export function link(url: string, label?: string): Span {
  return { link: label === undefined ? { url } : { url, label } };
}

/** Flattens parts into one Rich: numbers become text, adjacent text is merged, empty text dropped. */
export function toRich(...parts: RichInput[]): Rich {
  const out: Span[] = [];
  const push = (part: RichInput): void => {
    if (typeof part === 'number') part = String(part);
    if (Array.isArray(part)) {
      for (const span of part as Rich) push(span);
      return;
    }
    if (typeof part === 'string') {
      if (!part) return;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
      return;
    }
    out.push(part as Span);
  };
  for (const part of parts) push(part);
  return out;
}

/**
 * Tagged template: rich`Closes ${localTime(ms)} for ${bold(title)}`; the literal parts are text.
 * A missing value (an absent error parameter) shows as nothing rather than "undefined".
 */
export function rich(strings: TemplateStringsArray, ...values: Array<RichInput | undefined>): Rich {
  const parts: RichInput[] = [];
  strings.forEach((text, i) => {
    parts.push(text);
    const value = values[i];
    if (value !== undefined) parts.push(value);
  });
  return toRich(...parts);
}

/** The parts with `separator` between them, like Array.join. */
export function joinRich(parts: readonly RichInput[], separator: RichInput = ''): Rich {
  const out: RichInput[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(separator);
    out.push(part);
  });
  return toRich(...out);
}

/** The first `max` parts joined, then "+N" for the rest: long lists of people stay short. */
export function joinCapped(parts: readonly RichInput[], separator: RichInput, max: number): Rich {
  const shown = joinRich(parts.slice(0, max), separator);
  return parts.length > max ? rich`${shown} +${parts.length - max}` : shown;
}

/**
 * How one platform writes each kind of span. `text` receives literal text to escape;
 * `lineStart` tells whether it begins a line of the rendered output (some markup, such as a
 * Markdown heading, only counts there).
 */
export interface SpanRenderer {
  text(text: string, lineStart: boolean): string;
  bold(inner: string): string;
  italic(inner: string): string;
  code(text: string): string;
  mention(user: UserRef): string;
  time(instant: number, options: TimeOptions): string;
  link(url: string, label: string | undefined): string;
}

/** Writes rich text with a platform's renderer. */
export function renderRich(text: RichInput, renderer: SpanRenderer): string {
  return renderSpans(toRich(text), renderer, true);
}

function renderSpans(spans: Rich, renderer: SpanRenderer, lineStart: boolean): string {
  let out = '';
  for (const span of spans) {
    const atLineStart = out === '' ? lineStart : out.endsWith('\n');
    if (typeof span === 'string') out += renderer.text(span, atLineStart);
    else if ('bold' in span) out += renderer.bold(renderSpans(span.bold, renderer, false));
    else if ('italic' in span) out += renderer.italic(renderSpans(span.italic, renderer, false));
    else if ('code' in span) out += renderer.code(span.code);
    else if ('mention' in span) out += renderer.mention(span.mention);
    else if ('time' in span) out += renderer.time(span.time, span);
    else out += renderer.link(span.link.url, span.link.label);
  }
  return out;
}

export interface PlainTextOptions {
  /** How to write an instant that has no fallback text; by default "2026-12-01 09:00 UTC". */
  time?: (instant: number) => string;
  /** How to write a person; by default "@name". */
  mention?: (user: UserRef) => string;
}

/** "2026-12-01 09:00 UTC": an instant readable without knowing the reader's zone. */
export function utcText(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Rich text without markup, for one-line summaries, notifications and plain-text places. */
export function plainText(text: RichInput, options: PlainTextOptions = {}): string {
  return renderRich(text, {
    text: (t) => t,
    bold: (inner) => inner,
    italic: (inner) => inner,
    code: (t) => t,
    mention: options.mention ?? ((user) => `@${user.name || user.id}`),
    time: (instant, { until, fallback }) => {
      const write = options.time ?? utcText;
      return fallback ?? (until === undefined ? write(instant) : `${write(instant)}–${write(until)}`);
    },
    link: (url, label) => (label ? `${label} (${url})` : url),
  });
}

/** The first line of rich text (up to its first line break), spans kept. */
export function firstLine(text: RichInput): Rich {
  const out: Span[] = [];
  for (const span of toRich(text)) {
    if (typeof span === 'string' && span.includes('\n')) {
      out.push(span.slice(0, span.indexOf('\n')));
      break;
    }
    out.push(span);
  }
  return toRich(out);
}
