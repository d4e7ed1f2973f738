import type { TrueLayerDataClient } from '@app/truelayer';
import pLimit, { type LimitFunction } from 'p-limit';

const limiters = new Map<string, LimitFunction>();

/**
 * Caps the bank requests in flight per connection across every job of this process, so parallel accounts
 * (and parallel jobs on one bank) never hammer a provider into 429s.
 */
export function limitRequests(connectionId: string, maxInFlight: number, client: TrueLayerDataClient): TrueLayerDataClient {
  let limit = limiters.get(connectionId);
  if (!limit) {
    limit = pLimit(maxInFlight);
    limiters.set(connectionId, limit);
  }
  const run = limit;
  return {
    me: () => run(() => client.me()),
    accounts: () => run(() => client.accounts()),
    cards: () => run(() => client.cards()),
    balance: (kind, id) => run(() => client.balance(kind, id)),
    transactions: (kind, id, range) => run(() => client.transactions(kind, id, range)),
    pendingTransactions: (kind, id) => run(() => client.pendingTransactions(kind, id)),
  };
}
