/**
 * Stored polls hold values the formatter cannot show (written here straight into a real SQLite
 * file): a deadline past what a date can hold, dates at the ends of the calendar, huge counts, a
 * title far past the cap. Every view of the channel still answers, with a readable placeholder
 * where a value cannot be shown, and the polls that read fine are shown as always.
 */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { isUserError } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/views/reply.js';
import { viewText } from '../../adapters/console/render.js';
import { renderView } from '../../adapters/discord/render.js';
import { renderMessage } from '../../adapters/slack/blocks.js';
import { formatInstant } from '../../src/core/views/format.js';
import { allText, CAPS, createPoll, kitsOnFiles, type TestKit } from '../helpers.js';

const kitOnFile = kitsOnFiles('extremes');

/** Rewrites part of a stored spec in place, as another program or an old version might have. */
function storeSpec(kit: TestKit, code: string, change: (spec: Record<string, unknown>) => void, column?: Record<string, number>): void {
  const row = kit.database.sqlite.prepare('select spec from polls where code = ?').get(code) as { spec: string };
  const spec = JSON.parse(row.spec) as Record<string, unknown>;
  change(spec);
  kit.database.sqlite.prepare('update polls set spec = ? where code = ?').run(JSON.stringify(spec), code);
  for (const [name, value] of Object.entries(column ?? {})) kit.database.sqlite.prepare(`update polls set ${name} = ? where code = ?`).run(value, code);
}

interface Extreme {
  create: string;
  change: (spec: Record<string, unknown>) => void;
  column?: Record<string, number>;
  /** What the channel's list says about it. */
  listed?: string;
}

const EXTREMES: Record<string, Extreme> = {
  'a deadline past the last date': {
    create: 'Far kind:date dates:12/1-12/3 deadline:24h',
    change: (s) => (s.deadline = 8_700_000_000_000_000),
    column: { deadline: 8_700_000_000_000_000 },
    listed: 'Far · 1 answered · Deadline (date unknown)',
  },
  'a deadline in year 10000': { create: 'Later kind:date dates:12/1-12/3 deadline:24h', change: (s) => (s.deadline = Date.UTC(10_000, 0, 1)), listed: 'Later · 1 answered · Deadline (date unknown)' },
  'a deadline before the first date': { create: 'Early kind:date dates:12/1-12/3', change: (s) => (s.deadline = -8_700_000_000_000_000), listed: 'Early · 0 answered · Deadline (date unknown)' },
  'dates at the ends of the calendar': { create: 'Ends kind:date dates:12/1-12/2', change: (s) => (s.days = { type: 'dates', dates: ['0000-01-01', '9999-12-31'] }) },
  'a time poll in year 9999': { create: 'Late dates:12/1 time:9-12', change: (s) => (s.days = { type: 'dates', dates: ['9999-12-31'] }) },
  'huge counts': {
    create: 'Huge kind:date dates:12/1-12/3 deadline:24h remind:1h',
    change: (s) => {
      s.maxParticipants = Number.MAX_SAFE_INTEGER;
      s.durationSlots = Number.MAX_SAFE_INTEGER;
      s.remindMinutes = [Number.MAX_SAFE_INTEGER];
      s.remindersFrom = Number.MAX_SAFE_INTEGER;
    },
  },
  'a title far past the cap': { create: 'Long kind:date dates:12/1-12/3', change: (s) => (s.title = 'x'.repeat(50_000)), listed: 'xxxxxxxx' },
};

/** Replies of a step, or none when it was refused with a coded error (a long-past deadline closes a poll). */
async function step(replies: Promise<Reply[]>): Promise<Reply[]> {
  return replies.catch((err: unknown) => {
    if (!isUserError(err)) throw err;
    return [];
  });
}

async function everyView(kit: TestKit, code: string): Promise<Reply[]> {
  const ann = kit.actor('ann');
  const host = kit.actor('host');
  const all: Reply[] = [];
  // An answer first, so the results draw a heatmap of the poll.
  await step(kit.engine.click(ann, encodeAction({ verb: 'set', code, slot: 0, state: 'yes' }), CAPS));
  for (const text of ['/yakjeong list', `/yakjeong results ${code}`, `/yakjeong answer ${code}`, `/yakjeong history ${code}`, '/yakjeong help']) {
    all.push(...(await step(kit.engine.runText(ann, text, CAPS))));
  }
  all.push(...(await step(kit.engine.click(ann, encodeAction({ verb: 'results', code }), CAPS))));
  all.push(...(await step(kit.engine.click(ann, encodeAction({ verb: 'respond', code }), CAPS))));
  all.push(...(await step(kit.engine.runText(host, `/yakjeong close ${code}`, CAPS))));
  all.push(...(await step(kit.engine.runText(host, `/yakjeong reopen ${code} deadline:24h`, CAPS))));
  return all;
}

describe('stored values a view cannot show', () => {
  it.each(Object.entries(EXTREMES))('%s: list, results, grid, history and help still answer', async (_, extreme) => {
    const kit = kitOnFile();
    const healthy = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    const code = await createPoll(kit, 'host', extreme.create);
    storeSpec(kit, code, extreme.change, extreme.column);
    const replies = await everyView(kit, code);
    const text = allText(replies);
    expect(text).not.toContain('something went wrong');
    expect(text).toContain(`${healthy} · Dinner · 0 answered`);
    expect(text).toContain(`${code} · ${extreme.listed ?? ''}`);
    // Results came with the heatmap; the poll could be closed and reopened.
    const images = replies.flatMap((r) => (r.type === 'post' && r.view.image ? [r.view.image] : []));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect((await image.render()).byteLength).toBeGreaterThan(100);
    expect(text).toContain('Best times · ');
    expect(text).toContain('reopened');
    // Each platform renders what came back.
    for (const reply of replies) {
      if (reply.type !== 'post' && reply.type !== 'replace') continue;
      viewText(reply.view, (ms) => formatInstant(ms, 'Asia/Seoul', 'en'));
      renderView(reply.view);
      renderMessage(reply.view);
    }
  });
});

describe('an unreadable poll beside one with extreme values', () => {
  it('the list names both, and results of the readable one still work', async () => {
    const kit = kitOnFile();
    const code = await createPoll(kit, 'host', 'Far kind:date dates:12/1-12/3 deadline:24h');
    storeSpec(kit, code, (s) => (s.deadline = 8_700_000_000_000_000));
    const broken = await createPoll(kit, 'host', 'Broken kind:date dates:12/1-12/3');
    storeSpec(kit, broken, (s) => (s.days = { type: 'dates', dates: ['2026-02-30'] }));
    const ann = kit.actor('ann');
    const list = allText(await kit.engine.runText(ann, '/yakjeong list', CAPS));
    expect(list).toContain(`${code} · Far · 0 answered · Deadline (date unknown)`);
    expect(list).toContain(`${broken} · this poll could not be read`);
    const results = allText(await kit.engine.runText(ann, `/yakjeong results ${code}`, CAPS));
    expect(results).toContain('Best times · Far');
    const ko = allText(await kit.engine.runText(kit.actor('민지', { locale: 'ko' }), '/yakjeong list', CAPS));
    expect(ko).toContain('(알 수 없는 날짜)');
  });
});
