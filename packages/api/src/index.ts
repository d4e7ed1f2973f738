export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from './root';
export { createContextFactory, type Context, type ContextFactory, type ContextInput } from './context';
export type { ApiServices, SubscriptionObserver } from './services';
export { createRateLimiter, type RateLimitConfig, type RateLimiter } from './rate-limit';
export {
  createSharedRateLimiter,
  createSignInLimiter,
  defaultSignInLimits,
  type LimitStore,
  type SignInLimitConfig,
  type SignInLimiter,
} from './sign-in-limit';
export { ensureUser } from './auth/ensure-user';
export { SignUpInputSchema, type SignUpInput } from './schemas/auth-schemas';
export { purgeExpiredAuth } from './auth/purge-expired';
export { createRestHandler } from './rest/rest-handler';
