/**
 * What the page is drawn from, as the server sends it (embedded in the page, then on every
 * live update). Types only: the client bundle imports them without pulling in server code.
 */
import type { FillOffer } from '../../src/core/engine/usual-week-use-cases.js';
import type { Catalog } from '../../src/core/i18n/index.js';

export type PageStrings = Catalog['web'] & {
  stateNames: { yes: string; maybe: string; no: string };
  free: string;
  maybe: string;
  best: string;
  legend: string;
  hidden: string;
  notOffered: string;
  maybeHalf: string;
  answered: string;
};

export interface PageColumn {
  /** Header lines (weekday, date). */
  lines: string[];
}

export interface PageRow {
  label: string;
  /** A block's times. */
  sub?: string;
  /** Starts a new hour: a stronger rule above it. */
  hourStart: boolean;
}

export interface PageGroup {
  /** People the colours are counted against (answered plus expected still missing). */
  size: number;
  /** Everyone who answered, with their answers (one character per slot: y, m or .). */
  people: Array<{ name: string; states: string }>;
}

export interface PageState {
  code: string;
  title: string;
  /** The poll's dates as the chat writes them. */
  dates: string;
  kind: 'time' | 'block' | 'date';
  closed: boolean;
  /** Changes whenever anything shown changes; live updates carry it. */
  version: string;
  /** The zone times are shown in (the person's). */
  zone: string;
  locale: 'ko' | 'en';
  strings: PageStrings;
  columns: PageColumn[];
  rows: PageRow[];
  /** Where each slot is drawn, by slot index. */
  rowOfSlot: number[];
  colOfSlot: number[];
  /** Each slot named in full for screen readers ("Tue, Dec 1 09:00–09:30"). */
  slotLabels: string[];
  /** My answer as stored. */
  mine: string;
  /** "Fill from my usual week": offered, or why not (no time of day to fill, an empty usual week). */
  fill: FillOffer;
  /** Absent while a hidden poll keeps the group's answers to itself. */
  group?: PageGroup;
  /** Best times, each as lines, in the words the chat uses. */
  best: string[][];
}

/** A stroke, as the page sends it: slots and the state each now has. */
export interface PaintRequest {
  changes: Array<[slot: number, state: 'y' | 'm' | '.']>;
}

export interface PaintResponse {
  mine: string;
}

/** The usual week's fill, shown and not stored: my answer as stored and as filled. */
export interface FillPreviewResponse {
  mine: string;
  filled: string;
}

/** A refusal the page can show: a stable code and the message in the person's language. */
export interface PageError {
  code: string;
  message: string;
}
