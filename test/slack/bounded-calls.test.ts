/**
 * A scheduled post must not outlive its send: the WebClient's retries are bounded by the
 * adapter's call bound (30 s by default, shortened here), and a send the scheduler gave up on
 * posts no further part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import { blocksText, driver, startHarness, waitFor, type Harness } from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', callBoundMs: 600 });
});

afterAll(async () => {
  await h?.close();
});

const { createPoll } = driver(() => h, 'bound');
const posts = (text: string) => h.fake.callsTo('chat.postMessage').filter((c) => blocksText(c.args.blocks).includes(text));

describe('Slack calls bounded for scheduled sends', () => {
  it('a post to a Slack answering 503 is retried, then given up within the bound', async () => {
    const { poll } = await createPoll('Outage dinner');
    const end = h.fake.outage('chat.postMessage', 503);
    try {
      const failure = await h.adapter.notifier
        .post(poll, noticeView('⏰ outage reminder'), { key: 'yj1', signal: new AbortController().signal })
        .then(() => undefined, (err: unknown) => err);
      expect(failure).toBeInstanceOf(Error);
    } finally {
      end();
    }
    // Tried again, but not for minutes: the five-retries-in-five-minutes default would still be waiting.
    expect(posts('outage reminder').length).toBeGreaterThan(1);
    expect(posts('outage reminder').length).toBeLessThanOrEqual(6);
  });

  it('a post Slack is slow to answer is not sent again by the client: it may already be in the channel', async () => {
    const { poll } = await createPoll('Slow dinner');
    // Longer than one attempt may take (half the 600 ms bound): the attempt times out unanswered,
    // though Slack posts it. A retry would be answered at once, and would post it a second time.
    h.fake.delay('chat.postMessage', 900);
    const failure = await h.adapter.notifier
      .post(poll, noticeView('⏰ slow reminder'), { key: 'yj3', signal: new AbortController().signal })
      .then(() => undefined, (err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(posts('slow reminder')).toHaveLength(1);
  });

  it('a send aborted while its first part is under way posts no further part', async () => {
    const { poll } = await createPoll('Abort dinner');
    const view: View = { ...noticeView('part one of the results'), followUps: [noticeView('part two of the results')] };
    const abort = new AbortController();
    // Slower than the abort below, faster than an attempt's 300 ms: part one is posted, then the send stops.
    h.fake.delay('chat.postMessage', 250);
    const sending = h.adapter.notifier.post(poll, view, { key: 'yj2', signal: abort.signal });
    await waitFor(() => posts('part one').length === 1, 5000, 'the first part under way');
    abort.abort(new Error('lease lost'));
    await expect(sending).rejects.toThrow('lease lost');
    expect(posts('part two')).toEqual([]);
  });
});
