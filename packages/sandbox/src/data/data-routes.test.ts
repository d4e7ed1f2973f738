import { expect, test } from 'vitest';
import { matchDataRoute } from './data-routes';

test('every Data API path maps to its endpoint template and account', () => {
  expect(matchDataRoute('/me')).toEqual({ endpoint: '/me', resource: 'me', kind: null, accountId: null });
  expect(matchDataRoute('/cards')).toEqual({
    endpoint: '/cards',
    resource: 'list',
    kind: 'card',
    accountId: null,
  });
  expect(matchDataRoute('/accounts/a1/transactions/pending')).toEqual({
    endpoint: '/accounts/{id}/transactions/pending',
    resource: 'pending',
    kind: 'account',
    accountId: 'a1',
  });
  expect(matchDataRoute('/cards/c1/balance')).toMatchObject({
    endpoint: '/cards/{id}/balance',
    accountId: 'c1',
  });
});

test('unknown paths do not match', () => {
  expect(matchDataRoute('/accounts/a1/direct_debits')).toBeNull();
  expect(matchDataRoute('/batch')).toBeNull();
  expect(matchDataRoute('/accounts/a1/transactions/pending/x')).toBeNull();
});
