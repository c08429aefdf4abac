/** The runner: picks the benches named on the command line (all by default) and runs them one at a time. */
import { failedFigure, type Bench, type Figure } from './figure.js';
import { answerPathBench } from './answer-path.bench.js';
import { discordClicksBench } from './discord-clicks.bench.js';
import { heatmapBench } from './heatmap.bench.js';
import { loadHttpBench } from './load-http.bench.js';
import { rankingBench } from './ranking.bench.js';
import { resultsReplyBench } from './results-reply.bench.js';
import { resultsStormBench } from './results-storm.bench.js';
import { slackClicksBench } from './slack-clicks.bench.js';
import { startupBench } from './startup.bench.js';
import { webFirstPaintBench } from './web-first-paint.bench.js';

/** In order of running: the in-process figures first, the process-level ones after. */
const BENCHES: readonly Bench[] = [rankingBench, answerPathBench, heatmapBench, resultsReplyBench, slackClicksBench, discordClicksBench, resultsStormBench, loadHttpBench, startupBench, webFirstPaintBench];

/** Runs the chosen benches; resolves to the exit code (non-zero only when a bench crashed or a name is unknown). */
export async function runSuite(names: readonly string[]): Promise<number> {
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n || b.figures.includes(n)));
  if (unknown.length) {
    process.stderr.write(`unknown bench or figure: ${unknown.join(', ')}\nknown: ${BENCHES.map((b) => `${b.name} (${b.figures.join(', ')})`).join('; ')}\n`);
    return 2;
  }
  const chosen = names.length ? BENCHES.filter((b) => names.includes(b.name) || b.figures.some((f) => names.includes(f))) : BENCHES;
  const figures: Figure[] = [];
  let crashed = false;
  const started = performance.now();
  for (const bench of chosen) {
    const t0 = performance.now();
    let produced: Figure[];
    try {
      produced = await bench.run((line) => process.stderr.write(`  ${line}\n`));
    } catch (err) {
      crashed = true;
      process.stderr.write(`bench ${bench.name} crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      produced = bench.figures.map((name) => failedFigure(name));
    }
    // Figures a run did not ask for are measured anyway (they share the set-up) but not printed.
    const wanted = produced.filter((f) => !names.length || names.includes(bench.name) || names.includes(f.name));
    for (const f of wanted) process.stdout.write(`${JSON.stringify(f)}\n`);
    figures.push(...wanted);
    process.stderr.write(`  (${bench.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  process.stderr.write(`${table(figures)}\nwhole run: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return crashed ? 1 : 0;
}

function table(figures: readonly Figure[]): string {
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'target', ''],
    ...figures.map((f) => [
      f.name,
      f.value === null ? '—' : `${f.value} ${f.unit}`,
      f.baseline === null ? '—' : String(f.baseline),
      f.ratio === null ? '—' : String(f.ratio),
      f.value === null ? 'not measured' : (f.target ?? 'reported'),
      f.pass === null ? '' : f.pass ? 'ok' : 'MISS',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}
