import { z } from 'zod';

const DEFAULT_PROVIDERS = 'uk-ob-all uk-oauth-all';
const DEFAULT_SCOPES = 'info accounts balance cards transactions offline_access';

// Callers join paths onto these, so a trailing slash would produce `//` in every URL.
const baseUrlSchema = z.url().transform((url) => url.replace(/\/+$/, ''));

// Env values arrive as strings, so numbers are coerced.
const positiveIntSchema = z.coerce.number().int().positive();

export const truelayerConfigSchema = z.object({
  /** e.g. https://auth.truelayer.com, https://auth.truelayer-sandbox.com, or the sandbox bank's `${url}/auth`. */
  authUrl: baseUrlSchema,
  /** e.g. https://api.truelayer.com/data/v1 or the sandbox bank's `${url}/data/v1`. */
  apiUrl: baseUrlSchema,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUri: z.url(),
  /** Space-separated provider filter for the auth link. */
  providers: z.string().min(1).default(DEFAULT_PROVIDERS),
  /** Space-separated scopes; without offline_access there is no refresh token. */
  scopes: z.string().min(1).default(DEFAULT_SCOPES),
  timeoutMs: positiveIntSchema.default(30_000),
  maxRetries: z.coerce.number().int().min(0).default(4),
  retryBaseMs: positiveIntSchema.default(500),
  retryMaxMs: positiveIntSchema.default(30_000),
  /** The longest date window one transactions request asks for (see `splitDateRange`). */
  maxWindowDays: positiveIntSchema.default(90),
});

export type TrueLayerConfig = z.output<typeof truelayerConfigSchema>;
export type TrueLayerConfigInput = z.input<typeof truelayerConfigSchema>;

export type TrueLayerEnvironment = 'live' | 'truelayer-sandbox';

const HOSTS: Record<TrueLayerEnvironment, { authUrl: string; apiUrl: string }> = {
  live: { authUrl: 'https://auth.truelayer.com', apiUrl: 'https://api.truelayer.com/data/v1' },
  'truelayer-sandbox': {
    authUrl: 'https://auth.truelayer-sandbox.com',
    apiUrl: 'https://api.truelayer-sandbox.com/data/v1',
  },
};

/** TrueLayer's real auth and data hosts for an environment. */
export function hostsFor(environment: TrueLayerEnvironment): { authUrl: string; apiUrl: string } {
  return { ...HOSTS[environment] };
}
