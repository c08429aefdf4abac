/**
 * The create form: what `/yakjeong create` with no options opens. Five labelled text inputs
 * (Discord's limit) map onto the same raw create options as the slash command and the text.
 */
import {
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmission,
  type APIModalSubmissionComponent,
} from 'discord-api-types/v10';
import type { Locale } from '../../src/core/domain/types.js';
import type { CreateOptions } from '../../src/core/grammar/create-options.js';
import { parseCreateText } from '../../src/core/grammar/create-options.js';
import { tokenize } from '../../src/core/grammar/tokens.js';
import { discordStrings, type CreateFormField } from './strings.js';
import { truncate } from './text-limits.js';

/** Not in the y1: button-id namespace, so the action codec never mistakes it for a button. */
export const CREATE_MODAL_ID = 'yakjeong:create';

const FIELDS: Array<{ id: CreateFormField; required: boolean; max: number; paragraph?: boolean }> = [
  { id: 'title', required: true, max: 200 },
  { id: 'dates', required: true, max: 400 },
  { id: 'time', required: false, max: 40 },
  { id: 'more', required: false, max: 1000, paragraph: true },
  { id: 'deadline', required: false, max: 60 },
];

export function createModal(locale: Locale): APIModalInteractionResponseCallbackData {
  const t = discordStrings(locale).createForm;
  return {
    custom_id: CREATE_MODAL_ID,
    title: t.title,
    // Label-wrapped inputs: text inputs directly in action rows are deprecated in modals.
    components: FIELDS.map((field) => ({
      type: ComponentType.Label,
      label: t.labels[field.id],
      component: {
        type: ComponentType.TextInput,
        custom_id: field.id,
        style: field.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: field.required,
        max_length: field.max,
        placeholder: truncate(t.hints[field.id], 100),
      },
    })),
  };
}

/**
 * Text input values by custom_id, from Label-wrapped inputs or legacy action rows alike. The ids
 * come from the payload: a Map, so an id such as `__proto__` is a key like any other.
 */
export function modalValues(submission: APIModalSubmission): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  const visit = (component: APIModalSubmissionComponent): void => {
    if (component.type === ComponentType.ActionRow) {
      for (const input of component.components) values.set(input.custom_id, input.value);
    } else if (component.type === ComponentType.Label && component.component.type === ComponentType.TextInput) {
      values.set(component.component.custom_id, component.component.value);
    }
  };
  submission.components.forEach(visit);
  return values;
}

const KIND_WORDS = new Map<string, string>([
  ['time', 'time'],
  ['block', 'block'],
  ['date', 'date'],
  ['시간', 'time'],
  ['구간', 'block'],
  ['날짜', 'date'],
]);

/**
 * Form values → raw create options. The free "more" field takes grammar options
 * (`slot:1h duration:2h`); a bare word there is a kind (date, block) or else a slot size (1h).
 */
export function createOptionsFromForm(values: ReadonlyMap<string, string>): CreateOptions {
  const options: CreateOptions = {};
  const more = values.get('more')?.trim();
  if (more) {
    const parsed = parseCreateText(tokenize(more));
    const { title: freeWords, ...rest } = parsed;
    Object.assign(options, rest);
    for (const word of freeWords?.split(/\s+/) ?? []) {
      const kind = KIND_WORDS.get(word.toLowerCase());
      if (kind && options.kind === undefined) options.kind = kind;
      else if (options.slot === undefined) options.slot = word;
      else options.slot = `${options.slot} ${word}`;
    }
  }
  for (const key of ['title', 'dates', 'time', 'deadline'] as const) {
    const value = values.get(key)?.trim();
    if (value) options[key] = value;
  }
  return options;
}
