import { isUniqueViolation } from '@app/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { hashPassword, verifyAgainstNobody, verifyPassword } from '../auth/password';
import { createSession, deleteSession, sessionUserSelect } from '../auth/session';
import { serializeClearedSessionCookie, serializeSessionCookie } from '../auth/session-cookie';
import type { Context } from '../context';
import { EmailTakenError, InvalidCredentialsError, SignInHeldBackError } from '../errors';
import { SignInInputSchema, SignUpInputSchema } from '../schemas/auth-schemas';
import { publicProcedure } from '../trpc';

/** Starts a session: the cookie for browsers, the token in the answer for other clients (CLI, tests). */
async function signInAs(ctx: Context, user: { id: string; email: string; name: string | null }) {
  const { db, auth, now } = ctx.services;
  const session = await createSession(db, user.id, { ttlMs: auth.sessionTtlMs, now: now() });
  ctx.setCookie(
    serializeSessionCookie(session.token, { maxAgeMs: auth.sessionTtlMs, secure: auth.secureCookies }),
  );
  return { user, sessionToken: session.token, expiresAt: session.expiresAt };
}

export const authRouter = {
  signUp: publicProcedure.input(SignUpInputSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await ctx.services.db.user.create({
        data: { email: input.email, passwordHash, name: input.name ?? null },
        select: sessionUserSelect,
      });
      return await signInAs(ctx, user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }),

  signIn: publicProcedure.input(SignInInputSchema).mutation(async ({ ctx, input }) => {
    const { signInLimiter } = ctx.services;
    const attempt = { account: input.email, address: ctx.psuIp ?? 'unknown' };
    const decision = await signInLimiter.check(attempt);
    if (!decision.allowed) throw new SignInHeldBackError(decision.retryAfterMs);
    const found = await ctx.services.db.user.findUnique({
      where: { email: input.email },
      select: { ...sessionUserSelect, passwordHash: true },
    });
    const valid = found
      ? await verifyPassword(found.passwordHash, input.password)
      : await verifyAgainstNobody(input.password);
    if (!found || !valid) {
      await signInLimiter.failed(attempt);
      throw new InvalidCredentialsError();
    }
    await signInLimiter.succeeded(attempt);
    return signInAs(ctx, { id: found.id, email: found.email, name: found.name });
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await deleteSession(ctx.services.db, ctx.sessionId);
    ctx.setCookie(serializeClearedSessionCookie({ secure: ctx.services.auth.secureCookies }));
    return { signedOut: true };
  }),

  /** The signed-in user, or null (pages use it to choose between the app and the sign-in form). */
  me: publicProcedure.query(({ ctx }) => ctx.user),
} satisfies TRPCRouterRecord;
