/**
 * Live pages: while anyone has a poll's page open, its version is read every interval (one
 * read per poll, however many pages), and each page whose version is behind is sent the new
 * state. Whatever changed the poll (a button in the chat, typed text, another tab, another
 * instance), the read sees it.
 */
import type { Logger } from '../../src/logger.js';
import type { PollVersions } from './poll-versions.js';

/** One open page: told the new version when it falls behind. */
type Push = (version: string | undefined) => Promise<void>;

interface Watcher {
  push: Push;
  seen: string | undefined;
}

interface Watched {
  watchers: Set<Watcher>;
  timer: NodeJS.Timeout;
  busy: boolean;
}

export class LiveUpdates {
  private readonly polls = new Map<number, Watched>();

  constructor(
    private readonly versions: PollVersions,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Follows a poll for one page that has seen `version`; returns the unsubscribe. */
  follow(pollId: number, version: string, push: Push): () => void {
    let watched = this.polls.get(pollId);
    if (!watched) {
      const created: Watched = { watchers: new Set(), busy: false, timer: setInterval(() => void this.check(pollId, created), this.intervalMs) };
      created.timer.unref();
      this.polls.set(pollId, created);
      watched = created;
    }
    const watcher: Watcher = { push, seen: version };
    watched.watchers.add(watcher);
    return () => {
      const w = this.polls.get(pollId);
      if (!w) return;
      w.watchers.delete(watcher);
      if (w.watchers.size === 0) {
        clearInterval(w.timer);
        this.polls.delete(pollId);
      }
    };
  }

  stop(): void {
    for (const w of this.polls.values()) clearInterval(w.timer);
    this.polls.clear();
  }

  private async check(pollId: number, watched: Watched): Promise<void> {
    // A slow read never piles up behind itself.
    if (watched.busy) return;
    watched.busy = true;
    try {
      const version = await this.versions.version(pollId);
      for (const watcher of [...watched.watchers]) {
        if (watcher.seen === version) continue;
        watcher.seen = version;
        await watcher.push(version).catch((err: unknown) => this.logger.warn({ err, pollId }, 'could not update a live page'));
      }
    } catch (err) {
      this.logger.warn({ err, pollId }, 'could not read the poll version');
    } finally {
      watched.busy = false;
    }
  }
}
