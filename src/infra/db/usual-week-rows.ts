/** Usual-week settings and automatic-change reasons as rows, the same for every dialect. */
import { z } from 'zod';
import { DEFAULT_USUAL_WEEK_SETTINGS, WEEK_CELLS, type UsualWeek, type UsualWeekSettings } from '../../core/domain/usual-week.js';
import type { AnswerState, ChangeReason } from '../../core/domain/types.js';
import type { AnswerBlock, NewAnswerBlock } from '../../core/domain/blocking.js';

export interface UsualWeekSettingsRow {
  learn: number;
  learnFrom: number | null;
  block: number;
  pattern: string | null;
}

const usualWeekSchema = z.object({ tz: z.string().min(1), cells: z.string().regex(new RegExp(`^[ym.]{${WEEK_CELLS}}$`)) });

const reasonSchema = z.union([
  z.object({ kind: z.literal('usual-week') }),
  z.object({ kind: z.enum(['blocked', 'unblocked', 'released']), pollId: z.number().int(), code: z.string(), title: z.string() }),
]);

/** A stored pattern that does not read is treated as none: the learned week applies again. */
function readWeek(json: string | null): UsualWeek | undefined {
  if (json === null) return undefined;
  try {
    const parsed = usualWeekSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function usualWeekSettingsOf(row: UsualWeekSettingsRow | undefined): UsualWeekSettings {
  if (!row) return { ...DEFAULT_USUAL_WEEK_SETTINGS };
  const settings: UsualWeekSettings = { learn: row.learn === 1, block: row.block === 1 };
  if (row.learnFrom !== null) settings.learnFrom = row.learnFrom;
  const pattern = readWeek(row.pattern);
  if (pattern) settings.pattern = pattern;
  return settings;
}

export function usualWeekSettingsValues(settings: UsualWeekSettings, now: number) {
  return {
    learn: settings.learn ? 1 : 0,
    learnFrom: settings.learnFrom ?? null,
    block: settings.block ? 1 : 0,
    pattern: settings.pattern ? JSON.stringify(settings.pattern) : null,
    updatedAt: now,
  };
}

export function reasonValue(reason: ChangeReason | undefined): string | null {
  return reason ? JSON.stringify(reason) : null;
}

/** A reason that does not read leaves the entry as a plain change. */
export function reasonOf(json: string | null): ChangeReason | undefined {
  if (json === null) return undefined;
  try {
    const parsed = reasonSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface AnswerBlockRow {
  id: number;
  userId: string;
  userName: string;
  pickedPollId: number;
  blockedPollId: number;
  slots: string;
  status: string;
}

export function answerBlockOf(row: AnswerBlockRow): AnswerBlock {
  return {
    id: row.id,
    user: { id: row.userId, name: row.userName },
    pickedPollId: row.pickedPollId,
    blockedPollId: row.blockedPollId,
    slots: JSON.parse(row.slots) as Array<[number, AnswerState]>,
    status: row.status as AnswerBlock['status'],
  };
}

export function answerBlockValues(block: NewAnswerBlock, at: number) {
  return {
    userId: block.user.id,
    userName: block.user.name,
    pickedPollId: block.pickedPollId,
    blockedPollId: block.blockedPollId,
    slots: JSON.stringify(block.slots),
    status: 'active',
    createdAt: at,
  };
}
