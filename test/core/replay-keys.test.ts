import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { ReplayedRequest } from '../../src/core/errors.js';
import { REQUEST_KEY_KEEP_MS } from '../../src/core/engine/context.js';
import { CAPS, createPoll, makeKit } from '../helpers.js';

const POLL = 'Replays dates:2026-12-01..2026-12-03 time:18:00-20:00 slot:1h';

describe('replayed requests', () => {
  it('a replayed slot click changes nothing, even after the person changed their answer since', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'alice', POLL);
    const poll = (await kit.store.findPollByCode(code))!;
    const yes = encodeAction({ verb: 'set', code, slot: 0, state: 'yes' });
    const no = encodeAction({ verb: 'set', code, slot: 0, state: 'no' });
    await kit.engine.click(kit.actor('bob', { requestKey: 'click-1' }), yes, CAPS);
    await kit.engine.click(kit.actor('bob', { requestKey: 'click-2' }), no, CAPS);
    const versionBefore = (await kit.store.getPoll(poll.id))!.version;
    await expect(kit.engine.click(kit.actor('bob', { requestKey: 'click-1' }), yes, CAPS)).rejects.toBeInstanceOf(ReplayedRequest);
    expect((await kit.store.participant(poll.id, 'bob'))!.states[0]).toBe('.');
    expect((await kit.store.getPoll(poll.id))!.version).toBe(versionBefore);
  });

  it('a replayed create makes no second poll; the same words with a new key do', async () => {
    const kit = makeKit();
    const channel = { platform: 'console' as const, workspaceId: 'w1', channelId: 'c1' };
    const create = `/yakjeong create ${POLL}`;
    await kit.engine.runText(kit.actor('alice', { requestKey: 'create-1' }), create, CAPS);
    await expect(kit.engine.runText(kit.actor('alice', { requestKey: 'create-1' }), create, CAPS)).rejects.toBeInstanceOf(ReplayedRequest);
    expect(await kit.store.listPolls(channel, ['open'])).toHaveLength(1);
    await kit.engine.runText(kit.actor('alice', { requestKey: 'create-2' }), create, CAPS);
    expect(await kit.store.listPolls(channel, ['open'])).toHaveLength(2);
  });

  it('a replayed Results press or close is refused before it acts', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'alice', POLL);
    const close = encodeAction({ verb: 'close', code });
    await kit.engine.click(kit.actor('alice', { requestKey: 'close-1' }), close, CAPS);
    await kit.engine.runText(kit.actor('alice'), `/yakjeong reopen ${code}`, CAPS);
    await expect(kit.engine.click(kit.actor('alice', { requestKey: 'close-1' }), close, CAPS)).rejects.toBeInstanceOf(ReplayedRequest);
    expect((await kit.store.findPollByCode(code))!.status).toBe('open');
  });

  it('keys are kept past the platforms’ 5-minute delivery window, then forgotten', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'alice', POLL);
    const results = encodeAction({ verb: 'results', code });
    await kit.engine.click(kit.actor('bob', { requestKey: 'r-1' }), results, CAPS);
    kit.clock.advance(5 * 60_000 + 1);
    await expect(kit.engine.click(kit.actor('bob', { requestKey: 'r-1' }), results, CAPS)).rejects.toBeInstanceOf(ReplayedRequest);
    kit.clock.advance(REQUEST_KEY_KEEP_MS);
    await expect(kit.engine.click(kit.actor('bob', { requestKey: 'r-1' }), results, CAPS)).resolves.toBeDefined();
  });
});
