import { z } from 'zod';
import { BatchSizeSchema, IdSchema } from './common-schemas';

export const CadenceSchema = z.enum(['daily', 'weekly', 'monthly']);

const scheduleFields = {
  cadence: CadenceSchema,
  /** How many days back each run imports. */
  windowDays: z.number().int().min(1).max(730),
  /** Empty means every account of the connection. */
  accountIds: z.array(IdSchema).max(200),
  autoEnrich: z.boolean(),
  batchSize: BatchSizeSchema,
};

export const ScheduleCreateInputSchema = z.object({
  connectionId: IdSchema,
  cadence: scheduleFields.cadence,
  windowDays: scheduleFields.windowDays.default(7),
  accountIds: scheduleFields.accountIds.default([]),
  autoEnrich: scheduleFields.autoEnrich.default(false),
  batchSize: scheduleFields.batchSize.default(50),
});
export type ScheduleCreateInput = z.infer<typeof ScheduleCreateInputSchema>;

export const ScheduleUpdateInputSchema = z.object({
  scheduleId: IdSchema,
  cadence: scheduleFields.cadence.optional(),
  windowDays: scheduleFields.windowDays.optional(),
  accountIds: scheduleFields.accountIds.optional(),
  autoEnrich: scheduleFields.autoEnrich.optional(),
  batchSize: scheduleFields.batchSize.optional(),
  enabled: z.boolean().optional(),
});
export type ScheduleUpdateInput = z.infer<typeof ScheduleUpdateInputSchema>;

export const ScheduleIdInputSchema = z.object({ scheduleId: IdSchema });
