/**
 * results-reply: the whole results reply a channel gets (ranking, text and the heatmap PNG) for a
 * 1,000-person poll over 14 days of quarter hours, against a blank PNG encode of that reply's
 * pixel size. The engine stays up between runs, as a running bot's does.
 */
import { atMost, figure, median, timed, type Bench } from './figure.js';
import { BENCH_CAPS, benchKit, scratchDatabase } from './fixture.js';
import { blankEncode } from './heatmap.bench.js';
import { seedRankingPoll } from './ranking.bench.js';

const RUNS = 7;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export const resultsReplyBench: Bench = {
  name: 'results-reply',
  figures: ['results-reply'],
  async run(note) {
    const scratch = scratchDatabase('results');
    try {
      const kit = benchKit(scratch.database);
      const { poll, creator } = await seedRankingPoll(kit);
      const reply = async () => {
        const replies = await kit.engine.runText(creator, `/yakjeong results ${poll.code}`, BENCH_CAPS);
        const image = replies.flatMap((r) => (r.type === 'post' && r.view.image ? [r.view.image] : []))[0];
        if (!image) throw new Error('the results reply has no heatmap');
        return image.render();
      };
      const { width, height } = pngSize(await reply());
      const ours: number[] = [];
      const blank: number[] = [];
      for (let run = -1; run < RUNS; run++) {
        const r = await timed(reply);
        const b = await timed(() => blankEncode(width, height));
        if (run < 0) continue;
        ours.push(r);
        blank.push(b);
      }
      note(`results-reply: ${width}×${height} px, ${RUNS} runs`);
      const value = median(ours);
      const baseline = median(blank);
      return [figure({ name: 'results-reply', value, unit: 'ms', baseline, ratio: value / baseline, target: atMost(2) })];
    } finally {
      scratch.dispose();
    }
  },
};
