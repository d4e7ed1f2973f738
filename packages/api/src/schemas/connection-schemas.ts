import { z } from 'zod';
import { IdSchema } from './common-schemas';

export const ConnectionIdInputSchema = z.object({ connectionId: IdSchema });
export type ConnectionIdInput = z.infer<typeof ConnectionIdInputSchema>;

export const StartOAuthInputSchema = z
  .object({
    /** Skip the bank picker, e.g. `ob-monzo`. */
    providerId: z.string().trim().min(1).max(100).optional(),
  })
  .default({});
export type StartOAuthInput = z.infer<typeof StartOAuthInputSchema>;

export const CompleteOAuthInputSchema = z.object({
  code: z.string().min(1).max(4096),
  state: z.string().min(1).max(256),
});
export type CompleteOAuthInput = z.infer<typeof CompleteOAuthInputSchema>;
