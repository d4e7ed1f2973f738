import { ensureUser, SignUpInputSchema } from '@app/api';
import type { Db } from '@app/db';
import { z } from 'zod';
import { AdminCommandError } from './admin-command-error';

/** A user who can sign in with the password, validated as sign-up does. An existing email is refused. */
export async function createUser(db: Db, input: { email: string; password: string; name?: string }) {
  const parsed = SignUpInputSchema.safeParse(input);
  if (!parsed.success) throw new AdminCommandError(z.prettifyError(parsed.error));
  const { user, created } = await ensureUser(db, parsed.data);
  if (!created)
    throw new AdminCommandError(`a user with the email ${user.email} exists already (left unchanged)`);
  return user;
}
