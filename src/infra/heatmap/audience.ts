/**
 * Whom a heatmap counts and whether it may show their answers: plain facts of the request, apart
 * from the layout so the web page can use them without loading the canvas and its fonts.
 */
import type { HeatmapRequest } from '../../core/ports.js';

/** True when the group's answers must not be shown. */
export function isHidden(request: HeatmapRequest): boolean {
  return request.poll.spec.hidden && request.poll.status !== 'closed' && !request.revealHidden;
}

/**
 * How many people the colours are counted against: everyone who answered plus the expected
 * people still missing, so the "everyone" accent never shows while someone has yet to answer.
 */
export function groupSize(request: HeatmapRequest): number {
  const answered = new Set(request.participants.map((p) => p.user.id));
  return request.participants.length + request.poll.spec.expected.filter((u) => !answered.has(u.id)).length;
}
