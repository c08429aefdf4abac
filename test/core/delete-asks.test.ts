/**
 * Delete asks first: "/yakjeong delete" shows its asker (and only them) which poll would go and
 * how many answers with it, with Delete and Keep it. Nothing changes until Delete is pressed;
 * Keep it changes nothing at all. A poll and its answers cannot be brought back, and without a
 * code the command means the channel's newest open poll, which may not be the one meant.
 */
import { describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/core/actions.js';
import type { Reply } from '../../src/core/views/reply.js';
import { CAPS, createPoll, errorCode, makeKit, posts, textOf } from '../helpers.js';

/** The buttons of the replies, by verb. */
function buttonsOf(replies: Reply[]): Map<string, string> {
  return new Map(
    posts(replies)
      .flatMap((view) => view.buttons.flat())
      .map((b) => [decodeAction(b.id)!.verb, b.id]),
  );
}

async function pollWithAnswers(locale: 'en' | 'ko' = 'en') {
  const kit = makeKit({ locale });
  const code = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
  await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} 12/1`, CAPS);
  await kit.engine.runText(kit.actor('bob'), `/yakjeong answer ${code} 12/2`, CAPS);
  return { kit, code };
}

describe('delete asks first', () => {
  it('asks only its asker, naming the poll and its answers, and changes nothing', async () => {
    const { kit, code } = await pollWithAnswers();
    const asked = await kit.engine.runText(kit.actor('host'), '/yakjeong delete', CAPS);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'host' } });
    expect(textOf(posts(asked)[0]!)).toBe(`🗑️ Delete “Dinner” (${code})? Its 2 answers go with it. A deleted poll cannot be brought back.`);
    expect([...buttonsOf(asked).keys()]).toEqual(['deletenow', 'keep']);
    expect(posts(asked)[0]!.buttons.flat().map((b) => [b.label, b.intent])).toEqual([
      ['🗑️ Delete', 'danger'],
      ['Keep it', undefined],
    ]);
    expect((await kit.store.findPollByCode(code))?.status).toBe('open');
  });

  it('Delete deletes it and tells the channel; the question becomes what was done', async () => {
    const { kit, code } = await pollWithAnswers();
    const asked = await kit.engine.runText(kit.actor('host'), `/yakjeong delete ${code}`, CAPS);
    const done = await kit.engine.click(kit.actor('host'), buttonsOf(asked).get('deletenow')!, CAPS);
    expect((await kit.store.findPollByCode(code))?.status).toBe('deleted');
    const replaced = done.flatMap((r) => (r.type === 'replace' ? [r.view] : []));
    const told = done.flatMap((r) => (r.type === 'post' && r.audience.kind === 'channel' ? [r.view] : []));
    expect(replaced.map(textOf)).toEqual([`🗑️ Deleted “Dinner” (${code}).`]);
    expect(told.map(textOf)).toEqual([`🗑️ Deleted “Dinner” (${code}).`]);
    expect(done.some((r) => r.type === 'refresh-poll')).toBe(true);
  });

  it('a double press of Delete deletes once and tells the channel once', async () => {
    const { kit, code } = await pollWithAnswers();
    const asked = await kit.engine.runText(kit.actor('host'), `/yakjeong delete ${code}`, CAPS);
    const id = buttonsOf(asked).get('deletenow')!;
    const presses = await Promise.all([kit.engine.click(kit.actor('host'), id, CAPS), kit.engine.click(kit.actor('host'), id, CAPS)]);
    const told = presses.flat().filter((r) => r.type === 'post' && r.audience.kind === 'channel');
    expect(told).toHaveLength(1);
    // Each press's question says what was done.
    expect(presses.map((replies) => replies.filter((r) => r.type === 'replace').length)).toEqual([1, 1]);
    expect((await kit.store.findPollByCode(code))?.status).toBe('deleted');
  });

  it('a poll closed between the question and the press is still deleted', async () => {
    const { kit, code } = await pollWithAnswers();
    const asked = await kit.engine.runText(kit.actor('host'), `/yakjeong delete ${code}`, CAPS);
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${code}`, CAPS);
    const done = await kit.engine.click(kit.actor('host'), buttonsOf(asked).get('deletenow')!, CAPS);
    expect(done.filter((r) => r.type === 'post' && r.audience.kind === 'channel')).toHaveLength(1);
    expect((await kit.store.findPollByCode(code))?.status).toBe('deleted');
  });

  it('Keep it changes nothing, and says so', async () => {
    const { kit, code } = await pollWithAnswers();
    const asked = await kit.engine.runText(kit.actor('host'), `/yakjeong delete ${code}`, CAPS);
    const kept = await kit.engine.click(kit.actor('host'), buttonsOf(asked).get('keep')!, CAPS);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.type).toBe('replace');
    expect(textOf(posts(kept)[0]!)).toBe(`Kept “Dinner” (${code}): nothing was deleted.`);
    expect((await kit.store.findPollByCode(code))?.status).toBe('open');
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participants(poll.id)).map((p) => p.user.id).sort()).toEqual(['ann', 'bob']);
  });

  it('a Delete button pressed by someone who may not delete the poll is refused', async () => {
    const { kit, code } = await pollWithAnswers();
    const asked = await kit.engine.runText(kit.actor('host'), `/yakjeong delete ${code}`, CAPS);
    expect(await errorCode(kit.engine.click(kit.actor('mallory'), buttonsOf(asked).get('deletenow')!, CAPS))).toBe('NOT_ALLOWED');
    expect((await kit.store.findPollByCode(code))?.status).toBe('open');
  });

  it('speaks Korean, with nobody answered yet', async () => {
    const kit = makeKit({ locale: 'ko' });
    const code = await createPoll(kit, 'host', '회식 kind:date dates:12/1-12/3');
    const asked = await kit.engine.runText(kit.actor('host'), `/yakjeong 삭제 ${code}`, CAPS);
    expect(textOf(posts(asked)[0]!)).toBe(`🗑️ “회식”(${code}) 투표를 삭제할까요? 아직 아무도 응답하지 않았어요. 삭제한 투표는 되돌릴 수 없어요.`);
    expect(posts(asked)[0]!.buttons.flat().map((b) => b.label)).toEqual(['🗑️ 삭제', '그대로 두기']);
    const kept = await kit.engine.click(kit.actor('host'), buttonsOf(asked).get('keep')!, CAPS);
    expect(textOf(posts(kept)[0]!)).toBe(`“회식”(${code}) 투표를 그대로 두었어요. 아무것도 지우지 않았어요.`);
  });
});
