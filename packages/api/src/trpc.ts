import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { Context } from './context';
import { genericErrorMessage, isPublicError, toTRPCError } from './to-trpc-error';

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

const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error, ctx.services.logger);
  return result;
});

/** Every mutation spends a token of its caller's bucket: the user's, or the address's before sign-in. */
const limitMutations = t.middleware(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  const key = ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.psuIp ?? 'unknown'}`;
  const decision = ctx.services.rateLimiter.take(key);
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many changes in a short time: retry after ${seconds} s.`,
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(limitMutations);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { user: ctx.user } });
});
