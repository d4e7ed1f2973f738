import { describe, expect, test } from 'vitest';
import { importerConfigSchema } from './config';
import { incrementalRange } from './incremental-range';

const config = importerConfigSchema.parse({});
const now = new Date('2026-07-15T10:00:00Z');

describe('the range of an incremental sync', () => {
  test('starts a few days before the least recently synced account and ends today', () => {
    const accounts = [
      { lastSyncedAt: new Date('2026-07-14T09:00:00Z') },
      { lastSyncedAt: new Date('2026-07-10T23:30:00Z') },
    ];
    // 23:30 UTC on the 10th is the 11th in London (BST)
    expect(incrementalRange(accounts, { config, now })).toEqual({
      fromDate: '2026-07-08',
      toDate: '2026-07-15',
    });
  });

  test('an account never synced starts the first-sync window back', () => {
    expect(incrementalRange([{ lastSyncedAt: null }], { config, now })).toEqual({
      fromDate: '2026-04-17',
      toDate: '2026-07-15',
    });
  });
});
