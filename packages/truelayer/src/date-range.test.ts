import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitDateRange, toDayNumber, toIsoDate } from './date-range';
import type { TrueLayerError } from './errors';

const validation = expect.objectContaining({ code: 'VALIDATION' }) as TrueLayerError;

describe('splitDateRange', () => {
  test('a range shorter than the window comes back whole', () => {
    expect(splitDateRange({ from: '2024-01-01', to: '2024-01-31' }, 90)).toEqual([
      { from: '2024-01-01', to: '2024-01-31' },
    ]);
  });

  test('a single day is one window', () => {
    expect(splitDateRange({ from: '2024-02-29', to: '2024-02-29' }, 1)).toEqual([
      { from: '2024-02-29', to: '2024-02-29' },
    ]);
  });

  test('a long range is cut into consecutive windows, oldest first, across a leap day', () => {
    expect(splitDateRange({ from: '2024-02-01', to: '2024-03-05' }, 15)).toEqual([
      { from: '2024-02-01', to: '2024-02-15' },
      { from: '2024-02-16', to: '2024-03-01' },
      { from: '2024-03-02', to: '2024-03-05' },
    ]);
  });

  test.each([
    [{ from: '2024-03-02', to: '2024-03-01' }, 10],
    [{ from: '2024-02-30', to: '2024-03-01' }, 10],
    [{ from: '2024-1-01', to: '2024-03-01' }, 10],
    [{ from: '2024-01-01T00:00:00Z', to: '2024-03-01' }, 10],
    [{ from: '2024-01-01', to: '2024-03-01' }, 0],
    [{ from: '2024-01-01', to: '2024-03-01' }, 1.5],
  ])('rejects %o with window %s', (range, maxDays) => {
    expect(() => splitDateRange(range, maxDays)).toThrow(validation);
  });

  test('windows have no gaps or overlaps, respect the limit and cover the range exactly', () => {
    const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 400 }),
        (start, length, maxDays) => {
          const range = { from: toIsoDate(start), to: toIsoDate(start + length) };
          const windows = splitDateRange(range, maxDays).map(
            (w) => [toDayNumber(w.from), toDayNumber(w.to)] as const,
          );
          expect(windows[0]?.[0]).toBe(start);
          expect(windows.at(-1)?.[1]).toBe(start + length);
          windows.forEach(([first, last], index) => {
            expect(last).toBeGreaterThanOrEqual(first);
            expect(last - first + 1).toBeLessThanOrEqual(maxDays);
            const previous = windows[index - 1];
            if (previous) expect(first).toBe(previous[1] + 1);
          });
        },
      ),
    );
  });
});
