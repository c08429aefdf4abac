/**
 * Answers first: work that only reads (a Results press ranking and drawing a whole poll) starts
 * only while no request that may carry an answer is between its arrival and its acknowledgement,
 * one job an event-loop turn, so the requests that arrived meanwhile are read first. Sixty people pressing
 * Results at once then no longer hold up the hundred answers that arrived with them, whose
 * acknowledgement Slack times at 3 s. A job waits at most MAX_WAIT_MS: clicks that never stop
 * must not keep a results reply back for good.
 */
const MAX_WAIT_MS = 2_000;

interface Waiting {
  start: () => void;
  since: number;
}

export class AnswersFirst {
  private answering = 0;
  private readonly waiting: Waiting[] = [];
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number) {}

  /** A request that may carry an answer has arrived; call the result once it is acknowledged (or has failed). */
  arrived(): () => void {
    this.answering++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.answering--;
      this.schedule();
    };
  }

  /**
   * Runs `job` once no answer is waiting for its acknowledgement, or MAX_WAIT_MS after `since`
   * (now by default; one request's later steps pass its arrival, so they share one bound).
   */
  whenAnswered<T>(job: () => Promise<T>, since = this.now()): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ start: () => void Promise.resolve().then(job).then(resolve, reject), since });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.startOne());
  }

  private startOne(): void {
    this.scheduled = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const first = this.waiting[0];
    if (!first) return;
    const overdue = this.now() - first.since >= MAX_WAIT_MS;
    if (this.answering > 0 && !overdue) {
      // Woken by the last answer's acknowledgement, or by the oldest job's deadline.
      // Through schedule(), so a wake-up already queued is not doubled (one job a turn).
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, MAX_WAIT_MS - (this.now() - first.since));
      this.timer.unref();
      return;
    }
    this.waiting.shift()!.start();
    this.schedule();
  }
}
