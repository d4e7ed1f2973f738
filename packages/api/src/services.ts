import type { Db, TokenCipher } from '@app/db';
import type { EnrichmentHook, ImporterConfig, JobTransport, Logger, ProgressPort } from '@app/importer';
import type { TrueLayerClient } from '@app/truelayer';
import type { RateLimiter } from './rate-limit';

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
  /** The TrueLayer client (or one pointed at the sandbox bank): OAuth links, code exchange, consent extension. */
  bank: TrueLayerClient;
  cipher: TokenCipher;
  progress: ProgressPort;
  /** Where started jobs go: the in-process runner (embedded) or a queue (scaled). */
  transport: JobTransport;
  importer: ImporterConfig;
  enrichment?: EnrichmentHook;
  logger: Logger;
  now: () => Date;
  auth: {
    sessionTtlMs: number;
    /** Adds `Secure` to the session cookie (HTTPS deployments). */
    secureCookies: boolean;
  };
  rateLimiter: RateLimiter;
  subscriptionObserver?: SubscriptionObserver;
};
