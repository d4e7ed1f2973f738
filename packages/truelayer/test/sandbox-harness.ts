import { createSandboxBank, type SandboxBank, type SandboxOptions } from '@app/sandbox';
import { createTrueLayerClient, type TrueLayerClient } from '../src/index';
import type { AccessTokenSource, DateRange, TokenSet } from '../src/index';
import { createTestConfig } from './test-config';

export const DAY_MS = 86_400_000;

const started: SandboxBank[] = [];

/** A sandbox bank on a random local port, closed by `closeBanks`. */
export async function startBank(options: SandboxOptions = {}): Promise<SandboxBank> {
  const bank = await createSandboxBank({ seed: 7, ...options }).listen(0, '127.0.0.1');
  started.push(bank);
  return bank;
}

export async function closeBanks(): Promise<void> {
  await Promise.all(started.splice(0).map((bank) => bank.close()));
}

/** The real client pointed at the bank. Sleeping is skipped so retries cost no wall time; delays are unit-tested. */
export function createClient(
  bank: SandboxBank,
  overrides: Parameters<typeof createTestConfig>[1] = {},
): TrueLayerClient {
  const config = createTestConfig(bank.url, {
    clientId: bank.clientId,
    clientSecret: bank.clientSecret,
    ...overrides,
  });
  return createTrueLayerClient(config, { sleep: async () => undefined });
}

/** A token store like the app's: holds the current pair, refreshes through the client, counts refreshes. */
export function createTokenStore(
  client: TrueLayerClient,
  initial: TokenSet,
): AccessTokenSource & { refreshes: number } {
  let current = initial;
  const store = {
    refreshes: 0,
    current: async () => current.accessToken,
    refresh: async (stale: string) => {
      // Another caller already refreshed: hand out the new token instead of spending the refresh token twice.
      if (stale !== current.accessToken) return current.accessToken;
      store.refreshes += 1;
      current = await client.refreshTokens(current.refreshToken ?? '');
      return current.accessToken;
    },
  };
  return store;
}

/** A fresh connection for `user`, its tokens obtained through the client's own refresh call. */
export async function connect(client: TrueLayerClient, bank: SandboxBank, user = 'john'): Promise<TokenSet> {
  return client.refreshTokens(bank.issueTokens(user).refresh_token);
}

/** The last `days` calendar days up to the bank's today (UTC dates). */
export function lastDays(bank: SandboxBank, days: number): DateRange {
  const today = bank.now().getTime();
  return {
    from: new Date(today - (days - 1) * DAY_MS).toISOString().slice(0, 10),
    to: new Date(today).toISOString().slice(0, 10),
  };
}
