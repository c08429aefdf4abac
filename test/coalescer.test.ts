import { describe, expect, it } from 'vitest';
import { Coalescer } from '../adapters/shared/coalescer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Coalescer', () => {
  it('runs a burst once now and once more with the last state, never faster than the interval', async () => {
    const runs: number[] = [];
    let value = 0;
    const seen: number[] = [];
    const c = new Coalescer<string>(150, async () => {
      runs.push(Date.now());
      seen.push(value);
    }, () => {});
    for (let i = 1; i <= 5; i++) {
      value = i;
      c.request('poll');
      await sleep(20);
    }
    await sleep(400);
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(140);
    expect(seen.at(-1)).toBe(5);
  });

  it('waits out the interval even for a request right after a run finished', async () => {
    const runs: number[] = [];
    const c = new Coalescer<string>(200, async () => void runs.push(Date.now()), () => {});
    c.request('a');
    await sleep(30);
    c.request('a');
    await sleep(60);
    expect(runs).toHaveLength(1);
    await sleep(250);
    expect(runs).toHaveLength(2);
  });

  it('flush writes what is pending at once and survives a failing run', async () => {
    const keys: string[] = [];
    const errors: string[] = [];
    const c = new Coalescer<string>(10_000, async (k) => {
      keys.push(k);
      if (k === 'bad') throw new Error('boom');
    }, (k) => errors.push(k));
    c.request('a');
    c.request('bad');
    await sleep(10);
    c.request('a');
    await c.flush();
    expect(keys.sort()).toEqual(['a', 'a', 'bad']);
    expect(errors).toEqual(['bad']);
  });
});
