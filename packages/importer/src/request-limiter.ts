import type { TrueLayerDataClient } from '@app/truelayer';
import pLimit, { type LimitFunction } from 'p-limit';

/** Bounds the bank requests in flight per connection. The scaled mode passes one shared by every worker process. */
export type RequestLimiter = {
  /** Runs `request` once one of the connection's slots is free; gives up waiting when `signal` aborts. */
  run<T>(connectionId: string, request: () => Promise<T>, signal?: AbortSignal): Promise<T>;
};

const limiters = new Map<string, LimitFunction>();

/**
 * The embedded default: one cap per connection across every job of this process. (A queued request still starts
 * after an abort; the bank client then fails it at once with the abort's reason.)
 */
export function inProcessRequestLimiter(maxInFlight: number): RequestLimiter {
  return {
    run(connectionId, request) {
      let limit = limiters.get(connectionId);
      if (!limit) {
        limit = pLimit(maxInFlight);
        limiters.set(connectionId, limit);
      }
      return limit(request);
    },
  };
}

/** Every request of `client` goes through the limiter, so parallel accounts (and parallel jobs on one bank) never hammer a provider into 429s. */
export function limitRequests(
  connectionId: string,
  limiter: RequestLimiter,
  client: TrueLayerDataClient,
  signal?: AbortSignal,
): TrueLayerDataClient {
  const run = <T>(request: () => Promise<T>) => limiter.run(connectionId, request, signal);
  return {
    me: () => run(() => client.me()),
    accounts: () => run(() => client.accounts()),
    cards: () => run(() => client.cards()),
    balance: (kind, id) => run(() => client.balance(kind, id)),
    transactions: (kind, id, range) => run(() => client.transactions(kind, id, range)),
    pendingTransactions: (kind, id) => run(() => client.pendingTransactions(kind, id)),
    accountsIfOffered: () => run(() => client.accountsIfOffered()),
    cardsIfOffered: () => run(() => client.cardsIfOffered()),
    balanceIfOffered: (kind, id) => run(() => client.balanceIfOffered(kind, id)),
    pendingIfOffered: (kind, id) => run(() => client.pendingIfOffered(kind, id)),
  };
}
