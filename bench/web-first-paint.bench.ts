/**
 * web-first-paint: how long a person waits for the big grid, in headless Chromium, on the
 * page issue #15 names: 14 days × 48 half-hour slots with 100 people who answered. Measured in
 * the browser from navigation start to the frame after the grid is built (median of 7 fresh
 * loads). Its baseline is issue #15's budget of 1 s, so the ratio is the share of the budget
 * used; the refusal page from the same server is reported beside it for scale.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { atMost, figure, median, type Bench } from './figure.js';
import { startWebPageDemo } from './web-page-fixture.js';

const BUDGET_MS = 1000;
const LOADS = 7;
const CHROMIUM = process.env['YAKJEONG_CHROMIUM'] ?? '/usr/bin/chromium';

/** Milliseconds from navigation start to the frame after `ready` appears, read in the page. */
async function paintedAt(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor();
  const ms = await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))');
  return Number(ms);
}

export const webFirstPaintBench: Bench = {
  name: 'web-first-paint',
  figures: ['web-first-paint'],
  async run(note) {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    const people = Array.from({ length: 100 }, (_, i) => `Person ${i + 1}`);
    const demo = await startWebPageDemo({ title: 'Two weeks of half hours', days: 14, hours: '00:00-24:00', slot: '30m', people, seed: 11 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const grid: number[] = [];
      const refusal: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        // A fresh context each time: nothing cached from the load before.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        grid.push(await paintedAt(page, demo.link(1, 'en'), 'td[data-slot="671"]'));
        refusal.push(await paintedAt(page, `${demo.link(1, 'en')}x`, 'p'));
        await context.close();
      }
      const value = median(grid);
      note(`grid of 672 cells, 100 people: median ${value.toFixed(0)} ms (loads: ${grid.map((x) => x.toFixed(0)).join(', ')}); static refusal page ${median(refusal).toFixed(0)} ms`);
      return [figure({ name: 'web-first-paint', value, unit: 'ms', baseline: BUDGET_MS, ratio: value / BUDGET_MS, target: atMost(1) })];
    } finally {
      await browser.close();
      await demo.close();
    }
  },
};
