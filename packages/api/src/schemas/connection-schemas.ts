import { z } from 'zod';
import { connectionLabelMaxLength } from '@app/domain';
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

/** A person's name for a connection: printable text (no control characters), trimmed, 1–60 characters. */
export const ConnectionLabelSchema = z
  .string()
  .trim()
  .min(1, 'Give the connection a name.')
  .max(connectionLabelMaxLength, `Use at most ${connectionLabelMaxLength} characters.`)
  .refine((s) => !/\p{Cc}/u.test(s), 'Use letters, digits and punctuation only (no control characters).')
  .refine((s) => s.isWellFormed(), 'The name contains broken characters.');

export const RenameConnectionInputSchema = ConnectionIdInputSchema.extend({ label: ConnectionLabelSchema });
export type RenameConnectionInput = z.infer<typeof RenameConnectionInputSchema>;
