/**
 * The create form: a Slack modal whose fields fill the same raw CreateOptions the text
 * grammar fills, so one builder in core validates both. A validation error comes back
 * as `response_action: 'errors'` on the field it is about, and the form stays open.
 */
import type { types as SlackTypes, ViewStateValue } from '@slack/bolt';
import { SLOT_MINUTES } from '../../src/core/domain/slots.js';
import type { Locale } from '../../src/core/domain/types.js';
import type { ErrorCode, UserError } from '../../src/core/errors.js';
import type { CreateOptions } from '../../src/core/grammar/create-options.js';
import { catalog } from '../../src/core/i18n/index.js';
import { errorView } from '../../src/core/views/notices.js';
import { slackStrings } from './strings.js';
import { plainText, type Rich } from '../../src/core/views/rich.js';
import { truncate } from './text.js';

export const CREATE_CALLBACK_ID = 'yakjeong_create';

/** Block ids of the form's inputs; `response_action: 'errors'` is keyed by these. */
export const FIELD = {
  title: 'title',
  desc: 'desc',
  kind: 'kind',
  start: 'date_start',
  end: 'date_end',
  weekdays: 'weekdays',
  dayStart: 'time_start',
  dayEnd: 'time_end',
  slot: 'slot',
  blocks: 'blocks',
  duration: 'duration',
  deadline: 'deadline',
  remind: 'remind',
  tz: 'tz',
  with: 'with',
  must: 'must',
  max: 'max',
  hidden: 'hidden',
} as const;

type FieldId = (typeof FIELD)[keyof typeof FIELD];

/** Every input has one element, always under this action id. */
const VALUE = 'v';

const WEEKDAY_VALUES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface ModalMetadata {
  /** The channel the poll will be posted in (the one /yakjeong was typed in). */
  channelId: string;
  /**
   * The slash command's response_url: how the person is told, privately and in that channel,
   * if the poll cannot be posted there (the view submission has no response_url of its own).
   */
  responseUrl?: string;
}

/** private_metadata holds at most 3000 characters; a response_url is about 100. */
const MAX_RESPONSE_URL = 1000;

/**
 * A response_url worth keeping: https (Slack's hooks), or http on loopback (a local fake
 * Slack in tests). Anything else is dropped, never posted to.
 */
function acceptableResponseUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_RESPONSE_URL) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return raw;
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]')) return raw;
  return undefined;
}

export function encodeMetadata(meta: ModalMetadata): string {
  const r = acceptableResponseUrl(meta.responseUrl);
  return JSON.stringify(r ? { v: 1, c: meta.channelId, r } : { v: 1, c: meta.channelId });
}

export function decodeMetadata(raw: string | undefined): ModalMetadata | undefined {
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'c' in parsed && typeof parsed.c === 'string' && /^[A-Z0-9]+$/.test(parsed.c)) {
      const meta: ModalMetadata = { channelId: parsed.c };
      const r = 'r' in parsed ? acceptableResponseUrl(parsed.r) : undefined;
      if (r) meta.responseUrl = r;
      return meta;
    }
  } catch {
    // Not ours or corrupted: the caller reports an out-of-date form.
  }
  return undefined;
}

export interface CreateModalInput {
  locale: Locale;
  channelId: string;
  /** The slash command's response_url, kept in private_metadata. */
  responseUrl?: string;
  /** The creator's zone, pre-filled. */
  timezone: string;
}

type InputBlock = SlackTypes.InputBlock;

function plain(text: string, max = 2000): SlackTypes.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max, 'plain'), emoji: true };
}

function option(text: string, value: string): SlackTypes.PlainTextOption {
  return { text: plain(text, 75), value };
}

function input(blockId: FieldId, label: string, element: InputBlock['element'], extra: { optional?: boolean; hint?: string } = {}): InputBlock {
  const block: InputBlock = { type: 'input', block_id: blockId, label: plain(label), element, optional: extra.optional ?? true };
  if (extra.hint) block.hint = plain(extra.hint);
  return block;
}

export function createModal(inputData: CreateModalInput): SlackTypes.ModalView {
  const s = slackStrings(inputData.locale).modal;
  const c = catalog(inputData.locale);
  const kindOptions = [
    option(`${c.kind.time} — ${s.kindTime}`, 'time'),
    option(`${c.kind.block} — ${s.kindBlock}`, 'block'),
    option(`${c.kind.date} — ${s.kindDate}`, 'date'),
  ];
  const slotOptions = SLOT_MINUTES.map((m) => option(c.minutes(m), `${m}m`));
  const weekdayOptions = WEEKDAY_VALUES.map((v, i) => option(c.weekdaysShort[i] ?? v, v));
  const blocks: SlackTypes.KnownBlock[] = [
    { type: 'context', elements: [{ type: 'plain_text', text: s.intro, emoji: true }] },
    input(FIELD.title, s.titleLabel, {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: 200,
      placeholder: plain(s.titlePlaceholder, 150),
    }, { optional: false }),
    input(FIELD.desc, s.descLabel, { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: 1000 }),
    input(FIELD.kind, s.kindLabel, {
      type: 'static_select',
      action_id: VALUE,
      options: kindOptions,
      initial_option: kindOptions[0]!,
    }, { optional: false }),
    input(FIELD.start, s.startLabel, { type: 'datepicker', action_id: VALUE }),
    input(FIELD.end, s.endLabel, { type: 'datepicker', action_id: VALUE }, { hint: s.endHint }),
    input(FIELD.weekdays, s.weekdaysLabel, { type: 'checkboxes', action_id: VALUE, options: weekdayOptions }, { hint: s.weekdaysHint }),
    input(FIELD.dayStart, s.dayStartLabel, { type: 'timepicker', action_id: VALUE, initial_time: '09:00' }),
    input(FIELD.dayEnd, s.dayEndLabel, { type: 'timepicker', action_id: VALUE, initial_time: '18:00' }, { hint: s.dayHint }),
    input(FIELD.slot, s.slotLabel, { type: 'static_select', action_id: VALUE, options: slotOptions, initial_option: slotOptions[1]! }),
    input(FIELD.blocks, s.blocksLabel, {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: 1000,
      placeholder: plain(s.blocksPlaceholder, 150),
    }, { hint: s.blocksHint }),
    input(FIELD.duration, s.durationLabel, {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: 40,
      placeholder: plain(s.durationPlaceholder, 150),
    }),
    input(FIELD.deadline, s.deadlineLabel, { type: 'datetimepicker', action_id: VALUE }),
    input(FIELD.remind, s.remindLabel, {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: 100,
      placeholder: plain(s.remindPlaceholder, 150),
    }),
    input(FIELD.tz, s.tzLabel, {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: 64,
      initial_value: inputData.timezone,
    }, { hint: s.tzHint }),
    input(FIELD.with, s.withLabel, { type: 'multi_users_select', action_id: VALUE }),
    input(FIELD.must, s.mustLabel, { type: 'multi_users_select', action_id: VALUE }),
    input(FIELD.max, s.maxLabel, { type: 'number_input', action_id: VALUE, is_decimal_allowed: false, min_value: '1', max_value: '1000' }),
    input(FIELD.hidden, s.hiddenLabel, { type: 'checkboxes', action_id: VALUE, options: [option(s.hiddenOption, 'yes')] }),
  ];
  return {
    type: 'modal',
    callback_id: CREATE_CALLBACK_ID,
    title: plain(s.title, 24),
    submit: plain(s.submit, 24),
    close: plain(s.close, 24),
    private_metadata: encodeMetadata(inputData.responseUrl ? { channelId: inputData.channelId, responseUrl: inputData.responseUrl } : { channelId: inputData.channelId }),
    blocks,
  };
}

export type FormValues = Record<string, Record<string, ViewStateValue>>;

export type FormResult =
  | { ok: true; options: CreateOptions; usedWeekdays: boolean }
  | { ok: false; errors: Record<string, string> };

/** Submitted values → raw create options. Fields that do not fit the chosen kind are left out. */
export function readCreateForm(values: FormValues, locale: Locale): FormResult {
  const get = (field: FieldId): ViewStateValue | undefined => values[field]?.[VALUE];
  const text = (field: FieldId): string | undefined => {
    const v = get(field)?.value?.trim();
    return v ? v : undefined;
  };
  const options: CreateOptions = {};
  const put = (key: keyof CreateOptions, value: string | undefined) => {
    if (value !== undefined && value !== '') options[key] = value;
  };

  const kind = get(FIELD.kind)?.selected_option?.value;
  put('title', text(FIELD.title));
  put('desc', text(FIELD.desc));
  put('kind', kind);

  const start = get(FIELD.start)?.selected_date ?? undefined;
  const end = get(FIELD.end)?.selected_date ?? undefined;
  const weekdays = (get(FIELD.weekdays)?.selected_options ?? []).map((o) => o.value);
  if (weekdays.length && (start || end)) {
    return { ok: false, errors: { [FIELD.weekdays]: slackStrings(locale).modalErrors.bothDaysAndWeekdays } };
  }
  if (weekdays.length) put('dates', weekdays.join(','));
  else if (start) put('dates', end && end !== start ? `${start}..${end}` : start);
  else if (end) put('dates', end);

  // The day's hours and the slot size have defaults in the form; they only mean something for time polls.
  if (kind === 'time' || kind === undefined) {
    const dayStart = get(FIELD.dayStart)?.selected_time ?? undefined;
    const dayEnd = get(FIELD.dayEnd)?.selected_time ?? undefined;
    if (dayStart && dayEnd) put('time', `${dayStart}-${dayEnd}`);
    put('slot', get(FIELD.slot)?.selected_option?.value);
  }
  put('blocks', text(FIELD.blocks));
  put('duration', text(FIELD.duration));
  const deadline = get(FIELD.deadline)?.selected_date_time;
  // The picker returns an instant; core reads "…Z" as UTC, whatever the poll's zone.
  if (typeof deadline === 'number') put('deadline', `${new Date(deadline * 1000).toISOString().slice(0, 16)}Z`);
  put('remind', text(FIELD.remind));
  put('tz', text(FIELD.tz));
  put('with', mentions(get(FIELD.with)?.selected_users));
  put('must', mentions(get(FIELD.must)?.selected_users));
  put('max', text(FIELD.max));
  if ((get(FIELD.hidden)?.selected_options ?? []).length > 0) put('hidden', 'yes');
  return { ok: true, options, usedWeekdays: weekdays.length > 0 };
}

function mentions(users: string[] | undefined): string | undefined {
  return users?.length ? users.map((u) => `<@${u}>`).join(' ') : undefined;
}

/** Which input a create error is about. Errors that name no single field go on the dates. */
const ERROR_FIELD: Partial<Record<ErrorCode, FieldId>> = {
  MISSING_TITLE: FIELD.title,
  TITLE_TOO_LONG: FIELD.title,
  DESCRIPTION_TOO_LONG: FIELD.desc,
  BAD_KIND: FIELD.kind,
  BAD_DATE: FIELD.start,
  BAD_DATE_RANGE: FIELD.end,
  MISSING_DATES: FIELD.start,
  TOO_MANY_DATES: FIELD.start,
  DATES_IN_PAST: FIELD.start,
  DATES_START_IN_PAST: FIELD.start,
  TIMES_IN_PAST: FIELD.start,
  BAD_TIME: FIELD.dayStart,
  BAD_TIME_RANGE: FIELD.dayStart,
  MISSING_TIME_RANGE: FIELD.dayStart,
  BAD_SLOT: FIELD.slot,
  BAD_BLOCKS: FIELD.blocks,
  TOO_MANY_SLOTS: FIELD.start,
  NO_SLOTS: FIELD.start,
  BAD_TIMEZONE: FIELD.tz,
  BAD_DEADLINE: FIELD.deadline,
  DEADLINE_IN_PAST: FIELD.deadline,
  DEADLINE_TOO_FAR: FIELD.deadline,
  BAD_DURATION: FIELD.duration,
  DURATION_TOO_LONG: FIELD.duration,
  BAD_MAX: FIELD.max,
  BAD_USERS: FIELD.with,
  TOO_MANY_PEOPLE: FIELD.with,
  BAD_REMIND: FIELD.remind,
  REMIND_WITHOUT_DEADLINE: FIELD.remind,
  REMIND_TOO_EARLY: FIELD.remind,
  BAD_HIDDEN: FIELD.hidden,
};

const OPTION_FIELD = new Map<string, FieldId>([
  ['time', FIELD.dayStart],
  ['slot', FIELD.slot],
  ['blocks', FIELD.blocks],
]);

export function fieldOfError(err: UserError, usedWeekdays: boolean): FieldId {
  if (err.code === 'OPTION_NOT_FOR_KIND') return OPTION_FIELD.get(String(err.params.option)) ?? FIELD.kind;
  if (err.code === 'TOO_MANY_PEOPLE' && err.params.option === 'must') return FIELD.must;
  const field = ERROR_FIELD[err.code] ?? FIELD.title;
  return usedWeekdays && field === FIELD.start ? FIELD.weekdays : field;
}

/** The `errors` map of a view_submission answer. */
export function formErrors(err: UserError, usedWeekdays: boolean, locale: Locale): Record<string, string> {
  const field = fieldOfError(err, usedWeekdays);
  return { [field]: formWording(err, locale) ?? messageOf(errorViewText(err, locale, FIELD_OPTION[field])) };
}

/** The form's own words for an error whose core text speaks of the text grammar or quotes what the pickers wrote. */
function formWording(err: UserError, locale: Locale): string | undefined {
  const own = slackStrings(locale).modalErrors;
  switch (err.code) {
    case 'MISSING_TITLE':
    case 'MISSING_DATES':
    case 'MISSING_TIME_RANGE':
    case 'DATES_IN_PAST':
    case 'TIMES_IN_PAST':
    case 'BAD_DATE_RANGE':
    case 'DEADLINE_IN_PAST':
    case 'REMIND_WITHOUT_DEADLINE':
      return own[err.code];
    case 'DEADLINE_TOO_FAR':
      return own.DEADLINE_TOO_FAR(Number(err.params.days));
    default:
      return undefined;
  }
}

/** The option each free-text field fills: core's examples ("like remind:24h,1h") become what to type there ("24h,1h"). */
const FIELD_OPTION: Partial<Record<FieldId, string>> = {
  [FIELD.blocks]: 'blocks',
  [FIELD.duration]: 'duration',
  [FIELD.remind]: 'remind',
  [FIELD.tz]: 'tz',
  [FIELD.max]: 'max',
};

/** A one-line apology on the title field keeps the form (and what was typed) open. */
export function formApology(text: string): Record<string, string> {
  return { [FIELD.title]: messageOf(text) };
}

function errorViewText(err: unknown, locale: Locale, option: string | undefined): string {
  const first = errorView(err, locale).blocks[0];
  if (!first || first.type !== 'text') return '';
  const prefix = `${option}:`;
  const asFieldValues = (spans: Rich): Rich =>
    spans.map((span) => (option && typeof span === 'object' && 'code' in span && span.code.startsWith(prefix) ? span.code.slice(prefix.length) : span));
  return plainText(asFieldValues(first.text));
}

/** Modal errors are plain text: drop the warning sign and any code marks of the text grammar. */
function messageOf(text: string): string {
  return truncate(text.replace(/^⚠️\s*/, '').replace(/`/g, ''), 500, 'plain');
}
