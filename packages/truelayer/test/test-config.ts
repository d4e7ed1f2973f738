import { truelayerConfigSchema, type TrueLayerConfig, type TrueLayerConfigInput } from '../src/config';

/** A valid configuration pointing at `baseUrl` the way the sandbox bank lays out its hosts. */
export function createTestConfig(
  baseUrl: string,
  overrides: Partial<TrueLayerConfigInput> = {},
): TrueLayerConfig {
  return truelayerConfigSchema.parse({
    authUrl: `${baseUrl}/auth`,
    apiUrl: `${baseUrl}/data/v1`,
    clientId: 'sandbox-test',
    clientSecret: 'client-secret-value',
    redirectUri: 'http://localhost:3000/callback',
    ...overrides,
  });
}
