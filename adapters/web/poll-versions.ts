/**
 * A poll's version: it changes whenever anything the page shows changes (answers, spec, status,
 * pick). Live updates compare versions. The store raises `Poll.version` in the same transaction
 * as every such change, so every instance sees the same number.
 */
import type { Engine } from '../../src/core/engine.js';

export interface PollVersions {
  /** The poll's current version, or undefined when it is gone. */
  version(pollId: number): Promise<string | undefined>;
}

export class StoredPollVersions implements PollVersions {
  constructor(private readonly queries: Pick<Engine['queries'], 'getPoll'>) {}

  async version(pollId: number): Promise<string | undefined> {
    const poll = await this.queries.getPoll(pollId);
    return !poll || poll.status === 'deleted' ? undefined : String(poll.version);
  }
}
