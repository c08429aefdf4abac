/**
 * Rectangle painting on the big grid, as on when2meet and Crab Fit: one drag paints every cell
 * between the cell pressed and the cell under the pointer (days × times), previewed live and
 * shrinking back with the pointer, saved as one stroke; a fast move skips nothing, and the grid
 * scrolls by itself under a pointer held at its edge. The "done when": a 14-day,
 * 30-minute poll answered in one drag.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANA, BEN, channelOf } from '../slack/support.js';
import { browserSuiteEnabled, centre, launchBrowser, linkFromGrid, startWebHarness, waitFor, type WebHarness } from './support.js';

const enabled = browserSuiteEnabled();

let w: WebHarness;
let browser: Browser;

beforeAll(async () => {
  if (!enabled) return;
  w = await startWebHarness();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

async function storedStates(pollId: number, userId: string): Promise<string> {
  return (await w.h.store.participant(pollId, userId))?.states ?? '';
}

/** Slots painted "yes" on the page, in order. */
async function paintedSlots(page: Page): Promise<number[]> {
  const slots = await page.locator('td[data-slot].s-y').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-slot'))));
  return slots.sort((a, b) => a - b);
}

/** Counts the page's saves. */
function countSaves(page: Page): { count: number } {
  const saves = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/paint')) saves.count++;
  });
  return saves;
}

const DAYS = 14;
/** 08:00–20:00 by 30 minutes. */
const ROWS = 24;
const slotAt = (day: number, row: number) => day * ROWS + row;

describe.skipIf(!enabled)('rectangle painting on the big grid', () => {
  it('answers a 14-day, 30-minute poll in one drag from the first slot to the last: previewed live, one save, kept after a reload', async () => {
    const channel = w.d.freshChannel();
    await w.d.command('create Sprint planning dates:2026-12-01..2026-12-14 time:08:00-20:00 slot:30m', { channel });
    const poll = await waitFor(async () => (await w.h.store.listPolls(channelOf(undefined, channel), ['open']))[0], 5000, 'the poll');
    const total = DAYS * ROWS;
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.setDefaultTimeout(5000);
    const saves = countSaves(page);
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: ANA }));
    await expect(page.locator('td[data-slot]').count()).resolves.toBe(total);

    const last = total - 1;
    const scroller = page.locator('.scroller');
    const box = (await scroller.boundingBox())!;
    // The last row is below the scroller's fold: the drag has to scroll the grid to reach it.
    expect(await page.locator(`td[data-slot="${last}"]`).evaluate((td, bottom) => td.getBoundingClientRect().top > bottom, box.y + box.height)).toBe(true);

    const first = await centre(page, 0);
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    // One jump to the scroller's bottom edge (no intermediate moves): the grid scrolls by itself to its end.
    await page.mouse.move(first.x + 40, box.y + box.height - 4);
    await waitFor(() => scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1), 5000, 'the grid scrolled to its end');
    // Then straight to the last cell, again in one jump.
    const end = await centre(page, last);
    await page.mouse.move(end.x, end.y);
    // Every cell is previewed before the pointer is released, and nothing is saved yet.
    await waitFor(async () => (await paintedSlots(page)).length === total, 3000, 'the whole grid previewed');
    expect(saves.count).toBe(0);

    // Back to day 7 at 18:00: the rectangle shrinks to days 1–7 × 08:00–18:00.
    const middle = await centre(page, slotAt(6, 20));
    await page.mouse.move(middle.x, middle.y);
    const shrunk = await paintedSlots(page);
    expect(shrunk).toHaveLength(7 * 21);
    expect(shrunk).toContain(slotAt(6, 20));
    expect(shrunk).not.toContain(slotAt(6, 21));
    expect(shrunk).not.toContain(slotAt(7, 0));

    // Out again to the last cell and release: one stroke, one save, every slot.
    const again = await centre(page, last);
    await page.mouse.move(again.x, again.y);
    await page.mouse.up();
    await page.locator('.status[data-status="saved"]').waitFor();
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === 'y'.repeat(total), 5000, 'every slot stored');
    expect(saves.count).toBe(1);

    await page.reload();
    expect(await paintedSlots(page)).toHaveLength(total);

    // Starting on a painted cell erases the rectangle: days 1–2 × 08:00–08:30.
    const a = await centre(page, slotAt(0, 0));
    const b = await centre(page, slotAt(1, 1));
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y);
    await page.mouse.up();
    await page.locator('.status[data-status="saved"]').waitFor();
    const erased = [slotAt(0, 0), slotAt(0, 1), slotAt(1, 0), slotAt(1, 1)];
    const expected = [...'y'.repeat(total)].map((c, i) => (erased.includes(i) ? '.' : c)).join('');
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === expected, 5000, 'the rectangle erased');
    await page.close();
  });

  it('scrolls only for a pointer at the edge: a stroke in the first row in view of a scrolled grid stays put', async () => {
    const channel = w.d.freshChannel();
    await w.d.command('create Scrolled dates:2026-12-01..2026-12-14 time:08:00-20:00 slot:30m', { channel });
    const poll = await waitFor(async () => (await w.h.store.listPolls(channelOf(undefined, channel), ['open']))[0], 5000, 'the poll');
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.setDefaultTimeout(5000);
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: BEN }));
    const scroller = page.locator('.scroller');
    await scroller.evaluate((el) => el.scrollBy(0, 200));
    const top = await scroller.evaluate((el) => el.scrollTop);
    // The first row fully in view below the sticky header: day 1, then day 2 in the same row.
    const row = await page.locator('tbody tr').evaluateAll((trs) => {
      // The header's cells are the sticky ones: the bottom of one is where the rows in view begin.
      const head = trs[0]!.closest('table')!.tHead!.rows[0]!.cells[1]!.getBoundingClientRect().bottom;
      return trs.findIndex((tr) => tr.getBoundingClientRect().top >= head);
    });
    const a = await centre(page, slotAt(0, row));
    const b = await centre(page, slotAt(1, row));
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.waitForTimeout(300);
    await page.mouse.up();
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(top);
    await waitFor(async () => {
      const states = await storedStates(poll.id, BEN.id);
      return states[slotAt(0, row)] === 'y' && states[slotAt(1, row)] === 'y' && states.replace(/\./g, '').length === 2;
    }, 5000, 'the two cells stored');
    expect(row).toBeGreaterThan(0);
    await page.close();
  });

  it('paints the rectangle by touch in paint mode, on a phone-sized screen', async () => {
    const { poll, channel } = await w.d.createPoll('Phone rectangle');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: BEN }));
    const cdp = await context.newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ x: at.x, y: at.y }] : [] });
    // From the first day's 09:00 straight to the second day's 10:00: all four cells, not the diagonal.
    const a = await centre(page, 0);
    const b = await centre(page, 3);
    await touch('touchStart', a);
    await touch('touchMove', b);
    await touch('touchEnd');
    await page.locator('.status[data-status="saved"]').waitFor();
    await waitFor(async () => (await storedStates(poll.id, BEN.id)) === 'yyyy', 5000, 'the touched rectangle stored');
    await context.close();
  });
});
