import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswersFirst } from '../../adapters/shared/answers-first.js';

/** Resolves after `n` event-loop turns (each a check phase). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Counts event-loop turns until stopped, so a test can tell which turn something happened in. */
function turnCounter(): { now(): number; stop(): void } {
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (ticking = false) };
}

/**
 * A lane on a manual clock whose timers are faked with it: `at(ms)` moves both. Only the timers are
 * faked; the lane's turns stay real setImmediate turns.
 */
function laneOnClock(): { lane: AnswersFirst; at(ms: number): void } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let now = 0;
  return {
    lane: new AnswersFirst(() => now),
    at(ms) {
      const step = ms - now;
      now = ms;
      vi.advanceTimersByTime(step);
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('answers first', () => {
  it('keeps a Results job back while an answer waits for its acknowledgement, and starts it once answers have been calm for 50 ms', async () => {
    const { lane, at } = laneOnClock();
    const started: string[] = [];
    const acknowledged = lane.arrived();
    const job = lane.whenAnswered(async () => started.push('results'));
    await turns(5);
    expect(started).toEqual([]);
    at(10);
    acknowledged();
    await turns(5);
    expect(started).toEqual([]);
    // Another answer in the lull: the burst is not over.
    at(40);
    lane.arrived()();
    await turns(1);
    at(89);
    await turns(5);
    expect(started).toEqual([]);
    at(90);
    await job;
    expect(started).toEqual(['results']);
  });

  it('starts waiting jobs in order, each in an event-loop turn of its own, so the I/O of each turn is read between them', async () => {
    const lane = new AnswersFirst(() => 0);
    const turn = turnCounter();
    const startedAt: Array<[string, number]> = [];
    const jobs = ['a', 'b', 'c'].map((name) => lane.whenAnswered(async () => startedAt.push([name, turn.now()])));
    await Promise.all(jobs);
    turn.stop();
    expect(startedAt.map(([name]) => name)).toEqual(['a', 'b', 'c']);
    expect(new Set(startedAt.map(([, t]) => t)).size).toBe(3);
  });

  describe('with an answer never acknowledged', () => {
    it('starts a job on its own once it has waited 2 s', async () => {
      const { lane, at } = laneOnClock();
      lane.arrived();
      let started = false;
      const job = lane.whenAnswered(async () => (started = true));
      await turns(3);
      at(1_999);
      await turns(3);
      expect(started).toBe(false);
      at(2_000);
      await job;
      expect(started).toBe(true);
    });

    it('counts a later step of the same request from the request, not from the step', async () => {
      const { lane, at } = laneOnClock();
      lane.arrived();
      at(1_500);
      let started = false;
      const step = lane.whenAnswered(async () => (started = true), 0);
      await turns(3);
      expect(started).toBe(false);
      // 500 ms after the step was queued, 2 s after its request.
      at(2_000);
      await step;
      expect(started).toBe(true);
    });

    it('still starts one job a turn when the timer and a wake-up meet', async () => {
      const { lane, at } = laneOnClock();
      lane.arrived();
      const turn = turnCounter();
      const startedAt: number[] = [];
      const jobs = [0, 1, 2].map(() => lane.whenAnswered(async () => startedAt.push(turn.now())));
      await turns(2);
      // The timer fires while another wake-up is already queued.
      lane.whenAnswered(async () => undefined).catch(() => undefined);
      at(2_000);
      await Promise.all(jobs);
      turn.stop();
      expect(new Set(startedAt).size).toBe(3);
    });
  });

  it("passes on a job's failure to its caller and goes on with the next", async () => {
    const lane = new AnswersFirst(() => 0);
    const failing = lane.whenAnswered(async () => {
      throw new Error('render failed');
    });
    const next = lane.whenAnswered(async () => 'drawn');
    await expect(failing).rejects.toThrow('render failed');
    expect(await next).toBe('drawn');
  });
});
