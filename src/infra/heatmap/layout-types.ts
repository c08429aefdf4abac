/** The geometry the renderer paints, all in CSS px (the canvas is scaled by `scale`). */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type TextStyle =
  | 'title'
  | 'meta'
  | 'metaStrong'
  | 'note'
  | 'column'
  | 'columnSub'
  | 'row'
  | 'rowSub'
  | 'month'
  | 'weekday'
  | 'dayOff'
  | 'legend'
  | 'legendStrong'
  | 'footLabel'
  | 'foot';

/** A label already fitted to its width; the renderer draws it as is. */
export interface TextItem {
  text: string;
  x: number;
  /** Vertical centre. */
  y: number;
  style: TextStyle;
  align: 'left' | 'center' | 'right';
}

export type LineKind = 'grid' | 'hour' | 'frame';

/** A thin rule, drawn as a filled rectangle so it lands on whole device pixels. */
export interface Line {
  rect: Rect;
  kind: LineKind;
}

/** One answerable cell: where slot `slot` is drawn. */
export interface CellBox {
  slot: number;
  rect: Rect;
  /** Calendar cells carry their day of month in a corner. */
  dayLabel?: string;
}

export interface WindowMark {
  /** 1-based rank. */
  rank: number;
  /** The window's cells merged into as few rectangles as possible (one per column or week row). */
  rects: Rect[];
  badge: { x: number; y: number; r: number };
  /**
   * Nobody is free for all of it, only "if needed": still an option with its number (the
   * results list it), but drawn without the recommended times' outline and badge.
   */
  nobodyFree: boolean;
}

export type LegendSwatchKind = 'fill' | 'everyone' | 'maybe' | 'notOffered' | 'offDay' | 'best' | 'nobodyFree' | 'overlayYes' | 'overlayMaybe';

export interface LegendSwatch {
  kind: LegendSwatchKind;
  rect: Rect;
  /** For 'fill' and 'maybe'. */
  fill?: string;
  /** For 'maybe': the colour of its ½. */
  ink?: string;
}

export interface CellStyle {
  /** Font size of the count in a cell; 0 when cells are too small to carry text. */
  countSize: number;
  /** Where the count sits, from the cell's top, as a fraction of its height. */
  countY: number;
  dayLabelSize: number;
}

/** What the body of the picture (a grid or calendars) places; the page adds header, legend and footer. */
export interface BodyParts {
  /** Indexed by slot index; undefined only for a slot the layout could not place. */
  cells: Array<CellBox | undefined>;
  cellStyle: CellStyle;
  /** Grid positions with no slot that day (DST, another zone's view): grey and hatched. */
  missing: Rect[];
  /** Calendar days inside a shown month that are not poll dates: plain grey. */
  offDays: Rect[];
  lines: Line[];
  texts: TextItem[];
}

/** A body and its size in CSS px. */
export interface BodyLayout extends BodyParts {
  width: number;
  height: number;
}

export interface HeatmapLayout extends BodyParts {
  /** Device pixels per CSS px. */
  scale: number;
  /** CSS px. */
  width: number;
  height: number;
  /** Final PNG size. */
  pixelWidth: number;
  pixelHeight: number;
  /** True when group data must not be drawn (hidden poll still open). */
  hidden: boolean;
  respondents: number;
  windows: WindowMark[];
  legend: LegendSwatch[];
}
