export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from './root';
export { createContextFactory, type Context, type ContextFactory, type ContextInput } from './context';
export type { ApiServices } from './services';
export { createRateLimiter, type RateLimitConfig, type RateLimiter } from './rate-limit';
export { ensureUser } from './auth/ensure-user';
export { purgeExpiredAuth } from './auth/purge-expired';
export { createRestHandler } from './rest/rest-handler';
