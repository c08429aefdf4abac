/**
 * Issue #16 on the big grid: "Fill from my usual week" shows the filled answer as a preview that
 * is neither stored nor sent to other pages; Save stores it once through the engine (the
 * history says it came from the usual week), Cancel and Escape leave the answer as it was. The
 * usual week is set through the fake Slack with /yakjeong usual set, as a person would.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANA, BEN, blocksText, channelOf } from '../slack/support.js';
import { browserSuiteEnabled, launchBrowser, linkFromGrid, startWebHarness, waitFor, type WebHarness } from './support.js';

const enabled = browserSuiteEnabled();
/** The preview's screenshot, left outside the tree for a person to look at. */
const SHOT = join(tmpdir(), 'yakjeong-usual-week-preview.png');

let w: WebHarness;
let browser: Browser;

beforeAll(async () => {
  if (!enabled) return;
  w = await startWebHarness();
  browser = await launchBrowser();
  // Ana is usually free on weekday mornings from 09:00 to 10:00 (Seoul, her zone).
  await w.d.command('usual set mon-fri 09:00-10:00', { channel: w.d.freshChannel(), user: ANA }, 'usual-ana');
  expect(blocksText((await w.d.latestResponse('usual-ana')).body['blocks'])).toContain('Mon ✅ 09:00–10:00');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

/** A page whose waits fail within seconds, naming what they waited for, rather than at the test's timeout. */
async function newPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page> {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(5000);
  return page;
}

const classOf = (page: Page, slot: number) => page.locator(`td[data-slot="${slot}"]`).getAttribute('class');
const fillButton = (page: Page) => page.getByRole('button', { name: 'Fill from my usual week' });
const banner = (page: Page) => page.locator('.preview-banner');

async function storedStates(pollId: number, userId: string): Promise<string | undefined> {
  return (await w.h.store.participant(pollId, userId))?.states;
}

async function historyText(code: string, channel: { id: string; name: string }, id: string): Promise<string> {
  await w.d.command(`history ${code}`, { channel, user: ANA }, id);
  return blocksText((await w.d.latestResponse(id)).body['blocks']);
}

describe.skipIf(!enabled)('fill from my usual week on the big grid', () => {
  it('previews the fill unsaved and unseen by other pages, with painting off; Save stores it once, from the usual week', async () => {
    const { poll, channel } = await w.d.createPoll('Usual standup');
    // Her stored answer before the fill: Wednesday 10:00 if needed.
    await w.d.press(`y1:${poll.code}:set:3:m`, { channel, user: ANA, ephemeral: true });
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === '...m');

    const url = await linkFromGrid(w, poll.code, { channel, user: ANA });
    const page = await newPage({ viewport: { width: 1000, height: 760 } });
    await page.goto(url);
    // A second page of hers, following the poll live.
    const other = await newPage();
    await other.goto(url);
    await other.locator('.live[data-live="on"]').waitFor();

    await expect(fillButton(page).getAttribute('aria-disabled')).resolves.toBe('false');
    await expect(banner(page).isVisible()).resolves.toBe(false);
    await fillButton(page).click();
    await banner(page).waitFor();
    await expect(banner(page).textContent()).resolves.toContain('Preview — not saved');
    // Tuesday and Wednesday 09:00 come from the usual week; Wednesday 10:00 stays as stored.
    expect(await classOf(page, 0)).toBe('s-y preview');
    expect(await classOf(page, 2)).toBe('s-y preview');
    expect(await classOf(page, 1)).toBe('s-n');
    expect(await classOf(page, 3)).toBe('s-m');
    await expect(page.locator('td[data-slot="0"]').getAttribute('aria-label')).resolves.toMatch(/Dec 1.*09:00.*free \(preview, not saved\)/);
    await expect(page.locator('table.grid').getAttribute('aria-readonly')).resolves.toBe('true');
    // The keyboard lands on Save, which is described by the banner.
    await expect(page.evaluate('document.activeElement?.className')).resolves.toBe('preview-save');
    await expect(page.locator('.preview-save').getAttribute('aria-describedby')).resolves.toBe('preview-title preview-help');
    await page.screenshot({ path: SHOT, fullPage: true });

    // Not stored: the store, the state endpoint and the other page all still have the old answer.
    expect(await storedStates(poll.id, ANA.id)).toBe('...m');
    const state = (await (await fetch(`${url}/state`)).json()) as { mine: string };
    expect(state.mine).toBe('...m');
    // Painting is off during the preview: a click on a cell changes nothing.
    await page.locator('td[data-slot="1"]').click();
    expect(await classOf(page, 1)).toBe('s-n');
    // A chat button press meanwhile reaches both pages; the other page gets it without the preview.
    await w.d.press(`y1:${poll.code}:set:1:m`, { channel, user: ANA, ephemeral: true });
    await other.locator('td[data-slot="1"][class="s-m"]').waitFor();
    expect(await classOf(other, 0)).toBe('s-n');
    expect(await classOf(other, 2)).toBe('s-n');
    expect(await other.locator('.preview-banner').isVisible()).toBe(false);
    // The preview is worked out again over the new stored answer.
    await page.locator('td[data-slot="1"][class="s-m"]').waitFor();
    expect(await classOf(page, 0)).toBe('s-y preview');
    expect(await storedStates(poll.id, ANA.id)).toBe('.m.m');

    // Save, by keyboard (the click on a cell took the focus).
    await page.locator('.preview-save').focus();
    await page.keyboard.press('Enter');
    await banner(page).waitFor({ state: 'hidden' });
    await expect(page.locator('.fill-note').textContent()).resolves.toBe('Filled from your usual week and saved.');
    expect(await storedStates(poll.id, ANA.id)).toBe('ymym');
    expect(await classOf(page, 0)).toBe('s-y');
    await expect(page.evaluate('document.activeElement?.className')).resolves.toBe('fill');
    // The other page follows the stored answer.
    await other.locator('td[data-slot="0"][class="s-y"]').waitFor();

    await page.reload();
    expect(await classOf(page, 0)).toBe('s-y');
    expect(await classOf(page, 2)).toBe('s-y');
    expect(await classOf(page, 1)).toBe('s-m');

    // Nothing more to add: a second Fill says so, and stores nothing.
    await fillButton(page).click();
    await page.locator('.fill-note', { hasText: 'nothing to fill' }).waitFor();
    expect(await banner(page).isVisible()).toBe(false);

    // One save, from the usual week; the two button presses are the other entries.
    const history = await historyText(poll.code, channel, 'usual-history');
    expect(history.match(/\(from the usual week\)/g)).toHaveLength(1);
    expect(await w.h.store.history(poll.id, 10)).toHaveLength(3);
    const entries = await w.h.store.history(poll.id, 10);
    const fills = entries.filter((e) => e.reason?.kind === 'usual-week');
    expect(fills).toHaveLength(1);
    expect(fills[0]!.source).toBe('web');
    await page.close();
    await other.close();
  });

  it('Cancel and Escape leave the stored answer as it was, and painting works again after', async () => {
    const { poll, channel } = await w.d.createPoll('Usual lunch');
    const page = await newPage();
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: ANA }));

    await fillButton(page).click();
    await banner(page).waitFor();
    expect(await classOf(page, 0)).toBe('s-y preview');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await banner(page).waitFor({ state: 'hidden' });
    expect(await classOf(page, 0)).toBe('s-n');
    await expect(page.locator('.fill-note').textContent()).resolves.toContain('Preview cancelled');
    await expect(page.evaluate('document.activeElement?.className')).resolves.toBe('fill');

    await page.keyboard.press('Enter');
    await banner(page).waitFor();
    await page.keyboard.press('Escape');
    await banner(page).waitFor({ state: 'hidden' });
    expect(await classOf(page, 2)).toBe('s-n');

    // A stroke after Cancel is stored, and it is all that is: the preview never was.
    await page.locator('td[data-slot="1"]').click();
    await page.locator('.status[data-status="saved"]').waitFor();
    await waitFor(async () => (await storedStates(poll.id, ANA.id)) === '.y..');
    const entries = await w.h.store.history(poll.id, 10);
    expect(entries.map((e) => e.reason?.kind ?? e.source)).toEqual(['web']);
    await page.close();
  });

  it('is disabled, saying why, for a person with no usual week, and absent on a poll without times of day', async () => {
    const { poll, channel } = await w.d.createPoll('Ben has no usual week');
    const page = await newPage();
    const fills: Request[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/fill')) fills.push(r);
    });
    await page.goto(await linkFromGrid(w, poll.code, { channel, user: BEN }));
    await expect(fillButton(page).getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#fill-reason').textContent()).resolves.toContain('Your usual week is empty');
    await expect(page.locator('#fill-reason').isVisible()).resolves.toBe(true);
    // Pressed by mouse and by keyboard (it stays focusable, so its reason is read out).
    await fillButton(page).click({ force: true });
    await fillButton(page).focus();
    await page.keyboard.press('Enter');
    // The page answers a later request (a stroke) while the press sent none and showed nothing.
    await page.locator('td[data-slot="0"]').click();
    await page.locator('.status[data-status="saved"]').waitFor();
    await waitFor(async () => (await storedStates(poll.id, BEN.id)) === 'y...');
    expect(fills).toEqual([]);
    expect(await banner(page).isVisible()).toBe(false);
    await page.close();

    const tripChannel = w.d.freshChannel();
    await w.d.command('create Trip days kind:date dates:2026-12-01..2026-12-03', { channel: tripChannel });
    const trip = await waitFor(async () => (await w.h.store.listPolls(channelOf(undefined, tripChannel), ['open']))[0], 5000, 'the date poll');
    expect(trip.spec.kind).toBe('date');
    const datePage = await newPage();
    await datePage.goto(await linkFromGrid(w, trip.code, { channel: tripChannel, user: ANA }));
    await datePage.locator('td[data-slot="0"]').waitFor();
    await expect(datePage.locator('button.fill').isVisible()).resolves.toBe(false);
    await expect(datePage.locator('#fill-reason').isVisible()).resolves.toBe(false);
    await datePage.close();
  });
});
