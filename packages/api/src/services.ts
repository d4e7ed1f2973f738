import type { Db } from '@app/db';
import type { Importer, Logger, ProgressPort } from '@app/importer';
import type { RateLimiter } from './rate-limit';
import type { SignInLimiter } from './sign-in-limit';

/** Live-progress metrics, kept by the app (the API never imports a metrics library). */
export type SubscriptionObserver = {
  /** Returns the function to call when the subscription ends. */
  opened(): () => void;
  /** An event handed to the transport, `lagMs` after it was committed. */
  eventSent(lagMs: number): void;
};

/** Everything the procedures need, made once by the app (apps/server) and shared by every request. */
export type ApiServices = {
  db: Db;
  /** The importer's facade: connect, plan, start and control, replay. The API never holds the bank client. */
  importer: Importer;
  /** Where live progress is heard: in this process (embedded) or over Redis (scaled). */
  progress: ProgressPort;
  logger: Logger;
  now: () => Date;
  auth: {
    sessionTtlMs: number;
    /** Adds `Secure` to the session cookie (HTTPS deployments). */
    secureCookies: boolean;
  };
  rateLimiter: RateLimiter;
  /** Sign-in's own limit per account and per address, with growing delays. */
  signInLimiter: SignInLimiter;
  subscriptionObserver?: SubscriptionObserver;
};
