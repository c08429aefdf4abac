/**
 * Writes the example heatmaps shown in the docs:
 *   docs/heatmap-time.png  a Korean time poll (5 dates, 09:00–18:00 in 30-minute slots)
 *   docs/heatmap-date.png  a Korean date poll across the end of November into December
 * Run `npm run docs:images` after changing the renderer, and look at them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CanvasHeatmapRenderer } from '../src/infra/heatmap/canvas-heatmap-renderer.js';
import { teamDinner, tripDates } from '../test/heatmap/scenarios.js';

async function main(): Promise<void> {
  const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
  mkdirSync(docs, { recursive: true });
  const renderer = new CanvasHeatmapRenderer();
  // The time example shows a poll everyone expected has answered, so the "everyone" accent appears;
  // the date example keeps one person missing, so it shows how that looks.
  const dinner = teamDinner();
  const answered = new Set(dinner.participants.map((p) => p.user.id));
  const time = { ...dinner, poll: { ...dinner.poll, spec: { ...dinner.poll.spec, expected: dinner.poll.spec.expected.filter((u) => answered.has(u.id)) } } };
  for (const [file, req] of [
    ['heatmap-time.png', time],
    ['heatmap-date.png', tripDates()],
  ] as const) {
    const png = await renderer.render(req);
    writeFileSync(join(docs, file), png);
    console.log(`wrote docs/${file} (${png.length} bytes)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
