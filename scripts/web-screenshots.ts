/**
 * Screenshots of the web grid for the README: `npx tsx scripts/web-screenshots.ts [OUT_DIR]`
 * writes en/ko × desktop/phone, my answer and the group, into OUT_DIR (default /tmp/yakjeong-web-shots).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebPageDemo } from '../bench/web-page-fixture.js';

const out = process.argv[2] ?? '/tmp/yakjeong-web-shots';
mkdirSync(out, { recursive: true });
const people = ['Ana', 'Ben', '민지', 'Chris', '서연', 'Dana', '준호', 'Eli'];
const demo = await startWebPageDemo({ title: 'Team dinner', days: 5, hours: '17:00-22:00', slot: '30m', people });
const browser = await chromium.launch({
  executablePath: process.env['YAKJEONG_CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const locale of ['en', 'ko'] as const) {
    for (const [size, viewport, touch] of [
      ['desktop', { width: 1100, height: 860 }, false],
      ['phone', { width: 360, height: 780 }, true],
    ] as const) {
      const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch, deviceScaleFactor: touch ? 2 : 1, locale: locale === 'ko' ? 'ko-KR' : 'en-US', timezoneId: 'Asia/Seoul' });
      const page = await context.newPage();
      await page.goto(demo.link(1, locale));
      await page.locator('td[data-slot]').first().waitFor();
      await page.evaluate('document.fonts.ready');
      // Down to the grid and its legend: the best times below carry emoji this machine may lack fonts for.
      const shot = async (name: string, last: string) => {
        // Font subsets are fetched as characters first appear; give the last of them a moment.
        await page.waitForTimeout(400);
        await page.evaluate('document.fonts.ready');
        const box = await page.locator(last).boundingBox();
        const height = Math.min(box ? box.y + box.height + 12 : viewport.height, touch ? viewport.height : 2000);
        await page.screenshot({ path: join(out, `web-${locale}-${size}-${name}.png`), clip: { x: 0, y: 0, width: viewport.width, height } });
      };
      await shot('mine', '.scroller');
      await page.locator('button.tab').nth(1).click();
      await page.locator('td[data-slot="4"]').hover();
      await page.evaluate('document.fonts.ready');
      await shot('group', '.legend');
      await context.close();
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
process.stdout.write(`${out}\n`);
