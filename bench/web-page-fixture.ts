/**
 * A web grid page to measure or photograph: the real engine on a scratch SQLite file with the
 * bench's fixed clock, a time poll answered by seeded people, and the page server on loopback.
 */
import pino from 'pino';
import { LinkTokens } from '../adapters/web/link-tokens.js';
import { SignedWebLinks } from '../adapters/web/signed-web-links.js';
import { startWebGrid, type WebGridServer } from '../adapters/web/index.js';
import type { Actor } from '../src/core/engine.js';
import type { Locale } from '../src/core/domain/types.js';
import { HttpServer } from '../src/infra/http/http-server.js';
import { BENCH_CAPS, BENCH_ZONE, benchDate, benchKit, randomInt, scratchDatabase, seededRandom, seedAnswers } from './fixture.js';

export interface WebPageDemo {
  /** A private link for a person who answered (or a newcomer when `index` is past them). */
  link(index: number, locale: Locale): string;
  close(): Promise<void>;
}

export interface WebPageDemoOptions {
  title: string;
  days: number;
  /** create's time: and slot: options. */
  hours: string;
  slot: string;
  people: readonly string[];
  seed?: number;
}

export async function startWebPageDemo(options: WebPageDemoOptions): Promise<WebPageDemo> {
  const scratch = scratchDatabase('web');
  const tokens = new LinkTokens('bench-web-secret-of-at-least-32-characters');
  let links: SignedWebLinks | undefined;
  const kit = benchKit(scratch.database, options.seed ?? 7, (clock) => (links = new SignedWebLinks({ tokens, clock })));
  const { store, engine, clock } = kit;
  if (!links) throw new Error('the kit made no links');
  const webLinks = links;
  const channel = { platform: 'console' as const, workspaceId: 'bench', channelId: 'web' };
  const actor = (i: number, locale: Locale): Actor => ({ channel, user: { id: `u${i}`, name: options.people[i] ?? `Guest ${i}` }, isAdmin: false, locale, platformTimezone: BENCH_ZONE });
  const created = await engine.runText(
    actor(0, 'en'),
    `/yakjeong create ${options.title} dates:${benchDate(7)}..${benchDate(6 + options.days)} time:${options.hours} slot:${options.slot} duration:1h`,
    BENCH_CAPS,
  );
  const first = created[0];
  const poll = await store.findPollByCode(first?.type === 'post' ? (first.view.pollCode ?? '') : '');
  if (!poll) throw new Error('no poll was created');
  const slotCount = engine.queries.layout(poll).slots.length;
  const random = seededRandom(options.seed ?? 7);
  // Each person free for a few stretches, some of them "if needed".
  await seedAnswers(
    kit,
    options.people.map((_, i) => {
      const states = new Array<string>(slotCount).fill('.');
      for (let run = 0; run < 6; run++) {
        const start = randomInt(random, slotCount);
        const length = 2 + randomInt(random, 8);
        const c = random() < 0.25 ? 'm' : 'y';
        for (let s = start; s < Math.min(slotCount, start + length); s++) states[s] = c;
      }
      return { pollId: poll.id, user: { id: `u${i}`, name: options.people[i]! }, states: states.join(''), slotCount };
    }),
  );

  const http = new HttpServer(pino({ level: 'silent' }));
  const grid: WebGridServer = await startWebGrid({ engine, clock, tokens, http, refreshPoll: () => undefined, defaultLocale: 'en', logger: pino({ level: 'silent' }) });
  const port = await http.listen(0, '127.0.0.1');
  webLinks.setLocalBase(`http://127.0.0.1:${port}`);
  return {
    link: (index, locale) => webLinks.linkFor(actor(index, locale), poll)!,
    async close() {
      grid.stop();
      await http.close();
      scratch.dispose();
    },
  };
}
