/** An option nobody is free for, only "if needed": listed with its number, and said plainly. */
import { describe, expect, it } from 'vitest';
import { allText, CAPS, createPoll, makeKit } from '../helpers.js';

describe('results with an option where nobody is fully free', () => {
  it('says so after the count, and only there', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Games dates:12/1,12/2 time:18:00-20:00 slot:1h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 18:00-19:00 maybe:12/2 19:00-20:00', CAPS);
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer maybe:12/2 19:00-20:00', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('host'), '/yakjeong results', CAPS));
    // The first option has someone free; the second only "if needed".
    expect(text).toMatch(/^\*1\. Tue, Dec 1 18:00–19:00\* — 1\/2$/m);
    expect(text).toMatch(/^\*2\. Wed, Dec 2 19:00–20:00\* — 0\/2 · nobody is free for all of it, only if needed$/m);
    expect(text.match(/nobody is free/g)).toHaveLength(1);
  });

  it('says so in Korean too', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '보드게임 dates:12/1 time:18:00-20:00 slot:1h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer maybe:12/1 18:00-19:00', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('host'), '/yakjeong results', CAPS));
    expect(text).toMatch(/— 0\/1 · 온전히 가능한 사람은 없고, 필요하면 가능한 사람만 있어요$/m);
  });
});
