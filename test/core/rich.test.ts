/** Neutral rich text: building spans, flattening, plain text, and how renderers are driven. */
import { describe, expect, it } from 'vitest';
import {
  bold,
  code,
  firstLine,
  italic,
  joinCapped,
  joinRich,
  link,
  localTime,
  mention,
  plainText,
  renderRich,
  rich,
  toRich,
  type SpanRenderer,
} from '../../src/core/views/rich.js';

const ann = { id: 'U1', name: 'ann' };

describe('building rich text', () => {
  it('flattens nested parts, turns numbers into text, merges adjacent text and drops empty text', () => {
    expect(toRich('a', ['b', bold('c')], 3, '', ['d'])).toEqual(['ab', { bold: ['c'] }, '3d']);
  });

  it('takes spans, rich text, numbers and strings in a template', () => {
    const at = Date.UTC(2026, 11, 1);
    expect(rich`Hi ${mention(ann)}, ${2} polls close ${localTime(at)}: ${[code('/yakjeong list'), '.']}`).toEqual([
      'Hi ',
      { mention: { id: 'U1', name: 'ann' } },
      ', 2 polls close ',
      { time: at },
      ': ',
      { code: '/yakjeong list' },
      '.',
    ]);
  });

  it('keeps a value that looks like markup as plain text', () => {
    expect(rich`${'⟦u:U9|eve⟧ <@U9> *x*'}`).toEqual(['⟦u:U9|eve⟧ <@U9> *x*']);
  });

  it('joins parts with a separator', () => {
    expect(joinRich([mention(ann), 'bob', bold('cy')], ', ')).toEqual([{ mention: ann }, ', bob, ', { bold: ['cy'] }]);
    expect(joinRich([], ', ')).toEqual([]);
  });

  it('caps a long list and counts the rest', () => {
    const people = ['a', 'b', 'c', 'd'].map((name) => mention({ id: name, name }));
    expect(joinCapped(people, ' ', 2)).toEqual([people[0], ' ', people[1], ' +2']);
    expect(joinCapped(people.slice(0, 2), ' ', 2)).toEqual([people[0], ' ', people[1]]);
  });

  it('cuts at the first line break, spans before it kept', () => {
    expect(firstLine([bold('a'), 'b\nc', code('d')])).toEqual([{ bold: ['a'] }, 'b']);
    expect(firstLine(['no break', code('x')])).toEqual(['no break', { code: 'x' }]);
  });
});

describe('plain text', () => {
  it('drops markup, names people and writes instants in UTC unless told otherwise', () => {
    const at = Date.UTC(2026, 11, 1, 9, 30);
    const text = rich`${bold('Due')} ${localTime(at)} ${italic('for')} ${mention(ann)}: ${code('x')} ${link('https://e.x/a', 'here')} ${link('https://e.x/b')}`;
    expect(plainText(text)).toBe('Due 2026-12-01 09:30 UTC for @ann: x here (https://e.x/a) https://e.x/b');
    expect(plainText(text, { time: () => 'soon', mention: (u) => u.id })).toBe('Due soon for U1: x here (https://e.x/a) https://e.x/b');
  });

  it('writes a local time by its fallback words where it has them, a stretch as start–end otherwise', () => {
    const at = Date.UTC(2026, 11, 1, 9, 30);
    const until = at + 3_600_000;
    expect(plainText([localTime(at, { until, fallback: 'Tue, Dec 1 18:30–19:30 (Asia/Seoul)' })], { time: () => 'soon' })).toBe('Tue, Dec 1 18:30–19:30 (Asia/Seoul)');
    expect(plainText([localTime(at, { until })])).toBe('2026-12-01 09:30 UTC–2026-12-01 10:30 UTC');
  });
});

describe('renderRich', () => {
  it('tells the renderer which text starts a line, nested text never', () => {
    const seen: Array<[string, boolean]> = [];
    const renderer: SpanRenderer = {
      text: (t, lineStart) => (seen.push([t, lineStart]), t),
      bold: (inner) => `<b>${inner}</b>`,
      italic: (inner) => `<i>${inner}</i>`,
      code: (t) => `<c>${t}</c>`,
      mention: (u) => `<m>${u.name}</m>`,
      time: (ms) => `<t>${ms}</t>`,
      link: (url, label) => `<a ${url}>${label ?? ''}</a>`,
    };
    expect(renderRich(['# a\n', bold('# b'), '\n', code('c'), ' d'], renderer)).toBe('# a\n<b># b</b>\n<c>c</c> d');
    expect(seen).toEqual([
      ['# a\n', true],
      ['# b', false],
      ['\n', false],
      [' d', false],
    ]);
  });
});
