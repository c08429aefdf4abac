/**
 * One figure of `npm run bench`: a measurement beside its baseline from the same run, the ratio
 * the target bounds, and whether it passes. Ratios, not milliseconds, carry the targets, so a
 * figure means the same on a laptop and on a loaded CI box.
 */

/** A bound on a figure's ratio, written as it reads in issue #11 ("<= 2", ">= 20", "== 0"). */
export interface Target {
  op: '<=' | '>=' | '==';
  bound: number;
}

/** The JSON line printed on stdout. `target` and `pass` are null for figures that are only reported. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
}

export const atMost = (bound: number): Target => ({ op: '<=', bound });
export const atLeast = (bound: number): Target => ({ op: '>=', bound });
export const exactly = (bound: number): Target => ({ op: '==', bound });

export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  /** The quantity the target bounds (e.g. value ÷ baseline, or baseline ÷ value for "× faster"). */
  ratio: number | null;
  target?: Target;
}

export function figure(input: FigureInput): Figure {
  const { target } = input;
  const ratio = input.ratio === null ? null : round(input.ratio);
  let pass: boolean | null = null;
  if (target) {
    // A ratio that could not be computed (no baseline, a zero) cannot meet a target.
    pass = ratio !== null && Number.isFinite(ratio) && meets(ratio, target);
  }
  return {
    name: input.name,
    value: round(input.value),
    unit: input.unit,
    baseline: input.baseline === null ? null : round(input.baseline),
    ratio,
    target: target ? `${target.op} ${target.bound}` : null,
    pass,
  };
}

/** A figure whose bench crashed: nothing was measured, so it cannot pass. */
export function failedFigure(name: string, target?: Target): Figure {
  return { name, value: null, unit: '', baseline: null, ratio: null, target: target ? `${target.op} ${target.bound}` : null, pass: false };
}

function meets(ratio: number, target: Target): boolean {
  switch (target.op) {
    case '<=':
      return ratio <= target.bound;
    case '>=':
      return ratio >= target.bound;
    case '==':
      return ratio === target.bound;
  }
}

/** Four significant digits: more would be noise on a shared machine. */
function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(4));
}

// ── statistics ────────────────────────────────────────────────────────────────

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** One module of the bench: it measures its figures (and their baselines) in one go. */
export interface Bench {
  name: string;
  /** The figures it prints, so `npm run bench -- NAME` can name a figure as well as a module. */
  figures: readonly string[];
  /** `note` writes a line of detail to stderr, for the person reading the run. */
  run(note: (line: string) => void): Promise<Figure[]>;
}

/** Milliseconds `work` takes on the monotonic clock. */
export async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
