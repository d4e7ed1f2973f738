import { describe, expect, test } from 'vitest';
import { interpretDate, tokenizeDate } from './parse-date';

const read = (text: string, order: 'YMD' | 'DMY' | 'MDY') => {
  const tokens = tokenizeDate(text);
  return tokens ? interpretDate(tokens, order) : null;
};

describe('dates', () => {
  test('a date with a time and zone keeps the calendar day as written', () => {
    expect(read('2024-03-31T23:30:00-05:00', 'YMD')).toBe('2024-03-31');
    expect(read('20240331233000.000[-5:EST]', 'YMD')).toBe('2024-03-31');
    expect(read('31.03.2024 23:59', 'DMY')).toBe('2024-03-31');
  });

  test('the same text means different days in different orders', () => {
    expect(read('03/04/2024', 'DMY')).toBe('2024-04-03');
    expect(read('03/04/2024', 'MDY')).toBe('2024-03-04');
  });

  test('days that do not exist are unreadable', () => {
    expect(read('31/02/2024', 'DMY')).toBeNull();
    expect(read('29/02/2023', 'DMY')).toBeNull();
    expect(read('29/02/2024', 'DMY')).toBe('2024-02-29');
    expect(read('13/25/2024', 'MDY')).toBeNull();
  });

  test("Quicken's apostrophe years and two-digit years are read", () => {
    expect(read("2/10'2020", 'MDY')).toBe('2020-02-10');
    expect(read(" 1/ 5'98", 'MDY')).toBe('1998-01-05');
    expect(read('12/19/18', 'MDY')).toBe('2018-12-19');
  });

  test('month names fix the month wherever they stand', () => {
    expect(read('5 Jan 2024', 'DMY')).toBe('2024-01-05');
    expect(read('Jan 5, 2024', 'MDY')).toBe('2024-01-05');
    expect(read('5 Jan 2024', 'MDY')).toBeNull();
  });

  test('words are not dates', () => {
    expect(tokenizeDate('yesterday')).toBeNull();
    expect(tokenizeDate('')).toBeNull();
  });
});
