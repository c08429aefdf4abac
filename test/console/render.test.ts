/** Views as terminal text: no markup, people named, times in the reader's zone. */
import { describe, expect, it } from 'vitest';
import { viewText } from '../../adapters/console/render.js';
import { bold, code, italic, link, localTime, mention, rich } from '../../src/core/views/rich.js';
import type { View } from '../../src/core/views/reply.js';

describe('console rendering', () => {
  it('drops the marks of spans, keeps what people typed exactly, and writes times with the given clock', () => {
    const at = Date.UTC(2026, 11, 1, 9, 0);
    const view: View = {
      role: 'notice',
      fallback: 'x',
      blocks: [
        { type: 'header', text: '📅 *Dinner* · AB12' },
        { type: 'text', text: rich`${bold('Best')} ${italic('so far')}: ${code('/yakjeong list')} *typed* _too_` },
        { type: 'fields', fields: [{ label: 'Deadline', value: [localTime(at)] }] },
        { type: 'context', text: rich`${mention({ id: 'U1', name: 'ann' })} ⟦u:U2|eve⟧\n${link('https://e.x/a')} ${link('https://e.x/b', 'Add')}` },
      ],
      buttons: [],
    };
    expect(viewText(view, (ms) => `T${ms}`)).toBe(
      [
        '━━ 📅 *Dinner* · AB12 ━━',
        'Best so far: /yakjeong list *typed* _too_',
        `  Deadline: T${at}`,
        '  @ann ⟦u:U2|eve⟧',
        '  https://e.x/a Add (https://e.x/b)',
      ].join('\n'),
    );
  });
});
