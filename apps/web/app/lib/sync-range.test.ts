import { describe, expect, test } from 'vitest';
import { syncRange } from './sync-range';

const calendar = { timeZone: 'Europe/London', today: '2026-11-25', maxHistoryDays: 730 };

describe('the Sync now range', () => {
  test('starts on the day the least recently synced account last synced', () => {
    const accounts = [{ lastSyncedAt: new Date('2026-11-20T09:00:00Z') }, { lastSyncedAt: new Date('2026-11-24T23:30:00Z') }];
    expect(syncRange(accounts, calendar)).toEqual({ fromDate: '2026-11-20', toDate: '2026-11-25' });
  });

  test('uses the bank’s calendar day, not UTC’s', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(syncRange([{ lastSyncedAt: new Date('2026-06-30T23:30:00Z') }], calendar).fromDate).toBe('2026-07-01');
  });

  test('fetches the last 90 days when an account was never synced', () => {
    expect(syncRange([{ lastSyncedAt: new Date('2026-11-24T09:00:00Z') }, { lastSyncedAt: null }], calendar)).toEqual({ fromDate: '2026-08-28', toDate: '2026-11-25' });
  });

  test('never reaches further back than the banks keep history', () => {
    expect(syncRange([{ lastSyncedAt: new Date('2020-01-01T00:00:00Z') }], calendar).fromDate).toBe('2024-11-25');
  });
});
