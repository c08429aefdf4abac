/**
 * "Fill from my usual week" on the page: the server works out the filled answer (the engine's
 * rule, never a copy of it here) and returns it without storing it; Save asks the server to
 * store it, worked out again from what is stored then, so a change made meanwhile is kept.
 */
import type { FillPreviewResponse, PageError, PaintResponse } from '../page-state.js';

export type FillResult<T> = { ok: true; value: T } | { ok: false; status: number; error: PageError };

async function call<T>(url: string, init: RequestInit): Promise<FillResult<T>> {
  try {
    const res = await fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (res.ok) return { ok: true, value: (await res.json()) as T };
    const error = (await res.json().catch(() => ({ code: 'HTTP', message: String(res.status) }))) as PageError;
    return { ok: false, status: res.status, error };
  } catch (err) {
    return { ok: false, status: 0, error: { code: 'NETWORK', message: String(err) } };
  }
}

/** The answer as stored and as the usual week fills it; nothing is stored. */
export function previewFill(pageUrl: string): Promise<FillResult<FillPreviewResponse>> {
  return call(`${pageUrl}/fill`, { method: 'GET', cache: 'no-store' });
}

/** Stores the fill; answers with my answer as stored. */
export function saveFill(pageUrl: string): Promise<FillResult<PaintResponse>> {
  return call(`${pageUrl}/fill`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}
