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
  timeZone: z.string().default('Europe/London'),
  /** How far back banks serve history (the plan refuses ranges beyond it). */
  maxHistoryDays: z.number().int().min(1).default(730),
  /** A consent older than this cannot fetch more than `scaMaxDays` of history (PSD2 SCA). */
  scaMaxDays: z.number().int().min(1).default(90),
  scaGraceMinutes: z.number().int().min(0).default(5),
});
export type ImporterConfig = z.infer<typeof importerConfigSchema>;
