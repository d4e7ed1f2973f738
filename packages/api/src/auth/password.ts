import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (19 MiB, 2 passes: OWASP's first recommended setting).

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a hash we cannot parse never matches
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the time a real check would when the email is unknown, so timing does not reveal who has an account. */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hash('not-a-real-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
