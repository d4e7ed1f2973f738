import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TrueLayerError } from './errors';
import { toMinorUnits } from './money';

describe('toMinorUnits', () => {
  test.each([
    [-23.4, 'GBP', -2340],
    [0.77, 'GBP', 77],
    [1161.2, 'GBP', 116120],
    [0.1, 'EUR', 10],
    [-0.01, 'GBP', -1],
    [5, 'GBP', 500],
    [1500, 'JPY', 1500],
    [1.234, 'KWD', 1234],
    [-0, 'GBP', 0],
  ])('converts %s %s to %s minor units', (amount, currency, expected) => {
    expect(toMinorUnits(amount, currency)).toBe(expected);
  });

  test('never returns negative zero', () => {
    expect(Object.is(toMinorUnits(-0, 'GBP'), 0)).toBe(true);
  });

  test.each([
    [1.005, 'GBP'],
    [0.1 + 0.2, 'GBP'],
    [15.5, 'JPY'],
    [1e-7, 'GBP'],
    [Number.NaN, 'GBP'],
    [Number.POSITIVE_INFINITY, 'GBP'],
    [1e21, 'GBP'],
  ])('rejects %s %s as a malformed response', (amount, currency) => {
    expect(() => toMinorUnits(amount, currency)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_RESPONSE' }) as TrueLayerError,
    );
  });

  test('for any whole number of pence p, the JSON number p/100 converts back to p', () => {
    // Up to 10^15 pence (10 trillion pounds) a double still tells neighbouring pennies apart.
    const pence = fc.integer({ min: -1e15, max: 1e15 });
    fc.assert(
      fc.property(pence, (p) => {
        const wire = JSON.parse(JSON.stringify(p / 100)) as number;
        expect(toMinorUnits(wire, 'GBP')).toBe(p === 0 ? 0 : p);
      }),
      { numRuns: 2000 },
    );
  });

  test('for any whole number of yen, the amount converts to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (yen) => toMinorUnits(yen, 'JPY') === yen + 0),
    );
  });
});
