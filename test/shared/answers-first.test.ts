import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswersFirst } from '../../adapters/shared/answers-first.js';

/** Resolves after `n` event-loop turns (each a check phase). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('answers first', () => {
  describe('around answers', () => {
    // Only the timers are faked: the lane's turns stay real setImmediate turns.
    afterEach(() => vi.useRealTimers());

    it('keeps a Results job back while an answer waits for its acknowledgement, and starts it once answers have been calm for 50 ms', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let now = 0;
      const lane = new AnswersFirst(() => now);
      const started: string[] = [];
      const acknowledged = lane.arrived();
      const job = lane.whenAnswered(async () => started.push('results'));
      await turns(5);
      expect(started).toEqual([]);
      now = 10;
      acknowledged();
      await turns(5);
      expect(started).toEqual([]);
      // Another answer in the lull: the burst is not over.
      now = 40;
      lane.arrived()();
      now = 89;
      vi.advanceTimersByTime(49);
      await turns(5);
      expect(started).toEqual([]);
      now = 90;
      vi.advanceTimersByTime(1);
      await job;
      expect(started).toEqual(['results']);
    });
  });

  it('starts waiting jobs in order, each in an event-loop turn of its own, so the I/O of each turn is read between them', async () => {
    const lane = new AnswersFirst(() => 0);
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const startedAt: Array<[string, number]> = [];
    const jobs = ['a', 'b', 'c'].map((name) => lane.whenAnswered(async () => startedAt.push([name, turn])));
    await Promise.all(jobs);
    ticking = false;
    expect(startedAt.map(([name]) => name)).toEqual(['a', 'b', 'c']);
    const turns = startedAt.map(([, at]) => at);
    expect(new Set(turns).size).toBe(3);
  });

  describe('with an answer never acknowledged', () => {
    // Only the 2 s timer is faked: the lane's turns stay real setImmediate turns.
    afterEach(() => vi.useRealTimers());

    it('starts a job on its own once it has waited 2 s', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let now = 0;
      const lane = new AnswersFirst(() => now);
      lane.arrived();
      let started = false;
      const job = lane.whenAnswered(async () => (started = true));
      await turns(3);
      expect(started).toBe(false);
      now = 1_999;
      vi.advanceTimersByTime(1_999);
      await turns(3);
      expect(started).toBe(false);
      now = 2_000;
      vi.advanceTimersByTime(1);
      await job;
      expect(started).toBe(true);
    });

    it('counts a later step of the same request from the request, not from the step', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let now = 0;
      const lane = new AnswersFirst(() => now);
      lane.arrived();
      now = 1_500;
      let started = false;
      const step = lane.whenAnswered(async () => (started = true), 0);
      await turns(3);
      expect(started).toBe(false);
      // 500 ms after the step was queued, 2 s after its request.
      now = 2_000;
      vi.advanceTimersByTime(500);
      await step;
      expect(started).toBe(true);
    });

    it('still starts one job a turn when the timer and a wake-up meet', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let now = 0;
      const lane = new AnswersFirst(() => now);
      lane.arrived();
      let turn = 0;
      let ticking = true;
      const tick = () => {
        turn++;
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      const startedAt: number[] = [];
      const jobs = [0, 1, 2].map(() => lane.whenAnswered(async () => startedAt.push(turn)));
      await turns(2);
      now = 2_000;
      // The timer fires while another wake-up is already queued.
      lane.whenAnswered(async () => undefined).catch(() => undefined);
      vi.advanceTimersByTime(2_000);
      await Promise.all(jobs);
      ticking = false;
      expect(new Set(startedAt).size).toBe(3);
    });
  });

  it('passes on a job\'s failure to its caller and goes on with the next', async () => {
    const lane = new AnswersFirst(() => 0);
    const failing = lane.whenAnswered(async () => {
      throw new Error('render failed');
    });
    const next = lane.whenAnswered(async () => 'drawn');
    await expect(failing).rejects.toThrow('render failed');
    expect(await next).toBe('drawn');
  });
});
