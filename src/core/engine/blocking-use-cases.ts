/**
 * Picked meetings block the same time in the people's other open polls: for everyone who marked
 * the picked time free or if needed (and has not turned blocking off), the overlapping slots of
 * their other answered open polls on the same platform and team become "no", recorded with what
 * they were. Undo (the person) and release (a re-pick, reopen or delete of the picked poll) give
 * back only the slots that still say "no", so nothing automatic undoes a change made by hand.
 */
import { UserError } from '../errors.js';
import { catalog } from '../i18n/index.js';
import type { Actor } from '../actor.js';
import { stateAt, STATE_CHAR } from '../domain/availability.js';
import { slotsTakenBy, type AnswerBlock } from '../domain/blocking.js';
import { meetingFromPick } from '../domain/meeting.js';
import type { ChangeReason, PickedWindow, Poll, UserRef } from '../domain/types.js';
import { blockedNotice, type BlockedPoll } from '../views/blocking.js';
import { isClosed } from '../views/poll-message.js';
import type { Reply } from '../views/reply.js';
import type { EngineContext } from './context.js';

/** Where a person reads: the picked poll's channel stands in for an interaction of theirs. */
function readerIn(poll: Poll, user: UserRef): Pick<Actor, 'channel' | 'user'> {
  return { channel: poll.channel, user };
}

function reasonFor(kind: 'blocked' | 'unblocked' | 'released', picked: Poll): ChangeReason {
  return { kind, pollId: picked.id, code: picked.code, title: picked.spec.title };
}

export class BlockingUseCases {
  constructor(private readonly ctx: EngineContext) {}

  /** After a pick: block, and tell each person privately what changed, with an Undo per poll. */
  async afterPick(poll: Poll, picked: PickedWindow): Promise<Reply[]> {
    const { ctx } = this;
    const layout = ctx.layout(poll);
    const meeting = meetingFromPick(poll, layout, picked);
    if (!meeting) return [];
    const replies: Reply[] = [];
    const refreshed = new Set<number>();
    for (const participant of await ctx.participants(poll)) {
      const window = Array.from({ length: picked.slotCount }, (_, i) => picked.firstSlot + i);
      if (!window.some((slot) => stateAt(participant.states, slot) !== 'no')) continue;
      const person = { platform: poll.channel.platform, workspaceId: poll.channel.workspaceId, userId: participant.user.id };
      if (!(await ctx.store.usualWeekSettings(person)).block) continue;
      const changed: BlockedPoll[] = [];
      const now = ctx.clock.now();
      for (const { poll: other } of await ctx.store.answersSince(person, 0)) {
        if (other.id === poll.id || isClosed(other, now)) continue;
        const otherLayout = ctx.layout(other);
        const taken = new Set(slotsTakenBy(meeting, other.spec, otherLayout));
        if (taken.size === 0) continue;
        const before: Array<[number, 'yes' | 'maybe']> = [];
        const update = (current: string) => {
          before.length = 0;
          return [...current]
            .map((state, slot) => {
              if (!taken.has(slot) || state === '.') return state;
              before.push([slot, stateAt(current, slot) as 'yes' | 'maybe']);
              return STATE_CHAR.no;
            })
            .join('');
        };
        const slotCount = otherLayout.slots.length;
        await ctx.store.saveAnswer(other.id, participant.user, update, now, { slotCount, reason: reasonFor('blocked', poll) });
        if (before.length === 0) continue;
        const block = await ctx.store.recordBlock({ user: participant.user, pickedPollId: poll.id, blockedPollId: other.id, slots: [...before] }, now);
        changed.push({ poll: other, layout: otherLayout, slots: before.map(([slot]) => slot), blockId: block.id });
        refreshed.add(other.id);
      }
      if (changed.length === 0) continue;
      const reader = readerIn(poll, participant.user);
      const view = blockedNotice({ picked: poll, changed, locale: await ctx.localeOf(reader), tz: await ctx.zoneOf(reader) });
      replies.push({ type: 'direct', userId: participant.user.id, view });
    }
    return [...replies, ...[...refreshed].map((pollId): Reply => ({ type: 'refresh-poll', pollId }))];
  }

  /** A re-pick, reopen or delete of `poll`: every change its pick made is given back where it still holds. */
  async release(poll: Poll): Promise<Reply[]> {
    const refreshed = new Set<number>();
    for (const block of await this.ctx.store.activeBlocks({ pickedPollId: poll.id })) {
      if ((await this.giveBack(block, poll, 'released')) !== false) refreshed.add(block.blockedPollId);
    }
    return [...refreshed].map((pollId): Reply => ({ type: 'refresh-poll', pollId }));
  }

  /** The Undo on a person's notice: theirs alone, once. */
  async undo(actor: Actor, poll: Poll, ref: number): Promise<Reply[]> {
    const { ctx } = this;
    const block = await ctx.store.answerBlock(ref);
    const picked = block && (await ctx.store.getPoll(block.pickedPollId));
    if (!block || !picked || block.user.id !== actor.user.id || block.blockedPollId !== poll.id || block.status !== 'active') throw new UserError('BLOCK_NOT_FOUND');
    const restored = await this.giveBack(block, picked, 'undone');
    if (restored === false) throw new UserError('BLOCK_NOT_FOUND');
    // The notice again, without the poll given back.
    const changed: BlockedPoll[] = [];
    for (const other of await ctx.store.activeBlocks({ pickedPollId: picked.id })) {
      const otherPoll = other.user.id === actor.user.id ? await ctx.store.getPoll(other.blockedPollId) : undefined;
      if (otherPoll) changed.push({ poll: otherPoll, layout: ctx.layout(otherPoll), slots: other.slots.map(([slot]) => slot), blockId: other.id });
    }
    const { locale, tz } = await ctx.reader(actor);
    const c = catalog(locale).blocking;
    const lead = `↩️ ${restored > 0 ? c.undone(poll.spec.title, poll.code) : c.undoneNothing(poll.spec.title, poll.code)}`;
    return [{ type: 'replace', view: blockedNotice({ picked, changed, locale, tz, lead }) }, { type: 'refresh-poll', pollId: poll.id }];
  }

  /**
   * Ends the change (once) and restores each of its slots that still says "no": how many it
   * restored, or false when it had already ended.
   */
  private async giveBack(block: AnswerBlock, picked: Poll, how: 'undone' | 'released'): Promise<number | false> {
    const { ctx } = this;
    const now = ctx.clock.now();
    if (!(await ctx.store.endBlock(block.id, how, now))) return false;
    const blocked = await ctx.store.getPoll(block.blockedPollId);
    if (!blocked || blocked.status === 'deleted') return 0;
    let restored = 0;
    const update = (current: string) => {
      const states = [...current];
      restored = 0;
      for (const [slot, before] of block.slots) {
        if (states[slot] !== STATE_CHAR.no) continue;
        states[slot] = STATE_CHAR[before];
        restored++;
      }
      return states.join('');
    };
    const reason = reasonFor(how === 'undone' ? 'unblocked' : 'released', picked);
    await ctx.store.saveAnswer(blocked.id, block.user, update, now, { slotCount: ctx.layout(blocked).slots.length, reason });
    return restored;
  }
}
