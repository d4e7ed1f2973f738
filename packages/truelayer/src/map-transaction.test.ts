import { describe, expect, test } from 'vitest';
import type { TrueLayerError } from './errors';
import { toBankTransaction } from './map-transaction';
import { parseResults } from './parse-results';
import { ApiTransactionSchema } from './response-schemas';

function item(overrides: Record<string, unknown> = {}) {
  return {
    transaction_id: 'tx-1',
    timestamp: '2024-02-27T00:00:00Z',
    description: 'TESCO STORES 2231',
    amount: -23.4,
    currency: 'GBP',
    transaction_type: 'DEBIT',
    transaction_category: 'PURCHASE',
    transaction_classification: ['Shopping', 'Groceries'],
    meta: { provider_reference: 'TESCO 2231' },
    ...overrides,
  };
}

function mapOne(raw: unknown, status: 'booked' | 'pending' = 'booked') {
  const [parsed] = parseResults('GET /accounts/{id}/transactions', { results: [raw] }, ApiTransactionSchema);
  if (!parsed) throw new Error('nothing parsed');
  return toBankTransaction(parsed, status);
}

describe('toBankTransaction', () => {
  test('maps an account debit to negative minor units and keeps the item as received', () => {
    const raw = item({ merchant_name: 'Tesco', running_balance: { amount: 1161.2, currency: 'GBP' } });
    expect(mapOne(raw)).toEqual({
      transactionId: 'tx-1',
      normalisedProviderId: null,
      providerTransactionId: null,
      status: 'booked',
      timestamp: '2024-02-27T00:00:00Z',
      bookingDate: '2024-02-27',
      amountMinor: -2340,
      currency: 'GBP',
      direction: 'DEBIT',
      description: 'TESCO STORES 2231',
      merchantName: 'Tesco',
      // Added by issue #16: which rule decided the direction, the payee, and the provider's meta.
      directionRule: 'transaction_type',
      payee: 'Tesco',
      category: 'PURCHASE',
      classification: ['Shopping', 'Groceries'],
      runningBalanceMinor: 116120,
      meta: {
        providerCategory: null,
        counterparty: null,
        reference: 'TESCO 2231',
        providerMerchantName: null,
        entries: { provider_reference: 'TESCO 2231' },
      },
      raw,
    });
  });

  test('a card purchase sent as a positive DEBIT becomes money out', () => {
    expect(mapOne(item({ amount: 12.5, transaction_type: 'DEBIT' })).amountMinor).toBe(-1250);
  });

  test('a card refund sent as a negative CREDIT becomes money in', () => {
    expect(mapOne(item({ amount: -7.99, transaction_type: 'CREDIT' })).amountMinor).toBe(799);
  });

  test('an account credit stays positive', () => {
    expect(mapOne(item({ amount: 0.77, transaction_type: 'CREDIT' })).amountMinor).toBe(77);
  });

  test('the booking date is the date the bank wrote, not shifted to UTC', () => {
    expect(mapOne(item({ timestamp: '2026-06-01T00:30:00+01:00' })).bookingDate).toBe('2026-06-01');
    expect(mapOne(item({ timestamp: '2026-05-31T23:30:00-05:00' })).bookingDate).toBe('2026-05-31');
    expect(mapOne(item({ timestamp: '2026-06-01' })).bookingDate).toBe('2026-06-01');
  });

  test('pending items are marked pending and keep their ids', () => {
    const mapped = mapOne(
      item({ normalised_provider_transaction_id: 'n-1', provider_transaction_id: 'p-1' }),
      'pending',
    );
    expect(mapped).toMatchObject({
      status: 'pending',
      normalisedProviderId: 'n-1',
      providerTransactionId: 'p-1',
    });
  });

  test('explicit nulls and a missing category are tolerated', () => {
    const mapped = mapOne(
      item({ merchant_name: null, transaction_classification: null, transaction_category: undefined }),
    );
    expect(mapped).toMatchObject({ merchantName: null, classification: [], category: 'UNKNOWN' });
  });

  test.each([
    ['an amount sent as a string', { amount: '-23.40' }],
    ['an unknown transaction type', { transaction_type: 'REFUND' }],
    ['a missing id', { transaction_id: undefined }],
    ['a timestamp without a date', { timestamp: 'yesterday' }],
    ['a missing description', { description: undefined }],
    ['an amount with fractions of a penny', { amount: 1.005 }],
  ])('rejects %s as MALFORMED_RESPONSE', (_, overrides) => {
    expect(() => mapOne(item(overrides))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_RESPONSE' }) as TrueLayerError,
    );
  });

  test('the error names the bad field but not its value', () => {
    expect(() => mapOne(item({ amount: 'SECRET-LOOKING-VALUE' }))).toThrow(/results\.0\.amount/);
    expect(() => mapOne(item({ amount: 'SECRET-LOOKING-VALUE' }))).not.toThrow(/SECRET-LOOKING-VALUE/);
  });

  test('a response without a results list is malformed', () => {
    expect(() => parseResults('GET /accounts', { data: [] }, ApiTransactionSchema)).toThrow(
      /no "results" list/,
    );
  });
});
