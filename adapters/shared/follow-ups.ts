/**
 * Pictures that follow their message (ImageSpec.followsUp): the text went out at once and the
 * picture is drawn and shared on its own, after. Each runs apart from the interaction or the
 * scheduled send that started it; a failure is logged (the text already reached people), and
 * stop() waits for what is still running.
 */
import type { Logger } from '../../src/logger.js';

export class FollowUps {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` on its own; never throws, to the caller or anyone. */
  start(work: () => Promise<void>, context: Record<string, unknown>): void {
    const run: Promise<void> = Promise.resolve()
      .then(work)
      .catch((err: unknown) => this.logger.warn({ ...context, err }, 'could not send a picture after its message'))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves once every follow-up started so far (and any they started) has ended. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
