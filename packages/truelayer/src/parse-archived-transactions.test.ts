import { describe, expect, test } from 'vitest';
import { TrueLayerError } from './errors';
import { parseArchivedTransactions } from './parse-archived-transactions';

const item = {
  transaction_id: 't-1',
  provider_transaction_id: '5521-77',
  timestamp: '2024-06-01T00:30:00+01:00',
  description: 'TESCO STORES 2231',
  amount: -23.4,
  currency: 'GBP',
  transaction_type: 'DEBIT',
  transaction_category: 'PURCHASE',
  transaction_classification: [],
  meta: {},
};

describe('reading archived transactions', () => {
  test('maps them as the live client does, keeping the raw item and the calendar date', () => {
    const [parsed] = parseArchivedTransactions([item], 'booked');
    expect(parsed).toMatchObject({
      providerTransactionId: '5521-77',
      bookingDate: '2024-06-01',
      amountMinor: -2340,
      status: 'booked',
    });
    expect(parsed?.raw).toEqual(item);
  });

  test('an item that is not a transaction is refused, not dropped', () => {
    expect(() => parseArchivedTransactions([{ ...item, amount: 'x' }], 'pending')).toThrow(TrueLayerError);
  });
});
