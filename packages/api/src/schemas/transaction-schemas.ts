import { z } from 'zod';
import { CalendarDateSchema, IdSchema, PageLimitSchema } from './common-schemas';
import { CursorSchema } from './cursor';

export const TransactionListInputSchema = z
  .object({
    accountId: IdSchema.optional(),
    /** Inclusive booking dates. */
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    cursor: CursorSchema.nullish(),
    limit: PageLimitSchema(50),
  })
  .default({ limit: 50 });
export type TransactionListInput = z.infer<typeof TransactionListInputSchema>;
