import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitDecision, RateLimiter } from './rate-limit';

/**
 * Where shared counters live: this process (the embedded mode, one process) or Redis (the scaled mode, so N API
 * replicas allow the rate once, not N times). `client` is an ioredis client; `prefix` keeps deployments apart.
 */
export type LimitStore = { kind: 'memory' } | { kind: 'redis'; client: unknown; prefix: string };

function limiterIn(
  store: LimitStore,
  name: string,
  options: { points: number; duration: number },
): RateLimiterAbstract {
  if (store.kind === 'memory') return new RateLimiterMemory({ keyPrefix: name, ...options });
  return new RateLimiterRedis({
    storeClient: store.client,
    keyPrefix: `${store.prefix}${name}`,
    ...options,
    // while Redis is unreachable each replica keeps its own count instead of failing every request
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, ...options }),
  });
}

/** The general mutation budget in Redis: `perMinute` per key across every replica. */
export function createSharedRateLimiter(perMinute: number, store: LimitStore): RateLimiter {
  const limiter = limiterIn(store, 'mutations', { points: perMinute, duration: 60 });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { allowed: false, retryAfterMs: error.msBeforeNext };
        throw error;
      }
    },
  };
}

export type SignInLimitConfig = {
  /** Wrong passwords for one account (from anywhere) before each further one holds it back. */
  freeFailuresPerAccount: number;
  /** Wrong passwords from one address (for any accounts) before each further one holds it back. */
  freeFailuresPerAddress: number;
  /** The first hold; each further failure doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one (a success forgets the account's at once). */
  forgetAfterMs: number;
};

export const defaultSignInLimits: SignInLimitConfig = {
  freeFailuresPerAccount: 5,
  freeFailuresPerAddress: 20,
  firstDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};

export type SignInAttempt = { account: string; address: string };

export type SignInLimiter = {
  /** Before the password is checked: refused while the account or the address is held back. */
  check(attempt: SignInAttempt): Promise<RateLimitDecision>;
  failed(attempt: SignInAttempt): Promise<void>;
  succeeded(attempt: SignInAttempt): Promise<void>;
};

/** Failures counted per key; past the free ones, each failure holds the key back for a doubling time. */
function growingHold(store: LimitStore, name: string, free: number, config: SignInLimitConfig) {
  const failures = limiterIn(store, `${name}-failures`, {
    points: Number.MAX_SAFE_INTEGER,
    duration: Math.ceil(config.forgetAfterMs / 1000),
  });
  const hold = limiterIn(store, `${name}-hold`, { points: 1, duration: 1 });
  return {
    async heldForMs(key: string): Promise<number> {
      const held = await hold.get(key);
      return held && held.consumedPoints > hold.points ? held.msBeforeNext : 0;
    },
    async failed(key: string) {
      const counted = await failures.penalty(key, 1);
      const over = counted.consumedPoints - free;
      if (over > 0)
        await hold.block(key, Math.min(config.maxDelayMs, config.firstDelayMs * 2 ** (over - 1)) / 1000);
    },
    async forget(key: string) {
      await Promise.all([failures.delete(key), hold.delete(key)]);
    },
  };
}

/**
 * Sign-in's own limit, apart from the general mutation budget: guessing one account's password from many
 * addresses, or many accounts' from one address, slows to one guess per growing delay. Accounts are keyed by the
 * email as typed (lower-cased), so unknown emails are held back the same way and the limit tells nothing.
 */
export function createSignInLimiter(
  store: LimitStore,
  config: SignInLimitConfig = defaultSignInLimits,
): SignInLimiter {
  const byAccount = growingHold(store, 'sign-in-account', config.freeFailuresPerAccount, config);
  const byAddress = growingHold(store, 'sign-in-address', config.freeFailuresPerAddress, config);
  const accountKey = (attempt: SignInAttempt) => attempt.account.trim().toLowerCase();
  return {
    async check(attempt) {
      const waits = await Promise.all([
        byAccount.heldForMs(accountKey(attempt)),
        byAddress.heldForMs(attempt.address),
      ]);
      const retryAfterMs = Math.max(...waits);
      return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
    },
    async failed(attempt) {
      await Promise.all([byAccount.failed(accountKey(attempt)), byAddress.failed(attempt.address)]);
    },
    async succeeded(attempt) {
      await byAccount.forget(accountKey(attempt));
    },
  };
}
