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
    const deleted = await waitFor(() => (fake.callsTo('chat.deleteScheduledMessage').length > 0 ? fake.callsTo('chat.deleteScheduledMessage') : undefined));
    expect(deleted.map((c) => c.args)).toEqual([expect.objectContaining({ channel: channel.id, scheduled_message_id: first.response?.scheduled_message_id })]);
    // The record now names the second reminder, for the next pick on any instance.
    expect(await h.records.get('slack-meeting-reminder', String(poll.id))).toContain(String(second.response?.scheduled_message_id));
  });

  it('two re-picks at once on two instances leave one reminder, the one the record names', async () => {
    const databasePath = join(dir, 'yakjeong.db');
    await h?.close();
    h = await startHarness({ mode: 'http', fake, databasePath });
    const other = await startHarness({ mode: 'http', fake, databasePath });
    try {
      const { poll, channel } = await createPoll('Retreat');
      await command(`answer ${poll.code} 12/2 10:00-11:00`, { channel }, 'answer2');
      await latestResponse('answer2');
      const here = h;
      const there = driver(() => other, 'restart');
      await Promise.all([
        command(`pick ${poll.code} 2026-12-01 09:00`, { channel }, 'pickA'),
        there.command(`pick ${poll.code} 2026-12-02 10:00`, { channel }, 'pickB'),
      ]);
      const scheduledIds = () => fake.callsTo('chat.scheduleMessage').filter((c) => c.args.channel === channel.id).map((c) => String(c.response?.scheduled_message_id));
      const deletedIds = () => fake.callsTo('chat.deleteScheduledMessage').filter((c) => c.args.channel === channel.id).map((c) => String(c.args.scheduled_message_id));
      const left = await waitFor(() => {
        const live = scheduledIds().filter((id) => !deletedIds().includes(id));
        return scheduledIds().length === 2 && live.length === 1 ? live : undefined;
      }, 10_000, 'one reminder left of the two scheduled');
      expect(await here.records.get('slack-meeting-reminder', String(poll.id))).toContain(left[0]);
    } finally {
      await other.close();
    }
  });

  it('a re-pick whose reminder Slack refuses leaves no reminder for the earlier time', async () => {
    await h?.close();
    h = await startHarness({ mode: 'http', fake, databasePath: join(dir, 'refused.db') });
    const { poll, channel } = await createPoll('Standup');
    await command(`answer ${poll.code} 12/2 10:00-11:00`, { channel }, 'answer3');
    await latestResponse('answer3');
    await command(`pick ${poll.code} 1`, { channel }, 'pick3');
    const first = await waitFor(() => fake.callsTo('chat.scheduleMessage').find((c) => c.args.channel === channel.id));
    const recorded = await waitFor(() => h!.records.get('slack-meeting-reminder', String(poll.id)));
    expect(recorded).toContain(String(first.response?.scheduled_message_id));
    fake.failNext('chat.scheduleMessage', 'restricted_too_many');
    await command(`pick ${poll.code} 2026-12-01 09:00`, { channel }, 'repick3');
    await waitFor(() => fake.callsTo('chat.deleteScheduledMessage').some((c) => c.args.scheduled_message_id === first.response?.scheduled_message_id));
    expect(await h.records.get('slack-meeting-reminder', String(poll.id))).toBeUndefined();
  });
});
