import { z } from 'zod';
import { CalendarDateSchema, IdSchema, PageLimitSchema } from './common-schemas';
import { CursorSchema } from './cursor';

export const TransactionListInputSchema = z
  .object({
    accountId: IdSchema.optional(),
    /** Inclusive booking dates. */
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    /** Words in the description or the merchant's name, any case. */
    search: z.string().trim().min(1).max(100, 'Search for at most 100 characters.').optional(),
    cursor: CursorSchema.nullish(),
    limit: PageLimitSchema(50),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'The start date must be on or before the end date.',
    path: ['from'],
  })
  .default({ limit: 50 });
export type TransactionListInput = z.infer<typeof TransactionListInputSchema>;
