import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateTotals } from '../../src/core/domain/availability.js';

describe('stateTotals', () => {
  it('counts the slots an answer holds as yes and as if needed', () => {
    expect(stateTotals('yy.m.y..mm')).toEqual({ yes: 3, maybe: 3 });
    expect(stateTotals('')).toEqual({ yes: 0, maybe: 0 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('y', 'm', '.')), (chars) => {
        const states = chars.join('');
        expect(stateTotals(states)).toEqual({ yes: chars.filter((c) => c === 'y').length, maybe: chars.filter((c) => c === 'm').length });
      }),
    );
  });
});
