/** Core's rich text as Slack mrkdwn: literal text escaped once, spans in Slack's own forms. */
import { describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../adapters/slack/text.js';
import { bold, code, italic, link, localTime, mention, rich } from '../../src/core/views/rich.js';

describe('toMrkdwn', () => {
  it('writes bold, italic and code, escaping &, < and > inside them too', () => {
    expect(toMrkdwn(rich`${bold('Tom & Jerry')} ${italic('a <b>')} ${code('x < y && `z`')}`)).toBe(
      '*Tom &amp; Jerry* _a &lt;b&gt;_ `x &lt; y &amp;&amp; ˋzˋ`',
    );
    // An empty span leaves no stray marks.
    expect(toMrkdwn(rich`a${bold('')}${code('')}b`)).toBe('ab');
  });

  it('keeps typed formatting marks from pairing up, and leaves marks inside words alone', () => {
    const Z = '\u200B';
    const out = toMrkdwn(['Team *dinner* _x_ ~y~ `z` America/New_York a*b']);
    expect(out).toBe(
      `Team ${Z}*${Z}dinner${Z}*${Z} ${Z}_${Z}x${Z}_${Z} ${Z}~${Z}y${Z}~${Z} ${Z}\`${Z}z${Z}\`${Z} America/New_York a*b`,
    );
    // What a reader sees (and copies) is what was typed.
    expect(out.replaceAll(Z, '')).toBe('Team *dinner* _x_ ~y~ `z` America/New_York a*b');
  });

  it('mentions Slack users by id, names anyone else, and names everyone when asked not to ping', () => {
    const ana = { id: 'U0ANA', name: 'ana' };
    const typed = { id: 'eve', name: '<!channel> eve' };
    expect(toMrkdwn(rich`${mention(ana)} ${mention(typed)}`)).toBe('<@U0ANA> @&lt;!channel&gt; eve');
    expect(toMrkdwn([mention(ana)], { mentions: false })).toBe('@ana');
  });

  it("writes times as date tokens with a UTC fallback", () => {
    const at = Date.UTC(2026, 11, 1, 9, 30);
    expect(toMrkdwn(rich`at ${localTime(at)}`)).toBe(`at <!date^${at / 1000}^{date_short_pretty} {time}|2026-12-01 09:30 UTC>`);
    // A stretch of time: its end as a time of day, each in the reader's zone; the fallback text is for plain places only.
    const until = at + 3_600_000;
    expect(toMrkdwn(rich`at ${localTime(at, { until, fallback: 'Tue 18:30–19:30 (Asia/Seoul)' })}`)).toBe(
      `at <!date^${at / 1000}^{date_short_pretty} {time}|2026-12-01 09:30 UTC>–<!date^${until / 1000}^{time}|2026-12-01 10:30 UTC>`,
    );
  });

  it('writes links with & escaped, and a label that cannot end or split the link', () => {
    expect(toMrkdwn([link('https://e.x/a?b=1&c=2')])).toBe('<https://e.x/a?b=1&amp;c=2>');
    expect(toMrkdwn([link('https://e.x/a b|c>d', 'Add | <here>')])).toBe('<https://e.x/a%20b%7Cc%3Ed|Add  &lt;here&gt;>');
  });

  it('never turns typed text into a link, mention or ping', () => {
    expect(toMrkdwn(['<https://evil|click> <@U0ANA> <!here> &amp;'])).toBe('&lt;https://evil|click&gt; &lt;@U0ANA&gt; &lt;!here&gt; &amp;amp;');
  });
});
