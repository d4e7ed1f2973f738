import { z } from 'zod';

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address.').max(254));

export const SignUpInputSchema = z.object({
  email: EmailSchema,
  password: z.string().min(8, 'Use at least 8 characters.').max(256),
  name: z.string().trim().min(1).max(100).optional(),
});
export type SignUpInput = z.infer<typeof SignUpInputSchema>;

export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(256),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const ChangePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8, 'Use at least 8 characters.').max(256),
});

export const SessionIdInputSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });
