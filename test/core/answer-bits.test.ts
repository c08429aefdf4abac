import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AvailabilityMatrix } from '../../src/core/domain/availability.js';

describe('answers kept as bits', () => {
  // The results picture and a viewer's own overlay are drawn from the bits ranking read.
  it('give back every person\'s answer as it was given, in a crowd that spans several words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((slots) => fc.array(fc.array(fc.constantFrom('y', 'm', '.'), { minLength: slots, maxLength: slots }).map((c) => c.join('')), { minLength: 1, maxLength: 70 })),
        (answers) => {
          const matrix = new AvailabilityMatrix(answers.map((states) => ({ states })), answers[0]!.length);
          expect(answers.map((_, i) => matrix.statesOf(i))).toEqual(answers);
        },
      ),
      { seed: 20_261_202, numRuns: 100 },
    );
  });
});
