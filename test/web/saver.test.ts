/**
 * The page's saver, in Node with fetch answered at the edge: a refused stroke locks the page only
 * when the poll is closed, full or the link refused; any other refusal drops that stroke alone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Saver, type SaveStatus } from '../../adapters/web/client/saver.js';

afterEach(() => vi.unstubAllGlobals());

function answering(...replies: Array<[number, unknown]>) {
  const fetch = vi.fn(async () => {
    const [status, body] = replies.shift() ?? [200, { mine: '' }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function saver() {
  const statuses: Array<[SaveStatus, string | undefined]> = [];
  const s = new Saver('https://x.test/w/t', '....', { changed: () => {}, status: (st, message) => statuses.push([st, message]) });
  return { s, statuses };
}

describe('the big grid saver', () => {
  it('drops a stroke the server cannot take, says why, and keeps saving the next one', async () => {
    const fetch = answering([400, { code: 'BAD_PAINT', message: 'That time is no longer in the poll.' }], [200, { mine: '.y..' }]);
    const { s, statuses } = saver();
    s.add(new Map([[3, 'y']]));
    await s.whenIdle();
    expect(s.shown()).toBe('....');
    expect(statuses).toContainEqual(['saved', 'That time is no longer in the poll.']);
    s.add(new Map([[1, 'y']]));
    await s.whenIdle();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(s.shown()).toBe('.y..');
    expect(statuses.some(([st]) => st === 'closed' || st === 'refused')).toBe(false);
  });

  it('stops on a closed poll: later strokes are not sent', async () => {
    const fetch = answering([409, { code: 'POLL_CLOSED', message: 'Closed.' }]);
    const { s, statuses } = saver();
    s.add(new Map([[0, 'y']]));
    await s.whenIdle();
    expect(statuses.at(-1)).toEqual(['closed', 'Closed.']);
    s.add(new Map([[1, 'y']]));
    await s.whenIdle();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
