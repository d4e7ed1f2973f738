import { z } from 'zod';
import { BatchSizeSchema, CalendarDateSchema, IdSchema, PageLimitSchema } from './common-schemas';
import { CursorSchema } from './cursor';

export const ImportPlanInputSchema = z.object({
  connectionId: IdSchema,
  fromDate: CalendarDateSchema,
  toDate: CalendarDateSchema,
  /** Bank account ids (accounts and cards); every account of the connection when omitted or empty. */
  accountIds: z.array(IdSchema).max(200).optional(),
  autoEnrich: z.boolean().default(false),
  batchSize: BatchSizeSchema.default(50),
});
export type ImportPlanInput = z.infer<typeof ImportPlanInputSchema>;

export const JobIdInputSchema = z.object({ jobId: IdSchema });
export type JobIdInput = z.infer<typeof JobIdInputSchema>;

/** An object, not a bare id: over WebSocket the server merges the client's `lastEventId` into it on reconnect. */
export const ImportStatusInputSchema = z.object({
  jobId: IdSchema,
  lastEventId: z.string().regex(/^\d+$/, 'Event ids are sequence numbers.').nullish(),
});
export type ImportStatusInput = z.infer<typeof ImportStatusInputSchema>;

export const JobStatusSchema = z.enum([
  'planned',
  'queued',
  'running',
  'paused',
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
]);

export const ImportHistoryInputSchema = z
  .object({
    cursor: CursorSchema.nullish(),
    limit: PageLimitSchema(20),
    status: JobStatusSchema.optional(),
  })
  .default({ limit: 20 });
export type ImportHistoryInput = z.infer<typeof ImportHistoryInputSchema>;
