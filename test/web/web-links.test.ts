/** Private links to the web grid: what a token grants, where links appear, and the save limit. */
import { describe, expect, it } from 'vitest';
import { LinkTokens } from '../../adapters/web/link-tokens.js';
import { SaveLimiter } from '../../adapters/web/save-limiter.js';
import { SignedWebLinks } from '../../adapters/web/signed-web-links.js';
import { encodeAction } from '../../src/core/actions.js';
import { plainText } from '../../src/core/views/rich.js';
import { CAPS, makeKit, posts, T0 } from '../helpers.js';
import { ManualClock } from '../support/manual-clock.js';

const DAY = 86_400_000;

describe('link tokens', () => {
  const tokens = new LinkTokens('a-secret-of-at-least-32-characters!!');
  const claims = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1', userName: 'ann', pollId: 7, expiresAt: T0 + DAY };

  it('grant exactly what was signed, until they expire', () => {
    const token = tokens.sign(claims);
    expect(tokens.verify(token, T0)).toEqual(claims);
    expect(tokens.verify(token, T0 + DAY)).toBeUndefined();
    expect(new LinkTokens('another-secret-of-at-least-32-chars').verify(token, T0)).toBeUndefined();
    const [payload, mac] = token.split('.');
    const other = tokens.sign({ ...claims, userId: 'U2' }).split('.')[0];
    expect(tokens.verify(`${other}.${mac}`, T0)).toBeUndefined();
    expect(tokens.verify(`${payload}.${mac}x`, T0)).toBeUndefined();
    expect(tokens.verify('not a token', T0)).toBeUndefined();
  });
});

describe('where links appear', () => {
  it('the console grid prints a fresh private link; the console poll message gets no button', async () => {
    const clock = new ManualClock(T0);
    const tokens = new LinkTokens('a-secret-of-at-least-32-characters!!');
    const links = new SignedWebLinks({ tokens, clock });
    links.setLocalBase('http://127.0.0.1:4000');
    const kit = makeKit({ webLinks: links });
    const ann = kit.actor('ann');
    const created = posts(await kit.engine.runText(ann, '/yakjeong create Lunch dates:12/1-12/2 time:12:00-14:00 slot:1h', CAPS));
    expect(created[0]!.buttons.flat().map((b) => b.label).join(' ')).not.toContain('big grid');
    const grid = posts(await kit.engine.runText(ann, '/yakjeong answer', CAPS))[0]!;
    const text = grid.blocks.map((b) => ('text' in b ? plainText(b.text) : '')).join('\n');
    const url = /http:\/\/127\.0\.0\.1:4000\/w\/([A-Z0-9]+)\/(\S+)\)/.exec(text);
    expect(url?.[1]).toBe(created[0]!.pollCode);
    expect(tokens.verify(url![2]!, T0)).toMatchObject({ platform: 'console', userId: 'ann', expiresAt: T0 + 7 * DAY });
  });

  it('Slack and Discord get the button and links only with a public address', async () => {
    const clock = new ManualClock(T0);
    const tokens = new LinkTokens('a-secret-of-at-least-32-characters!!');
    const local = new SignedWebLinks({ tokens, clock });
    local.setLocalBase('http://127.0.0.1:4000');
    expect(local.inPollMessage('slack')).toBe(false);
    const kit = makeKit({ webLinks: new SignedWebLinks({ tokens, clock, publicUrl: 'https://y.example' }) });
    const ann = kit.actor('ann', { channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } });
    const created = posts(await kit.engine.runText(ann, '/yakjeong create Lunch dates:12/1-12/2 time:12:00-14:00 slot:1h', CAPS))[0]!;
    const button = created.buttons.flat().find((b) => b.label.includes('Open the big grid'));
    expect(button?.id).toBe(encodeAction({ verb: 'web', code: created.pollCode! }));
    const replies = await kit.engine.click(kit.actor('ben', { channel: ann.channel }), button!.id, CAPS);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'ben' } });
    const note = posts(replies)[0]!.blocks[0];
    expect(note?.type === 'text' ? plainText(note.text) : '').toContain('https://y.example/w/');
  });
});

describe('the save limit', () => {
  it('allows 10 saves a second per person, each person on their own', () => {
    let now = 0;
    const limiter = new SaveLimiter(10, 1000, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.allow('a')).toBe(true);
    expect(limiter.allow('a')).toBe(false);
    expect(limiter.allow('b')).toBe(true);
    now = 1000;
    expect(limiter.allow('a')).toBe(true);
  });
});
