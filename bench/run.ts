/** `npm run bench`: prints the heatmap bench. Not a test: it reports, it does not fail the build. */
import { benchHeatmap } from './heatmap.bench.js';

async function main(): Promise<void> {
  const r = await benchHeatmap();
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`heatmap: 7 dates × 48 slots, 50 people, ${r.pixelWidth}×${r.pixelHeight} px, ${r.runs} runs`);
  console.log(`  render (layout + paint + PNG)  median ${ms(r.renderMedianMs)}`);
  console.log(`  blank canvas PNG encode        median ${ms(r.blankEncodeMedianMs)}`);
  console.log(`  ratio ${r.ratio.toFixed(2)}×  (target ≤ ${r.target}×)  ${r.ratio <= r.target ? 'OK' : 'OVER TARGET'}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
