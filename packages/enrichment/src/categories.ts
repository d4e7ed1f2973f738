import { z } from 'zod';

/** The fixed spending categories every provider answers with; `Other` is the fallback, never an error. */
export const categories = [
  'Groceries',
  'Eating out',
  'Transport',
  'Shopping',
  'Bills & utilities',
  'Subscriptions',
  'Entertainment',
  'Health',
  'Travel',
  'Housing',
  'Income',
  'Transfers',
  'Cash',
  'Fees & charges',
  'Other',
] as const;

export const CategorySchema = z.enum(categories);
export type Category = z.infer<typeof CategorySchema>;
