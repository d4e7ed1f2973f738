import { isUniqueViolation } from '@app/db';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { isKnownAddress, listAudit, recordAudit } from '../account/audit';
import { endOtherSessions, listSessions } from '../account/sessions';
import { hashPassword, verifyAgainstNobody, verifyPassword } from '../auth/password';
import { createSession, deleteSession, sessionUserSelect } from '../auth/session';
import { serializeClearedSessionCookie, serializeSessionCookie } from '../auth/session-cookie';
import type { Context } from '../context';
import {
  EmailTakenError,
  InvalidCredentialsError,
  SignInHeldBackError,
  WrongCurrentPasswordError,
} from '../errors';
import {
  ChangePasswordInputSchema,
  SessionIdInputSchema,
  SignInInputSchema,
  SignUpInputSchema,
} from '../schemas/auth-schemas';
import { authedProcedure, publicProcedure } from '../trpc';

/** Starts a session: the cookie for browsers, the token in the answer for other clients (CLI, tests). */
async function signInAs(ctx: Context, user: { id: string; email: string; name: string | null }) {
  const { db, auth, now } = ctx.services;
  // A new token every sign-in, and the one this request came with (if any) ends: a cookie planted or left
  // before sign-in is never the signed-in session (session fixation).
  if (ctx.sessionId) await deleteSession(db, ctx.sessionId);
  const session = await createSession(db, user.id, {
    ttlMs: auth.sessionTtlMs,
    now: now(),
    userAgent: ctx.userAgent,
    address: ctx.psuIp,
  });
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
    if (ctx.psuIp && !(await isKnownAddress(ctx.services.db, found.id, ctx.psuIp)))
      await recordAudit(ctx.services.db, {
        userId: found.id,
        action: 'sign_in.new_address',
        detail: ctx.userAgent,
        address: ctx.psuIp,
      });
    return signInAs(ctx, { id: found.id, email: found.email, name: found.name });
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await deleteSession(ctx.services.db, ctx.sessionId);
    ctx.setCookie(serializeClearedSessionCookie({ secure: ctx.services.auth.secureCookies }));
    return { signedOut: true };
  }),

  /** The signed-in user, or null (pages use it to choose between the app and the sign-in form). */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  /** The person's open sessions (browser, address, when opened and last used); the current one is marked. */
  sessions: authedProcedure.query(({ ctx }) =>
    listSessions(ctx.services.db, ctx.user.id, ctx.sessionId, ctx.services.now()),
  ),

  /** Ends one of the person's sessions (another device); someone else's id is NOT_FOUND. */
  endSession: authedProcedure.input(SessionIdInputSchema).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const { count } = await db.session.deleteMany({ where: { id: input.sessionId, userId: ctx.user.id } });
    if (count === 0) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no such session.' });
    await recordAudit(db, {
      userId: ctx.user.id,
      action: 'sessions.ended',
      detail: '1 session',
      address: ctx.psuIp,
    });
    return { ended: count };
  }),

  /** "Sign out everywhere else": every session but this one ends. */
  endOtherSessions: authedProcedure.mutation(async ({ ctx }) => {
    const { db } = ctx.services;
    const ended = await endOtherSessions(db, ctx.user.id, ctx.sessionId);
    await recordAudit(db, {
      userId: ctx.user.id,
      action: 'sessions.ended',
      detail: `${ended} other session${ended === 1 ? '' : 's'}`,
      address: ctx.psuIp,
    });
    return { ended };
  }),

  /** A new password; every other session ends (whoever knew the old one is signed out). */
  changePassword: authedProcedure.input(ChangePasswordInputSchema).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const user = await db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { passwordHash: true },
    });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw new WrongCurrentPasswordError();
    await db.user.update({
      where: { id: ctx.user.id },
      data: { passwordHash: await hashPassword(input.newPassword) },
    });
    const ended = await endOtherSessions(db, ctx.user.id, ctx.sessionId);
    await recordAudit(db, { userId: ctx.user.id, action: 'password.changed', address: ctx.psuIp });
    return { changed: true, endedSessions: ended };
  }),

  /** What happened to the person's account, newest first: banks, enrichment settings, deletions, sign-ins. */
  activity: authedProcedure.query(({ ctx }) => listAudit(ctx.services.db, ctx.user.id)),
} satisfies TRPCRouterRecord;
