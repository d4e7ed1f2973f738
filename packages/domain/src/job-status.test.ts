import { describe, expect, test } from 'vitest';
import { formatDuration, formatTimeLeft } from './duration';
import { isFinalJobStatus, isLiveJobStatus, jobStatuses, jobStatusLabel } from './job-status';
import { accountPercent, jobPercent } from './percent';

describe('job statuses', () => {
  test('every status is either live or final, and waiting for the bank is live', () => {
    for (const status of jobStatuses) expect(isLiveJobStatus(status)).toBe(!isFinalJobStatus(status));
    expect(isLiveJobStatus('deferred')).toBe(true);
    expect(jobStatusLabel('deferred')).toBe('Waiting for the bank');
  });
});

describe('percent', () => {
  test('a stopped account shows where it stopped, not a full bar', () => {
    expect(accountPercent('cancelled', 1, 4)).toBe(25);
    expect(accountPercent('failed', 0, 4)).toBe(0);
    expect(accountPercent('completed', 0, 0)).toBe(100);
  });

  test('only a completed job is 100', () => {
    expect(jobPercent('cancelled', [100, 25])).toBe(62);
    expect(jobPercent('failed', [])).toBe(0);
    expect(jobPercent('completed', [])).toBe(100);
  });
});

describe('durations', () => {
  test('a duration reads in seconds, minutes and hours', () => {
    expect(formatDuration(95_000)).toBe('1 min 35 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(200)).toBe('under a second');
  });

  test('time left under a minute is said as such, above in whole minutes', () => {
    expect(formatTimeLeft(900)).toBe('less than a minute');
    expect(formatTimeLeft(59_000)).toBe('less than a minute');
    expect(formatTimeLeft(99_000)).toBe('about 2 min');
  });
});
