import { z } from 'zod';

/** The schedule form as posted: checked boxes arrive as "on", numbers as text. */
export const ScheduleFormSchema = z.object({
  connectionId: z.string().min(1, 'Choose a bank.'),
  cadence: z.enum(['daily', 'weekly', 'monthly'], { error: 'Choose how often it runs.' }),
  windowDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Use whole days.')
    .min(1, 'Import at least 1 day.')
    .max(730, 'Banks keep at most 730 days.'),
  accountIds: z.array(z.string().min(1)),
  autoEnrich: z.boolean(),
  batchSize: z.coerce
    .number()
    .int()
    .min(10, 'The batch size must be 10 to 200.')
    .max(200, 'The batch size must be 10 to 200.'),
});
export type ScheduleForm = z.infer<typeof ScheduleFormSchema>;

export function readScheduleForm(form: FormData) {
  return ScheduleFormSchema.safeParse({
    connectionId: form.get('connectionId') ?? '',
    cadence: form.get('cadence') ?? '',
    windowDays: form.get('windowDays') ?? '',
    accountIds: form.getAll('accountIds').map(String),
    autoEnrich: form.get('autoEnrich') === 'on',
    batchSize: form.get('batchSize') ?? '50',
  });
}
