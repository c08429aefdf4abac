/**
 * Answers first: work that only reads (a Results press ranking and drawing a whole poll) starts
 * only once no request that may carry an answer is between its arrival and its acknowledgement
 * and none has arrived for CALM_MS, one job an event-loop turn, so the requests that arrived
 * meanwhile are read first. Answers come in bursts (a channel answering together, connections
 * accepted a few at a time), and a job started in a lull inside a burst holds up the rest of it;
 * sixty people pressing Results at once no longer hold up the hundred answers around them, whose
 * acknowledgement Slack times at 3 s. A job waits at most MAX_WAIT_MS: clicks that never stop
 * must not keep a results reply back for good.
 */
const MAX_WAIT_MS = 2_000;
const CALM_MS = 50;

interface Waiting {
  start: () => void;
  since: number;
}

export class AnswersFirst {
  private answering = 0;
  private lastArrival = Number.NEGATIVE_INFINITY;
  private readonly waiting: Waiting[] = [];
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number) {}

  /** A request that may carry an answer has arrived; call the result once it is acknowledged (or has failed). */
  arrived(): () => void {
    this.answering++;
    this.lastArrival = this.now();
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
    const now = this.now();
    const dueIn = MAX_WAIT_MS - (now - first.since);
    const calmIn = CALM_MS - (now - this.lastArrival);
    if (dueIn > 0 && (this.answering > 0 || calmIn > 0)) {
      // Woken by the last answer's acknowledgement, at the end of the lull, or at the oldest job's deadline.
      const wait = this.answering > 0 ? dueIn : Math.min(calmIn, dueIn);
      // Through schedule(), so a wake-up already queued is not doubled (one job a turn).
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
      // Not unref'd: a press already acknowledged keeps the process up until its work has started (2 s at most).
      return;
    }
    this.waiting.shift()!.start();
    this.schedule();
  }
}
