import { createAuthClient, type AuthClient } from './auth-client';
import type { TrueLayerConfig } from './config';
import { createDataClient } from './data-client';
import type { HttpDeps } from './send-request';
import { sleepFor } from './sleep';
import type { DataClientOptions, TrueLayerDataClient } from './types';

export type TrueLayerClientDeps = Partial<HttpDeps>;

export type TrueLayerClient = AuthClient & {
  /** A Data API client for one connection; see `DataClientOptions` for tokens, attended mode and reporting. */
  data(options: DataClientOptions): TrueLayerDataClient;
};

/** The TrueLayer client, made once from parsed configuration. `deps` exist for tests. */
export function createTrueLayerClient(
  config: TrueLayerConfig,
  deps: TrueLayerClientDeps = {},
): TrueLayerClient {
  const http: HttpDeps = {
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    sleep: deps.sleep ?? sleepFor,
    random: deps.random ?? Math.random,
    now: deps.now ?? (() => new Date()),
  };
  const policy = {
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    retryBaseMs: config.retryBaseMs,
    retryMaxMs: config.retryMaxMs,
  };
  return {
    ...createAuthClient(config, http, policy),
    data: (options) =>
      createDataClient(
        { deps: http, policy, apiUrl: config.apiUrl, maxWindowDays: config.maxWindowDays },
        options,
      ),
  };
}
