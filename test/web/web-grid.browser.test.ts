/**
 * The big grid as people use it: opened from a private Slack grid, painted by mouse, touch and
 * keyboard in a real Chromium, saved through the engine, kept across a reload, shown live on a
 * second page and in the Slack poll message; bad links refused.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANA, BEN, blocksText, channelOf } from '../slack/support.js';
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

async function drag(page: Page, from: number, to: number): Promise<void> {
  const a = await centre(page, from);
  const b = await centre(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

const classOf = (page: Page, slot: number) => page.locator(`td[data-slot="${slot}"]`).getAttribute('class');
const saved = (page: Page) => page.locator('.status[data-status="saved"]').waitFor();

async function storedStates(pollId: number, userId: string): Promise<string> {
  return (await w.h.store.participant(pollId, userId))?.states ?? '';
}

describe.skipIf(!enabled)('the web grid in Chromium', () => {
  it('opens from the Slack grid, paints by dragging, keeps it across a reload, shows the group, and updates the Slack poll message', async () => {
    const { poll, channel } = await w.d.createPoll('Team dinner');
    const url = await linkFromGrid(w, poll.code, { channel, user: ANA });
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['set-cookie']).toBeUndefined();
    await expect(page.locator('h1').textContent()).resolves.toBe('Team dinner');

    // Two slots of the first day (09:00 and 10:00), one stroke.
    await drag(page, 0, 1);
    await saved(page);
    expect(await storedStates(poll.id, ANA.id)).toBe('yy..');

    await page.reload();
    expect(await classOf(page, 0)).toBe('s-y');
    expect(await classOf(page, 1)).toBe('s-y');
    expect(await classOf(page, 2)).toBe('s-n');
    // Its label names the date, the time and the state, for screen readers.
    await expect(page.locator('td[data-slot="0"]').getAttribute('aria-label')).resolves.toMatch(/Dec 1.*09:00.*free/);

    // Starting on a painted cell erases.
    await drag(page, 1, 1);
    await saved(page);
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === 'y...');

    await page.getByRole('button', { name: 'Group' }).click();
    await expect(page.locator('td[data-slot="0"]').getAttribute('aria-label')).resolves.toMatch(/Free 1/);
    await page.locator('td[data-slot="0"]').hover();
    await waitFor(async () => (await page.locator('.who').textContent())?.includes('Ana'), 5000, 'who is free at the cell pointed at');
    await expect(page.locator('.best li').first().textContent()).resolves.toMatch(/09:00/);

    // The channel message follows, through the adapter's coalesced refresh.
    const update = await waitFor(() =>
      w.h.fake.callsTo('chat.update').find((c) => c.args.channel === channel.id && blocksText(c.args.blocks).includes('1 person answered')),
    );
    expect(update).toBeTruthy();
    await page.close();
  });

  it('a second page sees the first page\'s strokes arrive live, and a button press in between is kept', async () => {
    const { poll, channel } = await w.d.createPoll('Live lunch');
    const anaPage = await browser.newPage();
    await anaPage.goto(await linkFromGrid(w, poll.code, { channel, user: ANA }));
    const benPage = await browser.newPage();
    await benPage.goto(await linkFromGrid(w, poll.code, { channel, user: BEN }));
    await benPage.getByRole('button', { name: 'Group' }).click();
    await benPage.locator('.live[data-live="on"]').waitFor();

    await drag(anaPage, 2, 3);
    await saved(anaPage);
    await waitFor(async () => (await benPage.locator('td[data-slot="3"]').getAttribute('aria-label'))?.includes('Free 1'), 8000, 'the live update');
    await benPage.locator('td[data-slot="3"]').hover();
    await waitFor(async () => (await benPage.locator('.who').textContent())?.includes('Ana'), 5000, 'who is free at the cell pointed at');

    // A chat button press for another slot, then another stroke: neither loses the other.
    await w.d.press(`y1:${poll.code}:set:0:y`, { channel, user: ANA, ephemeral: true });
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === 'y.yy');
    // The live update it brings keeps naming who is free at the cell still pointed at.
    await waitFor(async () => (await benPage.locator('td[data-slot="0"]').getAttribute('aria-label'))?.includes('Free 1'), 8000, 'the second live update');
    expect(await benPage.locator('.who').textContent()).toContain('Ana');
    await anaPage.locator('td[data-slot="0"][class="s-y"]').waitFor();
    await drag(anaPage, 1, 1);
    await saved(anaPage);
    expect(await storedStates(poll.id, ANA.id)).toBe('yyyy');
    expect(channelOf().platform).toBe('slack');
    await anaPage.close();
    await benPage.close();
  });

  it('paints by touch on a phone-sized screen, and keeps scrolling possible with paint mode off', async () => {
    const { poll, channel } = await w.d.createPoll('Phone poll');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: BEN }));
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(Number(width)).toBeLessThanOrEqual(360);
    await expect(page.locator('#paint-mode').isVisible()).resolves.toBe(true);

    const cdp = await context.newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ x: at.x, y: at.y }] : [] });
    const a = await centre(page, 0);
    const b = await centre(page, 2);
    await touch('touchStart', a);
    for (let i = 1; i <= 6; i++) await touch('touchMove', { x: a.x + ((b.x - a.x) * i) / 6, y: a.y + ((b.y - a.y) * i) / 6 });
    await touch('touchEnd');
    await saved(page);
    // Across the first row: 09:00 of both days.
    expect(await storedStates(poll.id, BEN.id)).toBe('y.y.');

    // Paint mode off: a drag no longer paints.
    await page.locator('#paint-mode').uncheck();
    const c = await centre(page, 1);
    await touch('touchStart', c);
    await touch('touchMove', { x: c.x, y: c.y - 30 });
    await touch('touchEnd');
    await page.waitForTimeout(300);
    expect(await storedStates(poll.id, BEN.id)).toBe('y.y.');
    await context.close();
  });

  it('paints with the keyboard: arrows move, space paints with the chosen brush', async () => {
    const { poll, channel } = await w.d.createPoll('Keyboard poll');
    const page = await browser.newPage();
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: ANA }));
    await page.getByRole('button', { name: /If needed/ }).click();
    await page.locator('td[data-slot="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await saved(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await saved(page);
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === '.m.m');
    await expect(page.locator('td[data-slot="3"]').getAttribute('aria-label')).resolves.toMatch(/if needed/);
    await page.close();
  });

  it('keeps one tab stop, the cell last clicked: Tab and the arrow keys go on from there', async () => {
    const { poll, channel } = await w.d.createPoll('Roving poll');
    const page = await browser.newPage();
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: ANA }));
    const tabStops = () => page.locator('td[tabindex="0"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-slot')));
    await expect(tabStops()).resolves.toEqual(['0']);
    // A click on the second day's 10:00 paints it and makes it the grid's one tab stop.
    await page.locator('td[data-slot="3"]').click();
    await saved(page);
    await expect(tabStops()).resolves.toEqual(['3']);
    // Shift+Tab leaves the grid (no other cell is a stop), Tab comes back to the clicked cell.
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate('document.activeElement?.getAttribute("data-slot") ?? null')).resolves.toBeNull();
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.getAttribute("data-slot")')).resolves.toBe('3');
    // The arrows go on from it: up to 09:00 of the same day, and space paints it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await saved(page);
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === '..yy');
    await expect(tabStops()).resolves.toEqual(['2']);
    await page.close();
  });

  it('goes read-only when the poll closes and editable again when it is reopened, while the page stays open', async () => {
    const { poll, channel } = await w.d.createPoll('Reopened poll');
    const page = await browser.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: BEN }));
    await page.locator('.live[data-live="on"]').waitFor();

    await w.d.command(`close ${poll.code}`, { channel, user: ANA });
    await page.locator('.status[data-status="closed"]').waitFor();
    await expect(page.locator('table.grid').getAttribute('aria-readonly')).resolves.toBe('true');
    await expect(page.locator('.brush-yes').isVisible()).resolves.toBe(false);

    await w.d.command(`reopen ${poll.code}`, { channel, user: ANA });
    await page.locator('.status[data-status="saved"]').waitFor();
    await expect(page.locator('table.grid').getAttribute('aria-readonly')).resolves.toBe('false');
    await expect(page.locator('.brush-yes').isVisible()).resolves.toBe(true);
    await drag(page, 0, 1);
    await waitFor(async () => (await storedStates(poll.id, BEN.id)) === 'yy..', 5000, 'the stroke after the reopen');
    await page.close();
  });

  it('offers the browser\'s zone when it differs, and choosing it sets the person\'s zone as /yakjeong tz does, dates line too', async () => {
    const { poll, channel } = await w.d.createPoll('Zone poll');
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: ANA }));
    await expect(page.locator('.zone').textContent()).resolves.toContain('Times in Asia/Seoul');
    const dates = page.locator('.top .dates');
    await expect(dates.textContent()).resolves.toMatch(/^Tue, Dec 1 – Wed, Dec 2 · /);
    await page.getByRole('button', { name: 'Use America/New_York' }).click();
    await page.locator('.zone', { hasText: 'Times in America/New_York' }).waitFor();
    // The dates line follows: 09:00–11:00 in Seoul on Dec 1 and 2 is the evening before in New York.
    await expect(dates.textContent()).resolves.toMatch(/^Mon, Nov 30 – Tue, Dec 1 · /);
    expect((await w.h.store.userPrefs('slack', ANA.id)).timezone).toBe('America/New_York');
    // 09:00 in Seoul is 19:00 the evening before in New York.
    await expect(page.locator('td[data-slot="0"]').getAttribute('aria-label')).resolves.toMatch(/Nov 30 19:00/);
    await w.h.store.setUserPrefs('slack', ANA.id, {}, w.h.clock.now());
    await context.close();
  });

  it('weekly polls: the row-header column fits its labels at desktop and phone widths, and a weekly date poll has none', async () => {
    const weekly = async (title: string, options: string) => {
      const channel = w.d.freshChannel();
      await w.d.command(`create ${title} ${options}`, { channel });
      const poll = await waitFor(async () => (await w.h.store.listPolls(channelOf(undefined, channel), ['open']))[0], 5000, 'the poll');
      return linkFromGrid(w, poll.code, { channel, user: ANA });
    };
    const times = await weekly('Weekly sync', 'dates:mon-fri time:09:00-12:00 slot:30m');
    const days = await weekly('Weekly day', 'dates:mon-sun');
    for (const viewport of [{ width: 1100, height: 800 }, { width: 360, height: 740 }]) {
      const page = await browser.newPage({ viewport });
      await page.goto(times);
      const header = page.locator('tbody th').first();
      const box = (await header.boundingBox())!;
      // As wide as "09:00" and its padding, not a share of the spare width; nothing cut off.
      const label = await header.evaluate((th) => {
        const range = th.ownerDocument.createRange();
        range.selectNodeContents(th);
        return range.getBoundingClientRect().width;
      });
      expect(box.width, `${viewport.width} px`).toBeLessThanOrEqual(label + 16);
      await expect(header.evaluate((th) => th.scrollWidth <= th.clientWidth)).resolves.toBe(true);
      // The corner above it lines up with it, and the days share the rest evenly.
      const corner = (await page.locator('thead th.corner').boundingBox())!;
      expect(Math.abs(corner.x - box.x) + Math.abs(corner.width - box.width), 'corner').toBeLessThanOrEqual(1);
      const widths = await page.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
      expect(Math.max(...widths) - Math.min(...widths), `day widths ${widths.join(' ')}`).toBeLessThanOrEqual(2);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(40);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(viewport.width);

      // One unnamed row of weekdays: no empty row-header column, the first day starts at the grid's edge.
      await page.goto(days);
      await expect(page.locator('tbody th').first().isVisible()).resolves.toBe(false);
      const grid = (await page.locator('table.grid').boundingBox())!;
      const monday = (await page.locator('td[data-slot="0"]').boundingBox())!;
      expect(monday.x - grid.x, 'first day at the edge').toBeLessThanOrEqual(1);
      await page.close();
    }
  });

  it('refuses tampered, expired and other polls\' links with a 403 that names nothing, and changes nothing', async () => {
    const { poll, channel } = await w.d.createPoll('Secret plans');
    const other = await w.d.createPoll('Other plans');
    const url = await linkFromGrid(w, poll.code, { channel, user: ANA });
    const token = url.split('/').at(-1)!;
    const claims = w.tokens.verify(token, w.h.clock.now())!;
    const expired = w.tokens.sign({ ...claims, expiresAt: w.h.clock.now() - 1 });
    const tampered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    const forged = w.tokens.sign({ ...claims, userId: 'U0MAL' }).replace(/\.[^.]+$/, `.${token.split('.')[1]}`);
    const refused = [
      `${w.base}/w/${poll.code}/${tampered}`,
      `${w.base}/w/${poll.code}/${expired}`,
      `${w.base}/w/${poll.code}/${forged}`,
      `${w.base}/w/${other.poll.code}/${token}`,
    ];
    for (const bad of refused) {
      const page = await fetch(bad);
      expect(page.status, bad).toBe(403);
      const body = await page.text();
      expect(body).not.toContain('Secret');
      expect(body).not.toContain(poll.code);
      const save = await fetch(`${bad}/paint`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ changes: [[0, 'y']] }) });
      expect(save.status).toBe(403);
    }
    expect(await w.h.store.participants(poll.id)).toEqual([]);
    expect(await w.h.store.participants(other.poll.id)).toEqual([]);
  });
});
