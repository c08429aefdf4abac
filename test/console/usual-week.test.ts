/** The console, end to end: a usual week set and filled into a poll, and a picked meeting blocking another poll with a private Undo. */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { makeKit, T0, type TestKit } from '../helpers.js';
import { consoleAdapterOn } from '../support/console-on.js';

const kits: TestKit[] = [];
afterEach(() => {
  for (const k of kits.splice(0)) k.database.close();
});

interface Line {
  type: string;
  text: string;
  to: string | null;
  buttons: Array<{ n: number; label: string }>;
  image: string | null;
}

/** One console session fed a few lines at a time, so a test can press the buttons it was shown. */
async function session(kit: TestKit): Promise<(lines: readonly string[], as?: string) => Promise<Line[]>> {
  const input = new PassThrough();
  const { adapter, output } = consoleAdapterOn(kit, input, { json: true, outDir: '/tmp/yakjeong-usual-week-test' });
  await adapter.start();
  let seen = 0;
  // Each batch ends by switching to the user who goes on, whose "→ name" line says the batch is done.
  return async (lines, as = 'ann') => {
    input.write(`${[...lines, `as ${as}`].join('\n')}\n`);
    for (;;) {
      const all = output().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
      if (all.length > seen && all.at(-1)!.text === `→ ${as}`) {
        const batch = all.slice(seen, -1);
        seen = all.length;
        return batch;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
}

const TODAY = todayIn(T0, 'Asia/Seoul');
const MONDAY = addDays(TODAY, 7 - weekdayOf(TODAY));
const md = (date: string) => date.split('-').slice(1).map(Number).join('/');

/** The number of the newest button with this label. */
const button = (out: Line[], label: string) => out.flatMap((l) => l.buttons).filter((b) => b.label.includes(label)).at(-1)!.n;

describe('usual week in the console', () => {
  it('shows the week privately with a picture, and fills a grid after a preview', async () => {
    const kit = makeKit();
    kits.push(kit);
    const run = await session(kit);
    const first = await run([
      `/yakjeong create Study dates:${md(MONDAY)} time:18:00-22:00 slot:1h`,
      'as ann',
      '/yakjeong usual set mon-fri 19:00-22:00',
      '/yakjeong usual',
      'click 1',
    ]);
    const shown = first.find((l) => l.text.includes('Your usual week ·'))!;
    expect(shown).toMatchObject({ to: 'ann' });
    expect(shown.text).toContain('Mon ✅ 19:00–22:00');
    expect(shown.image).toMatch(/yakjeong-usual-week.*\.png$/);
    const more = await run([`click ${button(first, 'usual week')}`]);
    expect(more.at(-1)!.text).toContain('Not saved');
    const saved = await run([`click ${button(more, 'Save')}`, '/yakjeong results']);
    expect(saved.at(-1)!.text).toContain('19:00–22:00');
    expect(saved.at(-1)!.text).toContain('Free: ann');
  });

  it('a picked meeting makes the same time unavailable in another poll, and Undo gives it back', async () => {
    const kit = makeKit();
    kits.push(kit);
    const run = await session(kit);
    const out = await run([
      `/yakjeong create Standup dates:${md(MONDAY)} time:09:00-11:00 slot:1h`,
      `/yakjeong create Review dates:${md(MONDAY)} time:09:00-11:00 slot:1h`,
      'as ann',
      '/yakjeong list',
    ]);
    const codes = [...out.at(-1)!.text.matchAll(/\b([A-Z0-9]{4,6}) · /g)].map((m) => m[1]!);
    const [review, standup] = codes;
    await run([
      `/yakjeong answer ${standup} ${md(MONDAY)} 09:00-11:00`,
      `/yakjeong answer ${review} ${md(MONDAY)} 09:00-11:00`,
    ], 'me');
    const picked = await run([`/yakjeong pick ${standup} ${md(MONDAY)} 10:00`], 'me');
    const notice = picked.find((l) => l.text.includes('was picked at a time you were free'))!;
    expect(notice.to).toBe('ann');
    expect(notice.text).toContain(`“Review” (${review})`);
    const refused = await run([`click ${button(picked, 'Undo')}`], 'ann');
    expect(refused.at(-1)!.text).toContain("on ann's private message");
    const undone = await run([`click ${button(picked, 'Undo')}`, `/yakjeong history ${review}`]);
    expect(undone.find((l) => l.text.includes('Gave back'))).toBeDefined();
    expect(undone.at(-1)!.text).toContain(`(undone: another meeting, ${standup})`);
  });
});
