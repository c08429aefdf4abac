/**
 * The one codec for button ids, select-menu ids and option values: "y1:<CODE>:<verb>[:<arg>…]".
 * Decoded once; anything that does not decode is "not mine". A slot button (or option) carries
 * the state it sets, so pressing the same button twice changes nothing the second time.
 */
import type { AnswerState } from './domain/types.js';
import { isPollCode } from './domain/poll-code.js';

export type Action =
  | { verb: 'respond'; code: string }
  | { verb: 'results'; code: string }
  | { verb: 'close'; code: string }
  | { verb: 'reopen'; code: string }
  | { verb: 'closenow'; code: string }
  | { verb: 'set'; code: string; slot: number; state: AnswerState }
  | { verb: 'page'; code: string; page: number }
  | { verb: 'all'; code: string; page: number }
  | { verb: 'clear'; code: string; page: number }
  | { verb: 'copy'; code: string; page: number }
  | { verb: 'done'; code: string }
  /**
   * The id of a select menu of slots on grid page `page` (the `n`th menu there). The chosen
   * options are `set` actions of their own; the container does nothing but show the page.
   */
  | { verb: 'pickslots'; code: string; page: number; n: number }
  /** Carries the window's first slot, so the button fixes exactly the time it showed. */
  | { verb: 'pick'; code: string; slot: number };

const PREFIX = 'y1';
const STATE_CODE: Record<AnswerState, string> = { yes: 'y', maybe: 'm', no: 'n' };
const CODE_STATE: Record<string, AnswerState> = { y: 'yes', m: 'maybe', n: 'no' };

export function encodeAction(action: Action): string {
  const base = `${PREFIX}:${action.code}:${action.verb}`;
  switch (action.verb) {
    case 'set':
      return `${base}:${action.slot}:${STATE_CODE[action.state]}`;
    case 'page':
    case 'all':
    case 'clear':
    case 'copy':
      return `${base}:${action.page}`;
    case 'pick':
      return `${base}:${action.slot}`;
    case 'pickslots':
      return `${base}:${action.page}:${action.n}`;
    default:
      return base;
  }
}

const NUM = /^\d{1,5}$/;

export function decodeAction(id: string): Action | undefined {
  const parts = id.split(':');
  if (parts[0] !== PREFIX || parts.length < 3 || parts.length > 5) return undefined;
  const code = parts[1]!;
  if (!isPollCode(code)) return undefined;
  const verb = parts[2];
  const a = parts[3];
  const b = parts[4];
  switch (verb) {
    case 'respond':
    case 'results':
    case 'close':
    case 'reopen':
    case 'closenow':
    case 'done':
      return parts.length === 3 ? { verb, code } : undefined;
    case 'set': {
      const state = b ? CODE_STATE[b] : undefined;
      return a && NUM.test(a) && state && parts.length === 5 ? { verb, code, slot: Number(a), state } : undefined;
    }
    case 'page':
    case 'all':
    case 'clear':
    case 'copy':
      return a && NUM.test(a) && parts.length === 4 ? { verb, code, page: Number(a) } : undefined;
    case 'pick':
      return a && NUM.test(a) && parts.length === 4 ? { verb, code, slot: Number(a) } : undefined;
    case 'pickslots':
      return a && b && NUM.test(a) && NUM.test(b) && parts.length === 5 ? { verb, code, page: Number(a), n: Number(b) } : undefined;
    default:
      return undefined;
  }
}
