/**
 * Colours of the heatmap. Exported as plain data so tests can check exact pixels.
 *
 * The group scale is sequential (light to dark blue) by how many people are free, where
 * "if needed" counts one half. Zero is plain white, and "everyone free" leaves the blue
 * scale for its own amber accent: a slot where most are free can never look like one where
 * all are.
 */

export const heatmapPalette = {
  background: '#ffffff',
  /** Nobody free. */
  empty: '#ffffff',
  /** Light to dark: few free … almost everyone free. */
  scale: ['#e0ecff', '#bfd7fe', '#93bbfd', '#6098f9', '#3b76ef', '#2358d6', '#1a3f9e'],
  /** Every respondent answered "yes". */
  accent: '#f5a623',
  accentInk: '#5a3300',
  /** A cell the poll does not offer on that day (DST gap, other zone), or a calendar day outside the poll. */
  notOffered: '#eef0f3',
  hatch: '#d3d8df',
  /** Outline and badge of the best windows. */
  best: '#111827',
  bestInk: '#ffffff',
  /** The viewer's own answers on a private overlay. */
  overlay: '#e8175d',
  /** Behind the viewer's "free" times when a hidden poll has no group colours to show. */
  overlayTint: '#fde4ee',
  gridLine: '#e3e7ec',
  hourLine: '#c3cad4',
  frame: '#9aa3af',
  text: '#111827',
  muted: '#5f6b7a',
  faint: '#a0a8b4',
  lightInk: '#ffffff',
} as const;

export type CellLevel = { kind: 'empty' } | { kind: 'scale'; index: number } | { kind: 'everyone' };

/** Score in people: "yes" counts 1, "if needed" one half. */
export function cellScore(yes: number, maybe: number): number {
  return yes + maybe / 2;
}

export function cellLevel(yes: number, maybe: number, respondents: number): CellLevel {
  if (respondents <= 0) return { kind: 'empty' };
  if (yes >= respondents) return { kind: 'everyone' };
  const score = cellScore(yes, maybe);
  if (score <= 0) return { kind: 'empty' };
  return { kind: 'scale', index: scaleIndex(score, respondents) };
}

/** Bucket of a score strictly between 0 and all respondents. */
export function scaleIndex(score: number, respondents: number): number {
  const steps = heatmapPalette.scale.length;
  return Math.min(steps - 1, Math.max(0, Math.floor((score * steps) / respondents)));
}

export function levelFill(level: CellLevel): string {
  switch (level.kind) {
    case 'empty':
      return heatmapPalette.empty;
    case 'everyone':
      return heatmapPalette.accent;
    case 'scale':
      return heatmapPalette.scale[level.index]!;
  }
}

/** Text colour readable on a cell of that level. */
export function levelInk(level: CellLevel): string {
  switch (level.kind) {
    case 'empty':
      return heatmapPalette.faint;
    case 'everyone':
      return heatmapPalette.accentInk;
    case 'scale':
      return level.index >= 4 ? heatmapPalette.lightInk : heatmapPalette.text;
  }
}

export function cellFill(yes: number, maybe: number, respondents: number): string {
  return levelFill(cellLevel(yes, maybe, respondents));
}

export interface LegendStep {
  fill: string;
  /** People count or range this colour stands for. */
  label: string;
  everyone: boolean;
}

/**
 * The legend's colour steps: 0, then one step per count when few answered, or one per
 * bucket with its range of counts when many did, then the "everyone" accent.
 */
export function legendSteps(respondents: number): LegendStep[] {
  const steps: LegendStep[] = [{ fill: heatmapPalette.empty, label: '0', everyone: false }];
  if (respondents <= 0) return steps;
  const buckets = heatmapPalette.scale.length;
  if (respondents - 1 <= buckets) {
    for (let k = 1; k < respondents; k++) {
      steps.push({ fill: heatmapPalette.scale[scaleIndex(k, respondents)]!, label: String(k), everyone: false });
    }
  } else {
    for (let i = 0; i < buckets; i++) {
      // Whole counts k with floor(k * buckets / n) === i.
      const lo = Math.max(1, Math.ceil((i * respondents) / buckets));
      const hi = Math.min(respondents - 1, Math.ceil(((i + 1) * respondents) / buckets) - 1);
      if (hi < lo) continue;
      steps.push({ fill: heatmapPalette.scale[i]!, label: lo === hi ? String(lo) : `${lo}–${hi}`, everyone: false });
    }
  }
  steps.push({ fill: heatmapPalette.accent, label: String(respondents), everyone: true });
  return steps;
}

/** "3", "3½", "½". */
export function formatScore(yes: number, maybe: number): string {
  const whole = yes + Math.floor(maybe / 2);
  const half = maybe % 2 === 1;
  if (!half) return String(whole);
  return whole === 0 ? '½' : `${whole}½`;
}
