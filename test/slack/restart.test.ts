/**
 * No per-process state: which scheduled Slack message is a poll's meeting reminder lives in the
 * shared store, so a re-pick after a restart (a new adapter on the same database file, as
 * another instance behind the load balancer would be) replaces the reminder instead of adding one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { driver, startHarness, waitFor, type Harness } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-slack-restart-'));
const fake = new FakeSlack();
let h: Harness | undefined;

afterAll(async () => {
  await h?.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const { command, createPoll, latestResponse } = driver(() => h!, 'restart');

describe('Slack meeting reminders across a restart', () => {
  it('a re-pick on a new adapter instance deletes the first reminder and schedules one in its place', async () => {
    await fake.start();
    const databasePath = join(dir, 'yakjeong.db');
    h = await startHarness({ mode: 'http', fake, databasePath });
    const { poll, channel } = await createPoll('Offsite');
    await command(`answer ${poll.code} 12/2 10:00-11:00`, { channel }, 'answer');
    await latestResponse('answer');
    await command(`pick ${poll.code} 1`, { channel }, 'pick');
    const first = await waitFor(() => fake.callsTo('chat.scheduleMessage').find((c) => c.args.channel === channel.id));

    await h.close();
    h = await startHarness({ mode: 'http', fake, databasePath });
    await command(`pick ${poll.code} 2026-12-01 09:00`, { channel }, 'repick');
    const second = await waitFor(() => fake.callsTo('chat.scheduleMessage').filter((c) => c.args.channel === channel.id)[1]);
    expect(Number(second.args.post_at)).toBe((Date.UTC(2026, 11, 1, 0, 0) - 10 * 60_000) / 1000);
    const deleted = fake.callsTo('chat.deleteScheduledMessage');
    expect(deleted.map((c) => c.args)).toEqual([expect.objectContaining({ channel: channel.id, scheduled_message_id: first.response?.scheduled_message_id })]);
    // The record now names the second reminder, for the next pick on any instance.
    expect(await h.records.get('slack-meeting-reminder', String(poll.id))).toContain(String(second.response?.scheduled_message_id));
  });
});
