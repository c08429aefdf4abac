/**
 * A poll's version: it changes whenever anything the page shows changes (answers, spec, status,
 * pick). Live updates compare versions. Once polls carry a stored `version` bumped on every
 * change, an implementation that reads it replaces the derived one below.
 */
import { createHash } from 'node:crypto';
import type { Engine } from '../../src/core/engine.js';

export interface PollVersions {
  /** The poll's current version, or undefined when it is gone. */
  version(pollId: number): Promise<string | undefined>;
}

/**
 * Derived from the stored data itself: a digest of the poll row and every answer. Content,
 * not timestamps, so two changes within one millisecond (or under a stopped test clock) still
 * differ. Cheap at page sizes: a hundred answers of a few hundred slots hash in microseconds.
 */
export class DerivedPollVersions implements PollVersions {
  constructor(private readonly queries: Pick<Engine['queries'], 'getPoll'> & { participants: Engine['queries']['participants'] }) {}

  async version(pollId: number): Promise<string | undefined> {
    const poll = await this.queries.getPoll(pollId);
    if (!poll || poll.status === 'deleted') return undefined;
    const hash = createHash('sha1');
    hash.update(JSON.stringify([poll.status, poll.closedAt ?? null, poll.picked ?? null, poll.spec]));
    for (const p of await this.queries.participants(poll)) hash.update(`\n${p.user.id}\t${p.user.name}\t${p.states}`);
    return hash.digest('base64url').slice(0, 16);
  }
}
