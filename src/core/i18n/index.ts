import type { Locale } from '../domain/types.js';
import { en, type Catalog } from './en.js';
import { ko } from './ko.js';

export type { Catalog };

const catalogs: Record<Locale, Catalog> = { ko, en };

export function catalog(locale: Locale): Catalog {
  return catalogs[locale];
}

/** Maps a platform locale ("ko-KR", "en-US", "ko") to one we speak, if any. */
export function toLocale(input: string | undefined | null): Locale | undefined {
  if (!input) return undefined;
  const lang = input.toLowerCase().split(/[-_]/)[0];
  return lang === 'ko' || lang === 'en' ? lang : undefined;
}
