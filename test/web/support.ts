/**
 * The web grid end to end: the Slack harness (fake Slack, real Bolt, engine, SQLite) with the
 * page server on its HTTP server, and a real Chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebGrid, type WebGridServer } from '../../adapters/web/index.js';
import { LinkTokens } from '../../adapters/web/link-tokens.js';
import { SignedWebLinks } from '../../adapters/web/signed-web-links.js';
import { blocksText, driver, startHarness, waitFor, type Driver, type Harness, type Who } from '../slack/support.js';

export const CHROMIUM = process.env['YAKJEONG_CHROMIUM'] ?? '/usr/bin/chromium';
export const REQUIRE_BROWSER = process.env['YAKJEONG_REQUIRE_BROWSER'] === '1';
export const HAS_BROWSER = existsSync(CHROMIUM);
export const INSTALL_HINT = `Chromium not found at ${CHROMIUM}: browser tests skipped. Install it with "apt-get install -y chromium" (Debian), or point YAKJEONG_CHROMIUM at a Chromium binary.`;

/** Skips a browser suite when Chromium is missing (saying how to install it), unless CI requires it. */
export function browserSuiteEnabled(): boolean {
  if (HAS_BROWSER) return true;
  if (REQUIRE_BROWSER) return true; // the launch then fails, and the suite with it
  process.stderr.write(`${INSTALL_HINT}\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  // Flags from platform-notes.md: no sandbox, GPU or background traffic in a container. The
  // fresh profile is playwright's own (it refuses a --user-data-dir) and goes with the browser.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const TEST_SECRET = 'test-web-secret-of-at-least-32-characters';

export interface WebHarness {
  h: Harness;
  d: Driver;
  tokens: LinkTokens;
  links: SignedWebLinks;
  grid: WebGridServer;
  base: string;
  close(): Promise<void>;
}

export async function startWebHarness(options: { savesPerSecond?: number } = {}): Promise<WebHarness> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const tokens = new LinkTokens(TEST_SECRET);
  // The clock is the harness's fixed one; links made before it exists are never needed.
  let clock = { now: () => 0 };
  const links = new SignedWebLinks({ tokens, clock: { now: () => clock.now() }, publicUrl: base });
  const h = await startHarness({ mode: 'http', webLinks: links, port, refreshIntervalMs: 200 });
  clock = h.clock;
  const grid = await startWebGrid({
    engine: h.engine,
    clock: h.clock,
    tokens,
    http: h.http,
    refreshPoll: (poll) => void h.adapter.notifier.refreshPoll(poll),
    notify: async (poll, userId, view) => h.adapter.notifier.notify?.(poll, userId, view),
    defaultLocale: 'en',
    logger: pino({ level: 'silent' }),
    liveIntervalMs: 150,
    ...options,
  });
  return {
    h,
    d: driver(() => h, 'web'),
    tokens,
    links,
    grid,
    base,
    async close() {
      grid.stop();
      await h.close();
    },
  };
}

/** Presses Respond on the poll message as `who` and reads the link from the private grid Slack shows them. */
export async function linkFromGrid(w: WebHarness, code: string, who: Who): Promise<string> {
  const responseId = `grid-${code}-${who.user?.id ?? 'ana'}-${Math.random().toString(36).slice(2)}`;
  const res = await w.d.press(`y1:${code}:respond`, who, responseId);
  if (res.status !== 200) throw new Error(`respond answered ${res.status}`);
  const post = await w.d.latestResponse(responseId);
  const text = blocksText(post.body['blocks']);
  const match = /<(http:\/\/127\.0\.0\.1:\d+\/w\/[^|>]+)\|/.exec(text);
  if (!match) throw new Error(`no link in the grid: ${text}`);
  return match[1]!;
}

/** Where to point at a slot's cell on the page (its centre). */
export async function centre(page: Page, slot: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(`td[data-slot="${slot}"]`).boundingBox();
  if (!box) throw new Error(`slot ${slot} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export { waitFor };
