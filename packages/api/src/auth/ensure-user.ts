import type { Db } from '@app/db';
import { hashPassword } from './password';

/** Creates the user unless the email exists (idempotent: an existing user's password is left alone). */
export async function ensureUser(db: Db, input: { email: string; password: string; name?: string | null }) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (existing) return { user: existing, created: false };
  const passwordHash = await hashPassword(input.password);
  const user = await db.user.create({
    data: { email, passwordHash, name: input.name ?? null },
    select: { id: true, email: true },
  });
  return { user, created: true };
}
