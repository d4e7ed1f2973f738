import { describe, expect, test } from 'vitest';
import { calendarDateOf, instantOf } from './bank-time';

describe('bank timestamps', () => {
  test.each([
    ['2017-10-02T00:00:00', '2017-10-02T00:00:00.000Z'],
    ['2017-10-12T07:17:54.8144949Z', '2017-10-12T07:17:54.814Z'],
    ['2018-03-06T23:30:00.1+01:00', '2018-03-06T22:30:00.100Z'],
    ['2018-03-06T23:30:00+0100', '2018-03-06T22:30:00.000Z'],
    ['2018-03-06 23:30', '2018-03-06T23:30:00.000Z'],
    ['2018-03-06', '2018-03-06T00:00:00.000Z'],
  ])('%s is the instant %s (zone-less read as UTC, fractions of any length)', (text, iso) => {
    expect(instantOf(text)?.toISOString()).toBe(iso);
  });

  test('text that is no timestamp has no instant', () => {
    expect(instantOf('2017-02 - 01T00: 00:00')).toBeNull();
    expect(instantOf('yesterday')).toBeNull();
  });

  test('the calendar date is the date as written, whatever the zone', () => {
    expect(calendarDateOf('2018-03-06T23:30:00-05:00')).toBe('2018-03-06');
    expect(calendarDateOf('2017-10-02T00:00:00')).toBe('2017-10-02');
  });
});
