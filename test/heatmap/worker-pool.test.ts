import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { RenderQueueFull, WorkerPoolHeatmapRenderer } from '../../src/infra/heatmap/worker-pool-renderer.js';
import { dateRange, poll, randomPeople, request, spec } from './fixtures.js';

const timePoll = poll(spec({ kind: 'time', days: { type: 'dates', dates: dateRange('2026-11-23', 3) }, window: { start: '18:00', end: '22:00' }, slotMinutes: 30 }));
const sample = request(timePoll, { participants: (layout) => randomPeople(layout, 12, 7) });

const pools: WorkerPoolHeatmapRenderer[] = [];
function pool(options: ConstructorParameters<typeof WorkerPoolHeatmapRenderer>[0]): WorkerPoolHeatmapRenderer {
  const made = new WorkerPoolHeatmapRenderer(options);
  pools.push(made);
  return made;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('WorkerPoolHeatmapRenderer', () => {
  it('draws the same picture as painting on the main thread', async () => {
    const fromPool = await pool({ workers: 1 }).render(sample);
    const direct = await new CanvasHeatmapRenderer().render(sample);
    expect(Buffer.from(fromPool).equals(Buffer.from(direct))).toBe(true);
  });

  it('says when it is busy and refuses work past its hard limit', async () => {
    const renderer = pool({ workers: 1, queueLimit: 3, hardLimit: 6 });
    const renders = Array.from({ length: 6 }, () => renderer.render(sample));
    expect(renderer.busy()).toBe(true);
    // Beyond the hard limit a render is refused at once, so waiting work stays bounded.
    await expect(renderer.render(sample)).rejects.toBeInstanceOf(RenderQueueFull);
    const pngs = await Promise.all(renders);
    expect(pngs.every((png) => png.length > 1000)).toBe(true);
    expect(renderer.busy()).toBe(false);
  });

  it('fails only the render that broke and keeps serving', async () => {
    const renderer = pool({ workers: 1 });
    const broken = { ...sample, layout: { days: sample.layout.days, slots: null } } as unknown as typeof sample;
    await expect(renderer.render(broken)).rejects.toThrow(/heatmap render failed/);
    expect((await renderer.render(sample)).length).toBeGreaterThan(1000);
  });

  // A storm of Results presses must not delay the event loop that acknowledges clicks.
  it.runIf(process.platform === 'linux')('renders on threads at the lowest CPU priority, leaving the event loop at its own', async () => {
    const niceOf = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const lowest = () => readdirSync('/proc/self/task').filter((task) => niceOf(task) === 19).length;
    const before = lowest();
    const own = niceOf(String(process.pid));
    await pool({ workers: 2 }).render(sample);
    // Each thread lowers itself as it starts; the second may still be starting.
    await expect.poll(() => lowest() - before, { timeout: 10_000 }).toBe(2);
    expect(niceOf(String(process.pid))).toBe(own);
  });
});
