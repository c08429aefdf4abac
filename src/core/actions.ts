/**
 * Button verbs, one table: each verb's arguments (from which the one codec for button ids,
 * select-menu ids and option values derives: "y1:<CODE>:<verb>[:<arg>…]"), the intent its
 * buttons carry (so renderers colour them without reading ids), and its handler. Decoded once;
 * anything that does not decode is "not mine". A slot button (or option) carries the state it
 * sets, so pressing the same button twice changes nothing the second time.
 */
import type { AnswerState, Poll } from './domain/types.js';
import { isPollCode } from './domain/poll-code.js';
import type { Actor } from './actor.js';
import type { Engine } from './engine.js';
import type { AdapterCapabilities, ButtonIntent, Reply, SlotIntent } from './views/reply.js';

/** What each kind of argument holds in an action. */
interface ArgTypes {
  slot: number;
  page: number;
  /** The nth select menu of a page. */
  n: number;
  state: AnswerState;
  /** A stored record's id (an automatic change to undo). */
  ref: number;
}
type ArgName = keyof ArgTypes;

export interface ButtonContext {
  engine: Engine;
  actor: Actor;
  caps: AdapterCapabilities;
  /** The poll the button belongs to, found in the actor's channel. */
  poll: Poll;
}

interface VerbSpec<Args extends readonly ArgName[]> {
  args: Args;
  /**
   * What its buttons mean unless the view says otherwise: a call to act, or a step not to take
   * lightly. Never a slot's answer: that depends on the state a slot shows, which the view knows.
   */
  intent?: Exclude<ButtonIntent, SlotIntent>;
  /**
   * Its handler stores the person's answer and records the request key in that same transaction,
   * so refusing a replayed click costs no extra round trip. Other verbs claim the key first.
   */
  writesAnswer?: true;
  /**
   * Pressed where its poll is not (a private notice in a DM): the poll is found by its code on
   * the presser's platform, not in their channel, and the handler checks the button is theirs.
   */
  personal?: boolean;
  /**
   * Only reads, and heavily (the whole poll ranked and drawn): acknowledged at once and worked
   * out after the clicks already waiting, so a crowd pressing it does not hold up their answers.
   */
  readsWhole?: true;
}

/** Argument names in id order. */
const VERB_ARGS = {
  respond: { args: [], intent: 'primary' },
  results: { args: [], readsWhole: true },
  close: { args: [], intent: 'danger' },
  closenow: { args: [], intent: 'danger' },
  reopen: { args: [] },
  /** The answer to "Delete this poll?": delete it, or keep it. */
  deletenow: { args: [], intent: 'danger' },
  keep: { args: [] },
  /** Carries the window's first slot, so the button fixes exactly the time it showed. */
  pick: { args: ['slot'] },
  done: { args: [], intent: 'primary' },
  /** Answers privately with the presser's own link to the web grid. */
  web: { args: [] },
  page: { args: ['page'] },
  all: { args: ['page'], writesAnswer: true },
  clear: { args: ['page'], writesAnswer: true },
  copy: { args: ['page'], writesAnswer: true },
  set: { args: ['slot', 'state'], writesAnswer: true },
  /**
   * The id of a select menu of slots on grid page `page` (the `n`th menu there). The chosen
   * options are `set` actions of their own; the container does nothing but show the page.
   */
  pickslots: { args: ['page', 'n'] },
  /** Shows the answer the person's usual week would give, unsaved, with Save (fillsave) and Cancel (page). */
  fill: { args: ['page'] },
  fillsave: { args: ['page'], intent: 'primary' },
  /** Gives back the slots one automatic "another meeting" change set (record `ref`), where they still hold what it set. */
  unblock: { args: ['ref'], personal: true },
} as const satisfies Record<string, VerbSpec<readonly ArgName[]>>;

export type Verb = keyof typeof VERB_ARGS;

/** Verbs by the word an id carries: a Map, so an id naming `constructor` or `__proto__` is no verb. */
const VERBS = new Map<string, Verb>(Object.keys(VERB_ARGS).map((v) => [v, v as Verb]));

type ArgsOf<V extends Verb> = { [K in (typeof VERB_ARGS)[V]['args'][number]]: ArgTypes[K] };

/** A decoded button: its verb, its poll and its arguments. */
export type Action = { [V in Verb]: { verb: V; code: string } & ArgsOf<V> }[Verb];
export type ActionOf<V extends Verb> = Extract<Action, { verb: V }>;

/** What pressing a button of each verb does. */
const HANDLERS: { [V in Verb]: (context: ButtonContext, action: ActionOf<V>) => Promise<Reply[]> } = {
  respond: ({ engine, actor, poll, caps }) => engine.answers.openGrid(actor, poll, caps),
  results: ({ engine, actor, poll }) => engine.polls.results(actor, poll.code, 'private'),
  close: ({ engine, actor, poll }) => engine.polls.close(actor, poll.code),
  closenow: ({ engine, actor, poll }) => engine.polls.close(actor, poll.code),
  reopen: ({ engine, actor, poll }) => engine.polls.reopen(actor, poll.code),
  deletenow: ({ engine, actor, poll }) => engine.polls.removeNow(actor, poll),
  keep: ({ engine, actor, poll }) => engine.polls.keep(actor, poll),
  pick: ({ engine, actor, poll }, { slot }) => engine.polls.pick(actor, poll.code, { slot }),
  done: ({ engine, actor, poll }) => engine.answers.gridDone(actor, poll),
  web: ({ engine, actor, poll }) => engine.answers.webLink(actor, poll),
  page: ({ engine, actor, poll, caps }, { page }) => engine.answers.showGridPage(actor, poll, caps, page),
  // A select menu's own id changes nothing (its options are the actions): the page again.
  pickslots: ({ engine, actor, poll, caps }, { page }) => engine.answers.showGridPage(actor, poll, caps, page),
  all: ({ engine, actor, poll, caps }, action) => engine.answers.gridEdit(actor, poll, caps, [action]),
  clear: ({ engine, actor, poll, caps }, action) => engine.answers.gridEdit(actor, poll, caps, [action]),
  copy: ({ engine, actor, poll, caps }, action) => engine.answers.gridEdit(actor, poll, caps, [action]),
  set: ({ engine, actor, poll, caps }, action) => engine.answers.gridEdit(actor, poll, caps, [action]),
  fill: ({ engine, actor, poll, caps }, { page }) => engine.usualWeek.fillPreview(actor, poll, caps, page),
  fillsave: ({ engine, actor, poll, caps }, { page }) => engine.usualWeek.fillSave(actor, poll, caps, page),
  unblock: ({ engine, actor, poll }, { ref }) => engine.blocking.undo(actor, poll, ref),
};

/** Runs the handler of an action's verb. */
export function handleAction(context: ButtonContext, action: Action): Promise<Reply[]> {
  // Each verb's handler receives only actions of that verb; the map above is checked per verb.
  const handler = HANDLERS[action.verb] as (context: ButtonContext, action: Action) => Promise<Reply[]>;
  return handler(context, action);
}

/** Whether a verb's handler records the request key with the answer it stores (see VerbSpec). */
export function verbWritesAnswer(verb: Verb): boolean {
  const spec: VerbSpec<readonly ArgName[]> = VERB_ARGS[verb];
  return spec.writesAnswer === true;
}

/** Whether a verb's handler only reads the whole poll, so it may wait behind answers (see VerbSpec.readsWhole). */
export function verbReadsWhole(verb: Verb): boolean {
  const spec: VerbSpec<readonly ArgName[]> = VERB_ARGS[verb];
  return spec.readsWhole === true;
}

/** Whether a verb's buttons are pressed outside their poll's channel (see VerbSpec.personal). */
export function isPersonalVerb(verb: Verb): boolean {
  const spec: VerbSpec<readonly ArgName[]> = VERB_ARGS[verb];
  return spec.personal === true;
}

/** The intent of a verb's buttons (a slot's depends on the state it shows, which the view decides). */
export function verbIntent(verb: Verb): Exclude<ButtonIntent, SlotIntent> | undefined {
  const spec: VerbSpec<readonly ArgName[]> = VERB_ARGS[verb];
  return spec.intent;
}

const PREFIX = 'y1';
const STATE_CODE: Record<AnswerState, string> = { yes: 'y', maybe: 'm', no: 'n' };
const CODE_STATE = new Map<string, AnswerState>([
  ['y', 'yes'],
  ['m', 'maybe'],
  ['n', 'no'],
]);
const NUM = /^\d{1,5}$/;
const REF = /^\d{1,12}$/;

function encodeArg(action: Action, name: ArgName): string {
  const value = (action as Partial<Record<ArgName, number | AnswerState>>)[name];
  return name === 'state' ? STATE_CODE[value as AnswerState] : String(value);
}

function decodeArg(name: ArgName, text: string): number | AnswerState | undefined {
  if (name === 'state') return CODE_STATE.get(text);
  if (name === 'ref') return REF.test(text) ? Number(text) : undefined;
  return NUM.test(text) ? Number(text) : undefined;
}

export function encodeAction(action: Action): string {
  // Concatenated rather than joined from arrays: a grid builds one id for each of its dozens of buttons.
  let id = `${PREFIX}:${action.code}:${action.verb}`;
  for (const name of VERB_ARGS[action.verb].args) id += `:${encodeArg(action, name)}`;
  return id;
}

export function decodeAction(id: string): Action | undefined {
  const [prefix, code, word, ...rest] = id.split(':');
  const verb = word === undefined ? undefined : VERBS.get(word);
  if (prefix !== PREFIX || code === undefined || !isPollCode(code) || verb === undefined) return undefined;
  const args: readonly ArgName[] = VERB_ARGS[verb].args;
  if (rest.length !== args.length) return undefined;
  const action: Record<string, string | number> = { verb, code };
  for (const [i, name] of args.entries()) {
    const value = decodeArg(name, rest[i]!);
    if (value === undefined) return undefined;
    action[name] = value;
  }
  // Built from the verb's own argument list, each decoded and checked above.
  return action as Action;
}
