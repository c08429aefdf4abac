/**
 * Issue #16 on Slack (HTTP mode, real Bolt app, fake Slack): /yakjeong usual answers privately
 * with its picture in the person's DM; the grid's "Fill from my usual week" shows an unsaved
 * preview; a pick sends each affected person one DM whose Undo works from that DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANA, blocksText, buttonsIn, driver, startHarness, waitFor, type Harness } from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', refreshIntervalMs: 200 });
});

afterAll(async () => {
  await h?.close();
});

const { command, createPoll, latestResponse, press } = driver(() => h, 'usual');

describe('your usual week on Slack', () => {
  it('is shown only to the person, with its picture uploaded to their DM', async () => {
    await command('usual set mon-fri 09:00-10:00', {}, 'uw-set');
    expect(blocksText((await latestResponse('uw-set')).body.blocks)).toContain('Mon ✅ 09:00–10:00');
    await command('usual', {}, 'uw-show');
    const shown = await latestResponse('uw-show');
    expect(shown.body.response_type).toBe('ephemeral');
    expect(blocksText(shown.body.blocks)).toContain('Your usual week · Asia/Seoul');
    await waitFor(() => h.fake.callsTo('files.completeUploadExternal').length > 0, 5000, 'the picture');
    expect(h.fake.callsTo('chat.postMessage').some((c) => String(c.args.text).includes('usual week'))).toBe(false);
  });

  it('fills the grid from the usual week after an unsaved preview', async () => {
    const { poll, channel } = await createPoll('Standup');
    await press(`y1:${poll.code}:fill:0`, { channel, ephemeral: true }, 'uw-fill');
    const preview = await latestResponse('uw-fill');
    expect(blocksText(preview.body.blocks)).toContain('Not saved');
    expect(await h.store.participant(poll.id, ANA.id)).toBeUndefined();
    const save = buttonsIn(preview.body.blocks).find((b) => b.label.includes('Save'))!;
    await press(save.actionId, { channel, ephemeral: true }, 'uw-save');
    await latestResponse('uw-save');
    // Tue Dec 1 09:00–10:00 in Seoul (ana's zone) is her usual time; 10:00 is not.
    expect((await h.store.participant(poll.id, ANA.id))?.states).toBe('y.y.');
  });
});

describe('picked meetings on Slack', () => {
  it('DM the person what changed, and Undo from that DM gives it back', async () => {
    const { poll: standup, channel } = await createPoll('Daily');
    const { poll: review, channel: other } = await createPoll('Retro');
    await command(`answer ${standup.code} 12/1 09:00-11:00`, { channel }, 'uw-a1');
    await latestResponse('uw-a1');
    await command(`answer ${review.code} 12/1 09:00-11:00`, { channel: other }, 'uw-a2');
    await latestResponse('uw-a2');
    await command(`pick ${standup.code} 12/1 10:00`, { channel }, 'uw-pick');
    const dm = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === ANA.id), 5000, 'the DM');
    expect(blocksText(dm.args.blocks)).toContain(`“Retro” (${review.code})`);
    expect((await h.store.participant(review.id, ANA.id))?.states).toBe('y...');
    const undo = buttonsIn(dm.args.blocks)[0]!;
    await press(undo.actionId, { channel: { id: 'D0ANA', name: 'directmessage' } }, 'uw-undo');
    const answered = await latestResponse('uw-undo');
    expect(blocksText(answered.body.blocks)).toContain('Gave back your times in “Retro”');
    expect((await h.store.participant(review.id, ANA.id))?.states).toBe('yy..');
  });
});
