/**
 * The web grid, wired: the signing secret, the links core puts in views, and the page server
 * on the shared HTTP server (its bundle rebuilt first when a source is newer).
 */
import type { Engine } from '../../src/core/engine.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import type { Clock, SharedRecords } from '../../src/core/ports.js';
import type { View } from '../../src/core/views/reply.js';
import type { HttpServer } from '../../src/infra/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { ensureBundle } from './bundle.js';
import { LinkTokens } from './link-tokens.js';
import { StoredPollVersions, type PollVersions } from './poll-versions.js';
import { SignedWebLinks, webSecret } from './signed-web-links.js';
import { WebGridServer } from './web-grid-server.js';

export { SignedWebLinks } from './signed-web-links.js';
export { WebGridServer } from './web-grid-server.js';

export interface WebLinkSetup {
  links: SignedWebLinks;
  tokens: LinkTokens;
}

/** The links, before the engine exists (the engine puts them in views). */
export async function createWebLinks(options: { secret?: string; publicUrl?: string; records: SharedRecords; clock: Clock }): Promise<WebLinkSetup> {
  const tokens = new LinkTokens(await webSecret(options.secret, options.records, options.clock));
  const links = new SignedWebLinks({ tokens, clock: options.clock, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  return { links, tokens };
}

export interface WebGridOptions {
  engine: Engine;
  clock: Clock;
  tokens: LinkTokens;
  http: HttpServer;
  refreshPoll: (poll: Poll) => void;
  /** Delivers a save's note for one person on the poll's platform (the creator's "everyone answered"). */
  notify?: (poll: Poll, userId: string, view: View) => Promise<void>;
  defaultLocale: Locale;
  logger: Logger;
  versions?: PollVersions;
  liveIntervalMs?: number;
  /** Saves (and zone changes) allowed per person per second (default 10). */
  savesPerSecond?: number;
}

/** Builds the bundle if stale and mounts the page's routes. */
export async function startWebGrid(options: WebGridOptions): Promise<WebGridServer> {
  if (await ensureBundle()) options.logger.info('web grid bundle rebuilt');
  const server = new WebGridServer({
    engine: options.engine,
    clock: options.clock,
    tokens: options.tokens,
    versions: options.versions ?? new StoredPollVersions(options.engine.queries),
    refreshPoll: options.refreshPoll,
    ...(options.notify ? { notify: options.notify } : {}),
    defaultLocale: options.defaultLocale,
    logger: options.logger,
    ...(options.liveIntervalMs ? { liveIntervalMs: options.liveIntervalMs } : {}),
    ...(options.savesPerSecond ? { savesPerSecond: options.savesPerSecond } : {}),
  });
  server.mount(options.http);
  return server;
}
