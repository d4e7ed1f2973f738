import { describe, expect, test } from 'vitest';
import { resolveDateRange } from './date-range';

const today = '2025-05-31';

describe('resolveDateRange', () => {
  test('--from and --to are taken as given', () => {
    expect(resolveDateRange({ from: '2025-01-01', to: '2025-03-31' }, today)).toEqual({
      fromDate: '2025-01-01',
      toDate: '2025-03-31',
    });
  });

  test('--last 7d is the seven days ending today', () => {
    expect(resolveDateRange({ last: '7d' }, today)).toEqual({ fromDate: '2025-05-25', toDate: today });
  });

  test('--last 3m counts calendar months, clamping to the end of a short month', () => {
    expect(resolveDateRange({ last: '3m' }, today)).toEqual({ fromDate: '2025-03-01', toDate: today });
    expect(resolveDateRange({ last: '3m' }, '2025-05-15')).toEqual({
      fromDate: '2025-02-16',
      toDate: '2025-05-15',
    });
  });

  test('--last 1y starts the day after the same date a year ago', () => {
    expect(resolveDateRange({ last: '1y' }, '2024-02-29')).toEqual({
      fromDate: '2023-03-01',
      toDate: '2024-02-29',
    });
  });

  test('a date that is not on the calendar names the option and the format', () => {
    expect(() => resolveDateRange({ from: '2025-02-30', to: '2025-03-01' }, today)).toThrow(
      '--from: "2025-02-30" is not a calendar date; use YYYY-MM-DD, e.g. 2025-01-31.',
    );
    expect(() => resolveDateRange({ from: '2025-01-01', to: '31/01/2025' }, today)).toThrow(
      '--to: "31/01/2025"',
    );
  });

  test('an unknown period, a missing bound or both styles at once are refused', () => {
    expect(() => resolveDateRange({ last: '2w' }, today)).toThrow('--last: "2w" is not a period');
    expect(() => resolveDateRange({ last: '0d' }, today)).toThrow('--last: "0d" is not a period');
    expect(() => resolveDateRange({ from: '2025-01-01' }, today)).toThrow('Give --from and --to');
    expect(() => resolveDateRange({ last: '7d', to: today }, today)).toThrow('not both');
  });
});
