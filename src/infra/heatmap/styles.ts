/** Type ramp of the heatmap: one family, three weights. */
import { cssFont, type FontWeight } from './fonts.js';
import { heatmapPalette } from './palette.js';
import type { TextStyle } from './layout-types.js';

export interface TextLook {
  weight: FontWeight;
  size: number;
  color: string;
}

export const TEXT_LOOKS: Record<TextStyle, TextLook> = {
  title: { weight: 700, size: 20, color: heatmapPalette.text },
  meta: { weight: 400, size: 13, color: heatmapPalette.muted },
  metaStrong: { weight: 600, size: 13, color: heatmapPalette.text },
  note: { weight: 600, size: 13, color: heatmapPalette.overlay },
  column: { weight: 600, size: 12, color: heatmapPalette.text },
  columnSub: { weight: 400, size: 11, color: heatmapPalette.muted },
  row: { weight: 400, size: 11, color: heatmapPalette.muted },
  rowSub: { weight: 400, size: 10, color: heatmapPalette.faint },
  month: { weight: 700, size: 14, color: heatmapPalette.text },
  weekday: { weight: 600, size: 11, color: heatmapPalette.muted },
  dayOff: { weight: 400, size: 10, color: heatmapPalette.faint },
  legend: { weight: 400, size: 12, color: heatmapPalette.muted },
  legendStrong: { weight: 600, size: 12, color: heatmapPalette.text },
  footLabel: { weight: 600, size: 12, color: heatmapPalette.text },
  foot: { weight: 400, size: 12, color: heatmapPalette.muted },
};

export function styleFont(style: TextStyle): string {
  const look = TEXT_LOOKS[style];
  return cssFont(look.weight, look.size);
}
