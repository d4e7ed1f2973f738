import { jobStatuses } from '@app/domain';
import { z } from 'zod';
import { BatchSizeSchema, CalendarDateSchema, IdSchema, PageLimitSchema } from './common-schemas';
import { CursorSchema } from './cursor';

const isObject = ({ value }: { value: unknown }) => typeof value === 'object' && value !== null;

export const ImportPlanInputSchema = z
  .object({
    connectionId: IdSchema,
    /** `incremental`: from each account's last sync (less a few days' overlap) to today; no dates needed. */
    jobType: z.enum(['date_range', 'incremental']).default('date_range'),
    fromDate: CalendarDateSchema.optional(),
    toDate: CalendarDateSchema.optional(),
    /** Bank account ids (accounts and cards); every account of the connection when omitted or empty. */
    accountIds: z.array(IdSchema).max(200).optional(),
    autoEnrich: z.boolean().default(false),
    batchSize: BatchSizeSchema.default(50),
  })
  // A date range needs both dates, reported beside the other fields' issues (`when`), not only once they pass.
  .refine((input) => input.jobType === 'incremental' || input.fromDate !== undefined, {
    path: ['fromDate'],
    message: 'Use a YYYY-MM-DD date.',
    when: isObject,
  })
  .refine((input) => input.jobType === 'incremental' || input.toDate !== undefined, {
    path: ['toDate'],
    message: 'Use a YYYY-MM-DD date.',
    when: isObject,
  });
export type ImportPlanInput = z.infer<typeof ImportPlanInputSchema>;

export const MatchIdInputSchema = z.object({ decisionId: IdSchema });
export type MatchIdInput = z.infer<typeof MatchIdInputSchema>;

export const MatchResolveInputSchema = z.object({
  decisionId: IdSchema,
  choice: z.enum(['keep_both', 'merge']),
});
export type MatchResolveInput = z.infer<typeof MatchResolveInputSchema>;

export const JobIdInputSchema = z.object({ jobId: IdSchema });
export type JobIdInput = z.infer<typeof JobIdInputSchema>;

/** An object, not a bare id: over WebSocket the server merges the client's `lastEventId` into it on reconnect. */
export const ImportStatusInputSchema = z.object({
  jobId: IdSchema,
  lastEventId: z.string().regex(/^\d+$/, 'Event ids are sequence numbers.').nullish(),
});
export type ImportStatusInput = z.infer<typeof ImportStatusInputSchema>;

export const JobStatusSchema = z.enum(jobStatuses);

export const ImportHistoryInputSchema = z
  .object({
    cursor: CursorSchema.nullish(),
    limit: PageLimitSchema(20),
    status: JobStatusSchema.optional(),
  })
  .default({ limit: 20 });
export type ImportHistoryInput = z.infer<typeof ImportHistoryInputSchema>;
