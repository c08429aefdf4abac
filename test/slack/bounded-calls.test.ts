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

  it('a send aborted while its first part is under way posts no further part', async () => {
    const { poll } = await createPoll('Abort dinner');
    const view: View = { ...noticeView('part one of the results'), followUps: [noticeView('part two of the results')] };
    const abort = new AbortController();
    h.fake.delay('chat.postMessage', 300);
    const sending = h.adapter.notifier.post(poll, view, { key: 'yj2', signal: abort.signal });
    await waitFor(() => posts('part one').length === 1, 5000, 'the first part under way');
    abort.abort(new Error('lease lost'));
    await expect(sending).rejects.toThrow('lease lost');
    expect(posts('part two')).toEqual([]);
  });
});
