import { instantOf } from './bank-time';
import { requireDateRange } from './date-range';
import { isUnsupported, TrueLayerError } from './errors';
import { toBankAccount, toBankCard } from './map-account';
import { toBalance } from './map-balance';
import { toBankTransaction } from './map-transaction';
import { parseFirstResult, parseResults } from './parse-results';
import {
  ApiAccountSchema,
  ApiBalanceSchema,
  ApiCardSchema,
  ApiMeSchema,
  ApiTransactionSchema,
} from './response-schemas';
import { sendRequest, type HttpDeps, type RetryPolicy } from './send-request';
import type { AccountKind, BankTransaction, DataClientOptions, TrueLayerDataClient } from './types';

export type DataClientSettings = {
  deps: HttpDeps;
  policy: RetryPolicy;
  apiUrl: string;
  maxWindowDays: number;
};

/** A Data API client bound to one connection's tokens, one caller signal and one attended/unattended mode. */
export function createDataClient(
  settings: DataClientSettings,
  options: DataClientOptions,
): TrueLayerDataClient {
  // An empty IP is no evidence the user is present.
  const attended = Boolean(options.psuIp);

  async function get(
    endpoint: string,
    accountId: string | null,
    query?: Record<string, string>,
  ): Promise<unknown> {
    const path = accountId === null ? endpoint : endpoint.replace('{id}', encodeURIComponent(accountId));
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    let token = await readToken(() => options.tokens.current());
    return sendRequest(settings.deps, settings.policy, {
      label: `GET ${endpoint}`,
      method: 'GET',
      url: `${settings.apiUrl}${path}${search}`,
      signal: options.signal,
      headers: async () => ({
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        // Only for a present user: it marks the call attended, which the bank exempts from the PSD2 cap.
        ...(options.psuIp ? { 'X-PSU-IP': options.psuIp } : {}),
      }),
      onUnauthorized: async () => {
        token = await readToken(() => options.tokens.refresh(token));
      },
      onAttempt: ({ status, attempt, durationMs }) =>
        options.onCall?.({
          endpoint,
          accountId,
          attended,
          status,
          rateLimited: status === 429,
          attempt,
          durationMs,
        }),
    });
  }

  async function readToken(read: () => Promise<string>): Promise<string> {
    try {
      return await read();
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (cause instanceof TrueLayerError) throw cause;
      throw new TrueLayerError(
        'INVALID_TOKEN',
        'Could not get an access token for this connection from the token store.',
        {
          cause,
        },
      );
    }
  }

  async function fetchTransactions(
    endpoint: string,
    accountId: string,
    status: BankTransaction['status'],
    query?: Record<string, string>,
  ) {
    const json = await get(endpoint, accountId, query);
    const label = `GET ${endpoint}`;
    // Every item is mapped before any is returned: one unreadable item fails the response, nothing half-stored.
    return parseResults(label, json, ApiTransactionSchema).map((parsed, index) =>
      toBankTransaction(parsed, status, `results.${index}`, label),
    );
  }

  return {
    async me() {
      const { item } = parseFirstResult('GET /me', await get('/me', null), ApiMeSchema);
      return {
        credentialsId: item.credentials_id ?? null,
        providerId: item.provider.provider_id,
        providerName: item.provider.display_name ?? item.provider.provider_id,
        consentExpiresAt: item.consent_expires_at ? instantOf(item.consent_expires_at) : null,
      };
    },

    async accounts() {
      return parseResults('GET /accounts', await get('/accounts', null), ApiAccountSchema).map(({ item }) =>
        toBankAccount(item),
      );
    },

    async cards() {
      return (await this.cardsIfOffered()) ?? [];
    },

    async accountsIfOffered() {
      try {
        return await this.accounts();
      } catch (error) {
        // Cards-only providers (charge cards) answer 501 endpoint_not_supported, some 404: a capability.
        if (isUnsupported(error)) return null;
        throw error;
      }
    },

    async cardsIfOffered() {
      try {
        return parseResults('GET /cards', await get('/cards', null), ApiCardSchema).map(({ item }) =>
          toBankCard(item),
        );
      } catch (error) {
        if (isUnsupported(error)) return null;
        throw error;
      }
    },

    async pendingIfOffered(kind, accountId) {
      try {
        return await this.pendingTransactions(kind, accountId);
      } catch (error) {
        // 501 only: a 404 on an account's own endpoint means the account is gone, which is a failure.
        if (error instanceof TrueLayerError && error.code === 'NOT_SUPPORTED') return null;
        throw error;
      }
    },

    async balanceIfOffered(kind, accountId) {
      try {
        return await this.balance(kind, accountId);
      } catch (error) {
        if (error instanceof TrueLayerError && error.code === 'NOT_SUPPORTED') return null;
        throw error;
      }
    },

    async balance(kind, accountId) {
      const endpoint = `${collectionOf(kind)}/{id}/balance`;
      return toBalance(
        parseFirstResult(`GET ${endpoint}`, await get(endpoint, accountId), ApiBalanceSchema).item,
      );
    },

    async transactions(kind, accountId, range) {
      const { first, last } = requireDateRange(range);
      if (last - first + 1 > settings.maxWindowDays) {
        throw new TrueLayerError(
          'VALIDATION',
          `Asked for ${last - first + 1} days in one request; split the range with splitDateRange(range, ${settings.maxWindowDays}).`,
        );
      }
      return fetchTransactions(`${collectionOf(kind)}/{id}/transactions`, accountId, 'booked', range);
    },

    async pendingTransactions(kind, accountId) {
      return fetchTransactions(`${collectionOf(kind)}/{id}/transactions/pending`, accountId, 'pending');
    },
  };
}

function collectionOf(kind: AccountKind): '/accounts' | '/cards' {
  return kind === 'card' ? '/cards' : '/accounts';
}
