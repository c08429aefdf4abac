import { describe, expect, it } from 'vitest';
import { AnswersFirst } from '../../adapters/shared/answers-first.js';

/** Resolves after `n` event-loop turns (each a check phase). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('answers first', () => {
  it('keeps a Results job back while an answer waits for its acknowledgement, and starts it right after', async () => {
    const lane = new AnswersFirst(() => 0);
    const started: string[] = [];
    const acknowledged = lane.arrived();
    const job = lane.whenAnswered(async () => started.push('results'));
    await turns(5);
    expect(started).toEqual([]);
    acknowledged();
    await job;
    expect(started).toEqual(['results']);
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

  it('starts a job that has waited 2 s even while answers keep arriving', async () => {
    let now = 0;
    const lane = new AnswersFirst(() => now);
    lane.arrived();
    let started = false;
    const job = lane.whenAnswered(async () => (started = true));
    await turns(3);
    expect(started).toBe(false);
    now = 2_000;
    // Another job queued wakes the lane, which finds the first one overdue.
    const next = lane.whenAnswered(async () => undefined);
    await job;
    expect(started).toBe(true);
    expect(await Promise.race([next.then(() => 'started'), turns(5).then(() => 'waiting')])).toBe('waiting');
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
