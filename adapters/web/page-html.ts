/**
 * The page's HTML: it names the poll and its dates before any script runs, and carries the
 * state as JSON data (not script: the Content-Security-Policy allows no inline script).
 * Everything from people is escaped.
 */
import type { Locale } from '../../src/core/domain/types.js';
import { catalog } from '../../src/core/i18n/index.js';
import type { PageState } from './page-state.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON safe inside a <script type="application/json"> element: nothing in it can close the element. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface AssetPaths {
  js: string;
  css: string;
}

export function pageHtml(state: PageState, assets: AssetPaths): string {
  const title = escapeHtml(state.title);
  return `<!doctype html>
<html lang="${state.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${title} · ${escapeHtml(state.code)}</title>
<link rel="stylesheet" href="${assets.css}">
<script src="${assets.js}" defer></script>
</head>
<body>
<header class="top"><h1 id="title">${title}</h1><p class="dates"><span id="dates">${escapeHtml(state.dates)}</span> · <span class="code">${escapeHtml(state.code)}</span></p></header>
<main id="app"></main>
<script type="application/json" id="state">${jsonForHtml(state)}</script>
</body>
</html>
`;
}

/** The refusal: the same for every bad link, naming nothing about any poll. */
export function refusedHtml(locale: Locale): string {
  const c = catalog(locale);
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>Yakjeong</title></head>
<body><p>${escapeHtml(c.web.refused)}</p></body>
</html>
`;
}
