import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { CAPS, createPoll, makeKit, plainAllText } from '../helpers.js';

describe('answer history', () => {
  it('says which answers were typed or painted on the big grid; button presses are the ordinary case', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'alice', 'Sources dates:2026-12-01..2026-12-02 time:18:00-20:00 slot:1h');
    await kit.engine.click(kit.actor('bob'), encodeAction({ verb: 'set', code, slot: 0, state: 'yes' }), CAPS);
    await kit.engine.runText(kit.actor('cy'), `/yakjeong answer ${code} 12/1 18:00-20:00`, CAPS);
    await kit.engine.paint(kit.actor('dee'), code, [{ slot: 2, state: 'maybe' }]);
    const history = plainAllText(await kit.engine.runText(kit.actor('alice'), `/yakjeong history ${code}`, CAPS));
    const line = (who: string) => history.split('\n').find((l) => l.includes(who)) ?? '';
    expect(line('bob')).not.toMatch(/typed|big grid/);
    expect(line('cy')).toContain('(typed)');
    expect(line('dee')).toContain('(on the big grid)');
  });
});
