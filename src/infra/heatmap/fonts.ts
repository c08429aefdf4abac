/**
 * The one typeface the heatmap draws with: Pretendard from the `pretendard` npm package.
 * Bundling it means Hangul, Latin and digits look the same on a bare container as on a
 * laptop, and golden images do not depend on what fonts the host happens to have.
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Registered under our own alias so a system-installed Pretendard of another version is never picked. */
export const FONT_FAMILY = 'Yakjeong Pretendard';
/**
 * Pretendard has no Arabic or Hebrew: right-to-left names fall back to bundled Noto Sans
 * (OFL, @fontsource) rather than to whatever the host has, or to empty boxes on a bare machine.
 */
const FALLBACKS = [
  { family: 'Yakjeong Noto Arabic', pkg: '@fontsource/noto-sans-arabic', file: (w: number) => `noto-sans-arabic-arabic-${w}-normal.woff2` },
  { family: 'Yakjeong Noto Hebrew', pkg: '@fontsource/noto-sans-hebrew', file: (w: number) => `noto-sans-hebrew-hebrew-${w}-normal.woff2` },
] as const;

const FILES = { 400: 'Regular', 600: 'SemiBold', 700: 'Bold' } as const;
export type FontWeight = keyof typeof FILES;

let registered = false;

/** Registers the font files once per process; later calls are free. */
export function ensureFonts(): void {
  if (registered) return;
  const pkg = createRequire(import.meta.url).resolve('pretendard/package.json');
  const dir = join(dirname(pkg), 'dist', 'public', 'static');
  for (const file of Object.values(FILES)) {
    const key = GlobalFonts.registerFromPath(join(dir, `Pretendard-${file}.otf`), FONT_FAMILY);
    if (!key) throw new Error(`heatmap: could not register Pretendard-${file}.otf from ${dir}`);
  }
  const require = createRequire(import.meta.url);
  for (const fallback of FALLBACKS) {
    const files = join(dirname(require.resolve(`${fallback.pkg}/package.json`)), 'files');
    for (const weight of Object.keys(FILES).map(Number)) {
      const key = GlobalFonts.registerFromPath(join(files, fallback.file(weight)), fallback.family);
      if (!key) throw new Error(`heatmap: could not register ${fallback.file(weight)}`);
    }
  }
  registered = true;
}

/** A CSS font shorthand in our family. */
export function cssFont(weight: FontWeight, size: number): string {
  return `${weight} ${size}px "${FONT_FAMILY}", ${FALLBACKS.map((f) => `"${f.family}"`).join(', ')}`;
}

export type Measure = (text: string, font: string) => number;

let scratch: SKRSContext2D | undefined;
// ctx.font reads back normalised ("bold 12px …"), so remember what we set instead.
let scratchFont = '';

/**
 * Text width in CSS px. Layout measures with the same engine and font the renderer draws
 * with, so a label that "fits" in the layout also fits in the picture.
 */
export const measureText: Measure = (text, font) => {
  ensureFonts();
  scratch ??= createCanvas(1, 1).getContext('2d');
  if (scratchFont !== font) {
    scratch.font = font;
    scratchFont = font;
  }
  return scratch.measureText(text).width;
};
