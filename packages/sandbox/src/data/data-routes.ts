export type DataResource = 'me' | 'info' | 'list' | 'item' | 'balance' | 'transactions' | 'pending';

export type DataRoute = {
  /** The path template, e.g. `/accounts/{id}/transactions`: the key `stats()` counts by. */
  endpoint: string;
  resource: DataResource;
  kind: 'account' | 'card' | null;
  accountId: string | null;
};

const COLLECTIONS = { accounts: 'account', cards: 'card' } as const;

/** Matches a path below `/data/v1` (e.g. `/cards/abc/transactions/pending`) to a Data API endpoint. */
export function matchDataRoute(path: string): DataRoute | null {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, sub, subSub] = segments;
  if (segments.length === 1 && (head === 'me' || head === 'info'))
    return { endpoint: `/${head}`, resource: head, kind: null, accountId: null };
  if (head !== 'accounts' && head !== 'cards') return null;
  const kind = COLLECTIONS[head];
  if (id === undefined) return { endpoint: `/${head}`, resource: 'list', kind, accountId: null };
  const at = (resource: DataResource, suffix: string): DataRoute => ({
    endpoint: `/${head}/{id}${suffix}`,
    resource,
    kind,
    accountId: id,
  });
  if (sub === undefined) return at('item', '');
  if (segments.length === 3 && sub === 'balance') return at('balance', '/balance');
  if (segments.length === 3 && sub === 'transactions') return at('transactions', '/transactions');
  if (segments.length === 4 && sub === 'transactions' && subSub === 'pending')
    return at('pending', '/transactions/pending');
  return null;
}
