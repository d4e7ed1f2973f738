import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { Context } from './context';
import { withLogFields } from './log-fields';
import { genericErrorMessage, isPublicError, toTRPCError } from './to-trpc-error';
import { hasMalformedText } from './well-formed-text';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      // A safety net for errors the procedure middleware never saw (subscription generators, context creation).
      message: isPublicError(error) ? shape.message : genericErrorMessage,
      // No `stack`: clients never see one, in any mode.
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        zodError:
          error.code === 'BAD_REQUEST' && error.cause instanceof ZodError
            ? z.flattenError(error.cause)
            : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The ids that let one import be followed from the request that started it to the workers that ran it. */
function requestFields(ctx: Context, path: string) {
  return { requestId: ctx.requestId, userId: ctx.user?.id ?? null, path };
}

function jobIdIn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('jobId' in value)) return undefined;
  return typeof value.jobId === 'string' ? value.jobId : undefined;
}

/** One line per change (mutation), never its input: passwords and codes travel in some. */
const logMutations = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  if (type !== 'mutation') return next();
  const started = performance.now();
  const result = await next();
  const jobId = jobIdIn(await getRawInput()) ?? (result.ok ? jobIdIn(result.data) : undefined);
  ctx.services.logger.info(
    {
      ...requestFields(ctx, path),
      jobId,
      ok: result.ok,
      code: result.ok ? undefined : result.error.code,
      durationMs: Math.round(performance.now() - started),
    },
    'mutation',
  );
  return result;
});

const mapErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok)
    throw toTRPCError(result.error, withLogFields(ctx.services.logger, requestFields(ctx, path)));
  return result;
});

/**
 * Every mutation spends a token of its caller's bucket: the user's, or the address's before sign-in. Sign-in has
 * its own, stricter limit per account and per address (sign-in-limit.ts), so neither budget can use up the other.
 */
const limitMutations = t.middleware(async ({ ctx, type, path, next }) => {
  if (type !== 'mutation' || path === 'auth.signIn') return next();
  const key = ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.psuIp ?? 'unknown'}`;
  const decision = await ctx.services.rateLimiter.take(key);
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many changes in a short time: retry after ${seconds} s.`,
    });
  }
  return next();
});

/** Input that is not valid Unicode is refused as such, before a procedure stores or looks it up. */
const requireWellFormedText = t.middleware(async ({ getRawInput, next }) => {
  if (hasMalformedText(await getRawInput()))
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The input holds text that is not valid Unicode.' });
  return next();
});

export const publicProcedure = t.procedure
  .use(logMutations)
  .use(mapErrors)
  .use(limitMutations)
  .use(requireWellFormedText);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { user: ctx.user } });
});
