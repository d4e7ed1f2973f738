import {
  createRateLimiter,
  createSharedRateLimiter,
  createSignInLimiter,
  type ApiServices,
  type LimitStore,
} from '@app/api';
import type { Importer, ProgressPort } from '@app/importer';
import type { AppLogger } from './logger';
import type { Metrics } from './ops/metrics';
import type { ResolvedConfig } from './server-config';

/** The API's services around the importer's facade and the mode's progress port (API servers only). */
export function createApiServices(deps: {
  config: Pick<ResolvedConfig, 'sessionTtlDays' | 'secureCookies' | 'mutationsPerMinute'>;
  engine: { db: ApiServices['db']; now: () => Date };
  importer: Importer;
  progress: ProgressPort;
  logger: AppLogger;
  metrics?: Metrics;
  /** Where limits count: this process (embedded) or Redis (scaled). */
  limits: LimitStore;
}): ApiServices {
  const { config } = deps;
  return {
    db: deps.engine.db,
    importer: deps.importer,
    progress: deps.progress,
    logger: deps.logger,
    now: deps.engine.now,
    subscriptionObserver: deps.metrics?.subscriptionObserver,
    auth: { sessionTtlMs: config.sessionTtlDays * 86_400_000, secureCookies: config.secureCookies },
    rateLimiter:
      deps.limits.kind === 'redis'
        ? createSharedRateLimiter(config.mutationsPerMinute, deps.limits)
        : createRateLimiter({
            capacity: config.mutationsPerMinute,
            refillPerSecond: config.mutationsPerMinute / 60,
          }),
    signInLimiter: createSignInLimiter(deps.limits),
  };
}
