import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HeatmapRequest } from '../../src/core/ports.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { buildGridModel } from '../../src/infra/heatmap/grid-model.js';
import {
  computeHeatmapLayout,
  MAX_PIXEL_WIDTH,
  PIXEL_RATIO,
  type HeatmapLayout,
  type Rect,
} from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { answer, dateRange, poll, randomPeople, request, spec, user } from './fixtures.js';
import { SCENARIOS, dstSpringForward, extreme, overlayView, teamDinner, tripDates, weeklyStudy } from './scenarios.js';

function inside(r: Rect, l: HeatmapLayout): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.w <= l.width && r.y + r.h <= l.height;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function texts(l: HeatmapLayout): string[] {
  return l.texts.map((t) => t.text);
}

/** Every slot placed once, inside the image, no two cells on top of each other. */
function expectSoundCells(req: HeatmapRequest, l: HeatmapLayout): void {
  expect(l.cells).toHaveLength(req.layout.slots.length);
  // Array.from visits holes too (map skips them): a slot the layout dropped fails here, by number.
  const rects = Array.from(l.cells, (c, i) => {
    expect(c, `slot ${i} has a cell`).toBeDefined();
    expect(c!.slot).toBe(i);
    expect(inside(c!.rect, l)).toBe(true);
    return c!.rect;
  });
  // A time poll's day reads top to bottom in time: each slot below the one before it.
  if (req.poll.spec.kind === 'time') {
    for (const day of req.layout.days) {
      for (let i = day.first + 1; i < day.first + day.count; i++) expect(rects[i]!.y, `slot ${i} below slot ${i - 1}`).toBeGreaterThan(rects[i - 1]!.y);
    }
  }
  const all = [...rects, ...l.missing, ...l.offDays];
  const sorted = [...all].sort((a, b) => a.y - b.y || a.x - b.x);
  // Cells are laid out in rows and columns: compare neighbours in reading order only.
  for (let i = 1; i < sorted.length; i++) expect(overlaps(sorted[i - 1]!, sorted[i]!)).toBe(false);
}

describe('computeHeatmapLayout', () => {
  it.each(Object.entries(SCENARIOS))('places every slot of the %s scenario', (_name, make) => {
    const req = make();
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
    expect(l.scale).toBe(PIXEL_RATIO);
    expect(l.pixelWidth).toBe(l.width * 2);
    expect(l.pixelWidth).toBeLessThanOrEqual(MAX_PIXEL_WIDTH);
  });

  it('draws time polls as dates across and slots down, with hour labels in the request zone', () => {
    const req = teamDinner();
    const l = computeHeatmapLayout(req);
    const day0 = req.layout.days[0]!;
    const a = l.cells[day0.first]!.rect;
    const b = l.cells[day0.first + 1]!.rect;
    const nextDay = l.cells[req.layout.days[1]!.first]!.rect;
    expect(b.x).toBe(a.x);
    expect(b.y).toBe(a.y + a.h);
    expect(nextDay.y).toBe(a.y);
    expect(nextDay.x).toBe(a.x + a.w);
    expect(texts(l)).toEqual(expect.arrayContaining(['09:00', '10:00', '17:00', '18:00', '화', '12/1', '토', '12/5']));
    // Half hours have no label of their own.
    expect(texts(l)).not.toContain('09:30');
  });

  it('relabels rows and columns in the viewer zone for an overlay', () => {
    const l = computeHeatmapLayout(overlayView());
    // 09:00 in Seoul is 19:00 the day before in New York; the Seoul afternoon runs past midnight.
    expect(texts(l)).toEqual(expect.arrayContaining(['19:00', '00:00 +1', '04:00 +1', 'Mon', 'Nov 30']));
    expect(texts(l)).not.toContain('09:00');
  });

  it('leaves the hour that does not exist on a spring-forward day as "not offered"', () => {
    const req = dstSpringForward();
    const l = computeHeatmapLayout(req);
    const counts = req.layout.days.map((d) => d.count);
    expect(counts).toEqual([10, 10, 8, 10]);
    expect(l.missing).toHaveLength(2);
    const sunday = l.cells[req.layout.days[2]!.first]!.rect;
    for (const hole of l.missing) expect(hole.x).toBe(sunday.x);
    expect(texts(l)).toContain('Not offered');
  });

  it('gives each slot of an hour the viewer\'s clock shows twice its own cell, in order', () => {
    // Seoul's afternoon of Nov 1 is New York's night when its clock goes back: 01:00 comes twice.
    const s = spec({ kind: 'time', days: { type: 'dates', dates: dateRange('2026-10-31', 3) }, window: { start: '09:00', end: '18:00' }, slotMinutes: 30 });
    const req = request(poll(s), { timezone: 'America/New_York', participants: (layout) => randomPeople(layout, 6, 5) });
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
    const night = req.layout.days[1]!;
    const ys = req.layout.slots.slice(night.first, night.first + night.count).map((x) => l.cells[x.index]!.rect.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(night.count);
    expect(texts(l).filter((t) => t === '01:00 +1')).toHaveLength(2);
    // The other nights have no second 01:00: "not offered" there.
    expect(l.missing.filter((m) => m.x !== l.cells[night.first]!.rect.x).length).toBeGreaterThanOrEqual(4);
  });

  it('runs a 24-hour day that is 25 hours on the viewer\'s clock to its real end', () => {
    // Seoul's Mar 8 is 07:00 on Saturday to 08:00 on Sunday in Los Angeles, across its spring-forward;
    // its Mar 9 runs from 08:00 to 08:00, so its last hour is the next morning's 07:00, not this one's.
    const s = spec({ kind: 'time', days: { type: 'dates', dates: ['2026-03-08', '2026-03-09'] }, window: { start: '00:00', end: '00:00' }, slotMinutes: 60 });
    const req = request(poll(s), { timezone: 'America/Los_Angeles' });
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
    const top = Math.min(...l.cells.map((c) => c!.rect.y));
    expect(l.cells[req.layout.days[0]!.first]!.rect.y).toBe(top);
    expect(l.cells[req.layout.slots.length - 1]!.rect.y).toBeGreaterThan(l.cells[req.layout.days[1]!.first]!.rect.y);
    expect(texts(l)).toEqual(expect.arrayContaining(['07:00', '07:00 +1', '08:00 +1']));
  });

  it('starts a day that begins an hour early, across the viewer\'s clock change, in the same rows as the others', () => {
    // Denver's days run 00:00–24:00; Phoenix keeps no summer time, so from Mar 8 they start at 23:00 the evening before.
    const s = spec({ kind: 'time', timezone: 'America/Denver', days: { type: 'dates', dates: dateRange('2026-03-04', 6) }, window: { start: '00:00', end: '00:00' }, slotMinutes: 60 });
    const req = request(poll(s), { timezone: 'America/Phoenix' });
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
    const rows = new Set(l.cells.map((c) => c!.rect.y));
    expect(rows.size).toBe(25);
    expect(texts(l)).toEqual(expect.arrayContaining(['23:00 -1', '00:00', '23:00', '24:00', 'Mar 4', 'Mar 9']));
  });

  it('keeps a day that starts inside the hour the viewer\'s clock repeats in time order', () => {
    // Seoul's Nov 1 afternoon starts at 01:30 EDT in New York, then 01:00 and 01:30 come again as EST.
    const s = spec({ kind: 'time', days: { type: 'dates', dates: dateRange('2026-10-31', 3) }, window: { start: '14:30', end: '18:00' }, slotMinutes: 30 });
    const req = request(poll(s), { timezone: 'America/New_York' });
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
  });

  it('names each day\'s column by its date and ends the grid where its last slot really ends, across the viewer\'s clock changes', () => {
    const dated = (date: string) => date.split('-').slice(1).map(Number).join('/');
    const model = (s: PollSpec, viewer: string) => buildGridModel(request(poll(s), { timezone: viewer }));
    // Denver's mornings from Phoenix: from Mar 8 they start at 23:00 the evening before, yet stay Mar 8's and Mar 9's.
    const denver = model(spec({ kind: 'time', timezone: 'America/Denver', days: { type: 'dates', dates: dateRange('2026-03-04', 6) }, window: { start: '00:00', end: '12:00' }, slotMinutes: 60 }), 'America/Phoenix');
    expect(denver.columns.map((c) => c.lines[1]![1])).toEqual(dateRange('2026-03-04', 6).map(dated));
    expect(denver.rows.map((r) => r.label).slice(0, 3)).toEqual(['23:00 -1', '00:00', '01:00']);
    expect(denver.endLabel).toBe('12:00');
    // New York's 02:00–03:00 does not exist on Mar 8: that empty day keeps its place between its neighbours.
    const skipped = model(spec({ kind: 'time', timezone: 'America/New_York', days: { type: 'dates', dates: dateRange('2026-03-07', 3) }, window: { start: '02:00', end: '03:00' }, slotMinutes: 30 }), 'America/Los_Angeles');
    expect(skipped.columns.map((c) => c.lines[1]![1])).toEqual(['3/6', '3/7', '3/8']);
    // A UTC day seen from New York as its clock goes back ends at the second 01:00; as it springs forward, at 03:30.
    const back = model(spec({ kind: 'time', timezone: 'UTC', days: { type: 'dates', dates: ['2026-10-31'] }, window: { start: '06:00', end: '06:00' }, slotMinutes: 60 }), 'America/New_York');
    expect(back.endLabel).toBe('01:00 +1');
    const forward = model(spec({ kind: 'time', timezone: 'UTC', days: { type: 'dates', dates: ['2026-03-07'] }, window: { start: '07:30', end: '07:30' }, slotMinutes: 60 }), 'America/New_York');
    expect(forward.endLabel).toBe('03:30 +1');
  });

  it('orders a window across midnight from its start', () => {
    const s = spec({
      kind: 'time',
      days: { type: 'dates', dates: dateRange('2026-12-01', 2) },
      window: { start: '22:00', end: '02:00' },
      slotMinutes: 60,
    });
    const req = request(poll(s));
    const l = computeHeatmapLayout(req);
    const ys = req.layout.slots.filter((x) => x.day === 0).map((x) => l.cells[x.index]!.rect.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(texts(l)).toEqual(expect.arrayContaining(['22:00', '23:00', '00:00 +1', '01:00 +1', '02:00 +1']));
  });

  it('names the columns of a weekly poll by weekday in the locale', () => {
    const en = computeHeatmapLayout(weeklyStudy());
    expect(texts(en)).toEqual(expect.arrayContaining(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']));
    expect(texts(en)).not.toContain('Nov 30');
    const ko = computeHeatmapLayout({ ...weeklyStudy(), locale: 'ko' });
    expect(texts(ko)).toEqual(expect.arrayContaining(['월', '화', '수', '목', '금']));
  });

  it('draws date polls as Monday-first month calendars, one per month with poll dates', () => {
    const req = tripDates();
    const l = computeHeatmapLayout(req);
    expect(texts(l)).toEqual(expect.arrayContaining(['2026년 11월', '2026년 12월']));
    const nov30 = l.cells[req.layout.slots.find((x) => x.date === '2026-11-30')!.index]!;
    const dec1 = l.cells[req.layout.slots.find((x) => x.date === '2026-12-01')!.index]!;
    const dec6 = l.cells[req.layout.slots.find((x) => x.date === '2026-12-06')!.index]!;
    expect(dec1.rect.x).toBeGreaterThan(nov30.rect.x + 7 * nov30.rect.w);
    // 2026-12-01 is a Tuesday (second column), the 6th a Sunday (last column).
    expect(dec6.rect.x - dec1.rect.x).toBe(5 * dec1.rect.w);
    expect(dec1.dayLabel).toBe('1');
    // November 1–22 and December 13–31 are shown greyed.
    expect(l.offDays).toHaveLength(22 + 19);
  });

  it('outlines each best window over the stretch the ranking chose (the same people free throughout)', () => {
    const req = teamDinner();
    const l = computeHeatmapLayout(req);
    expect(l.windows).toHaveLength(Math.min(3, req.best.length));
    l.windows.forEach((w, i) => {
      const ranked = req.best[i]!;
      const first = l.cells[ranked.firstSlot]!.rect;
      expect(ranked.stretch).toBeGreaterThanOrEqual(ranked.slotCount);
      const last = l.cells[ranked.firstSlot + ranked.stretch - 1]!.rect;
      expect(w.rank).toBe(i + 1);
      expect(w.rects).toEqual([{ x: first.x, y: first.y, w: first.w, h: last.y + last.h - first.y }]);
    });
  });

  it('shows no best windows and no names while a hidden poll is open', () => {
    const base = teamDinner();
    const hidden = { ...base, poll: { ...base.poll, spec: { ...base.poll.spec, hidden: true } } };
    const l = computeHeatmapLayout(hidden);
    expect(l.hidden).toBe(true);
    expect(l.windows).toEqual([]);
    expect(texts(l)).toContain('마감 후 공개');
    expect(texts(l)).not.toContain('김민수');
    const closed = computeHeatmapLayout({ ...hidden, poll: { ...hidden.poll, status: 'closed' } });
    expect(closed.hidden).toBe(false);
    expect(texts(closed)).toContain('김민수');
  });

  it('says who has not answered when people are expected, and "closed" once closed', () => {
    const l = computeHeatmapLayout(teamDinner());
    expect(texts(l)).toEqual(expect.arrayContaining(['미응답 1', '한도윤']));
    expect(texts(l).some((t) => t.startsWith('7명 중 6명 응답 · 마감 11월 23일 (월) 09:00'))).toBe(true);
    const closed = computeHeatmapLayout(dstSpringForward());
    expect(texts(closed)).toContain('5 answered · Closed');
  });

  it('stays within 2,000 px and a sane height on an extreme poll', () => {
    const req = extreme();
    expect(req.layout.slots).toHaveLength(62 * 96);
    expect(req.participants).toHaveLength(1000);
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
    expect(l.pixelWidth).toBeLessThanOrEqual(MAX_PIXEL_WIDTH);
    expect(l.pixelHeight).toBeLessThanOrEqual(4000);
    const title = l.texts.find((t) => t.style === 'title')!;
    expect(title.text.endsWith('…')).toBe(true);
    expect(title.text).not.toMatch(/\p{Extended_Pictographic}/u);
    // 1,000 names do not fit: the footer ends in "+N".
    expect(texts(l).some((t) => /^\+\d+$/.test(t))).toBe(true);
    for (const t of l.texts) expect(t.x).toBeLessThanOrEqual(l.width);
  });

  it('handles one date, no answers, and a poll with no slots at all', () => {
    const one = request(poll(spec({ kind: 'time', days: { type: 'dates', dates: ['2026-12-01'] }, window: { start: '09:00', end: '10:00' }, slotMinutes: 60 })));
    const l = computeHeatmapLayout(one);
    expectSoundCells(one, l);
    expect(texts(l)).toContain('Answered 0');
    const none = request(poll(spec({ kind: 'block', days: { type: 'dates', dates: ['2026-12-01'] }, blocks: [] })));
    expect(computeHeatmapLayout(none).cells).toHaveLength(0);
  });

  it('keeps even an absurd block poll (1,500 blocks) to an allocatable canvas', () => {
    const blocks = Array.from({ length: 1500 }, (_, i) => ({ name: `Block ${i}` }));
    const req = request(poll(spec({ kind: 'block', days: { type: 'dates', dates: ['2026-12-01'] }, blocks })));
    const l = computeHeatmapLayout(req);
    expectSoundCells(req, l);
    expect(l.pixelHeight).toBeLessThanOrEqual(2 * (4000 + 400));
  });

  it('holds its bounds for any poll shape (property)', () => {
    const arbSpec: fc.Arbitrary<PollSpec> = fc
      .record({
        kind: fc.constantFrom('time', 'block', 'date'),
        weekly: fc.boolean(),
        dates: fc.integer({ min: 1, max: 62 }),
        start: fc.integer({ min: 0, max: 23 }),
        hours: fc.integer({ min: 1, max: 24 }),
        slot: fc.constantFrom(15, 30, 60, 120),
        zone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'),
        blocks: fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6 }),
      })
      .map(({ kind, weekly, dates, start, hours, slot, zone, blocks }) => {
        const all = dateRange('2026-02-20', dates);
        const days: PollSpec['days'] = weekly
          ? { type: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6], referenceDates: dateRange('2026-03-02', Math.min(7, dates)) }
          : { type: 'dates', dates: all };
        const end = (start + hours) % 24;
        return spec({
          kind,
          timezone: zone,
          days,
          window: { start: `${String(start).padStart(2, '0')}:00`, end: `${String(end).padStart(2, '0')}:00` },
          slotMinutes: slot,
          blocks: [...new Set(blocks)].map((name) => ({ name })),
        });
      });
    fc.assert(
      fc.property(arbSpec, fc.integer({ min: 0, max: 40 }), fc.constantFrom('Asia/Seoul', 'America/Los_Angeles', 'Asia/Kolkata', 'America/Phoenix', 'Australia/Sydney'), (s, people, viewer) => {
        const req = request(poll(s), { timezone: viewer, participants: (layout) => randomPeople(layout, people, people) });
        const l = computeHeatmapLayout(req);
        expectSoundCells(req, l);
        expect(l.pixelWidth).toBeLessThanOrEqual(MAX_PIXEL_WIDTH);
        expect(l.pixelHeight).toBeLessThanOrEqual(6000);
      }),
      // Seeded so CI sees the same shapes every run.
      { numRuns: 60, seed: 20261126 },
    );
  });

  it('is deterministic and ignores the host time zone', () => {
    expect(process.env.TZ).toBe('Pacific/Chatham');
    const a = computeHeatmapLayout(teamDinner());
    const b = computeHeatmapLayout(teamDinner());
    expect(b).toEqual(a);
  });

  it('keeps right-to-left and emoji names on their own', () => {
    const s = spec({ kind: 'date', days: { type: 'dates', dates: dateRange('2026-12-01', 3) } });
    const req = request(poll(s), {
      participants: () => [answer(user('a', 'שרה לוי'), 'yyy'), answer(user('b', '😀 Emoji 😀'), 'y.y'), answer(user('c', 'محمد'), '..y')],
    });
    const l = computeHeatmapLayout(req);
    expect(texts(l)).toEqual(expect.arrayContaining(['שרה לוי', 'Emoji', 'محمد']));
  });
});

describe('one person\'s own week', () => {
  it('reads as a week, not a poll: no kind, code, counts or names, and a free / if needed legend', () => {
    const base = weeklyStudy();
    const me = user('U1', 'Ann');
    const states = base.layout.slots.map((_, i) => (i % 3 === 0 ? 'y' : i % 3 === 1 ? 'm' : '.')).join('');
    const week: HeatmapRequest = { ...base, participants: [answer(me, states)], best: [], personal: true };
    const all = texts(computeHeatmapLayout(week));
    expect(all).toContain('Times in Asia/Seoul');
    expect(all).toEqual(expect.arrayContaining(['Free', 'If needed']));
    for (const pollish of ['WK01', 'answered', 'Everyone', 'Answered', 'Ann', 'People free']) {
      expect(all.some((t) => t.includes(pollish)), pollish).toBe(false);
    }
    // The same answers as a poll say all of that.
    const asPoll = texts(computeHeatmapLayout({ ...week, personal: undefined } as HeatmapRequest));
    expect(asPoll.some((t) => t.includes('WK01'))).toBe(true);
    expect(asPoll.some((t) => t.includes('Ann'))).toBe(true);
  });
});
