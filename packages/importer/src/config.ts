import { londonTimeZone } from '@app/domain';
import { z } from 'zod';

export const importerConfigSchema = z.object({
  /** Accounts of one job synced at once (1 = sequential: the same engine). */
  workers: z.number().int().min(1).max(32).default(4),
  /** Bank requests in flight per connection, across the accounts of all its jobs in this process. */
  maxRequestsPerConnection: z.number().int().min(1).max(32).default(4),
  /** Jobs run at once by one runner. */
  jobConcurrency: z.number().int().min(1).max(64).default(4),
  /** Days of history one request asks for; longer ranges are split. */
  windowDays: z.number().int().min(1).max(366).default(90),
  /** The calendar used for "today" and for presets. */
  timeZone: z.string().default(londonTimeZone),
  /** How far back banks serve history (the plan refuses ranges beyond it). */
  maxHistoryDays: z.number().int().min(1).default(730),
  /** A consent older than this cannot fetch more than `scaMaxDays` of history (PSD2 SCA). */
  scaMaxDays: z.number().int().min(1).default(90),
  scaGraceMinutes: z.number().int().min(0).default(5),
  /** PSD2: calls per account per rolling 24 h a bank accepts without the user present (API.md: 4). */
  unattendedCallsPerDay: z.number().int().min(0).default(4),
  /** Providers that count differently (e.g. `{ "ob-monzo": 10 }`); null means the provider sets no limit. */
  unattendedCallsByProvider: z.record(z.string(), z.number().int().min(0).nullable()).default({}),
  /** Unattended calls never used by background work, so the person's own refresh still gets through. */
  reservedCalls: z.number().int().min(0).default(1),
  /** A sync with no earlier sync to start from fetches this many days. */
  firstSyncDays: z.number().int().min(1).default(90),
  /** An incremental sync starts this many days before the last sync (banks add late items to recent days). */
  incrementalOverlapDays: z.number().int().min(0).default(3),
  /**
   * The least time between two progress events of a job that only report counts: a batch commits its checkpoint
   * every time, and its event only when the last is this old. Every change of status is an event at once.
   * 0 = an event for every batch.
   */
  batchEventIntervalMs: z.number().int().min(0).max(10_000).default(100),
  /** How long the bank's raw responses of a job are kept for replay. */
  rawArchiveDays: z.number().int().min(1).default(90),
});
export type ImporterConfig = z.infer<typeof importerConfigSchema>;
