/** Request keys (replay refusal), decided once for every dialect. */
import { ReplayedRequest } from '../../core/errors.js';
import type { RequestKey } from '../../core/ports.js';

/** Expired keys are deleted on one claim in this many, so the table stays small without a job of its own. */
const PURGE_EVERY = 100;

/** Counts claims, and says when to purge. */
export class PurgeSchedule {
  private claims = 0;

  due(): boolean {
    return ++this.claims % PURGE_EVERY === 0;
  }
}

/** Within a write's transaction: the key was there already, so the transaction is abandoned and nothing changes. */
export function refuseReplay(key: RequestKey, claimed: boolean): void {
  if (!claimed) throw new ReplayedRequest(key.key);
}
