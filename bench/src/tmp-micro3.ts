import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { createBenchDatabase } from './bench-database';

const mode = process.argv[2] ?? 'full';
const database = await createBenchDatabase('sqlite');
const db = database.db;
const user = await db.user.create({ data: { email: 'x@y', passwordHash: 'x' } });
const conn = await db.bankConnection.create({ data: { userId: user.id, providerId: 'p', providerName: 'p', accessTokenEnc: 'x', accessTokenExpiresAt: new Date(), consentGrantedAt: new Date(), consentExpiresAt: new Date() } });
const acct = await db.bankAccount.create({ data: { connectionId: conn.id, providerAccountId: 'a', kind: 'account', accountType: 'TRANSACTION', displayName: 'x', currency: 'GBP' } as never });
const row = (i: number) => ({
  accountId: acct.id, dedupKey: `n:${randomUUID()}`, dedupRule: 'normalised', providerTransactionId: randomUUID(), normalisedProviderId: randomUUID(), providerId: randomUUID(),
  status: 'booked' as const, bookingDate: '2026-01-01', bankTimestamp: '2026-01-01T00:00:00Z', amountMinor: -1234 - i, currency: 'GBP', direction: 'DEBIT',
  description: 'TESCO STORES 1234 LONDON', merchantName: 'Tesco', providerCategory: 'PURCHASE', providerClassification: ['Shopping', 'Groceries'],
  raw: mode === 'noraw' ? {} : { transaction_id: randomUUID(), timestamp: '2026-01-01T00:00:00Z', description: 'TESCO STORES 1234 LONDON', amount: -12.34, currency: 'GBP', transaction_type: 'DEBIT', transaction_category: 'PURCHASE', transaction_classification: ['Shopping', 'Groceries'], merchant_name: 'Tesco', running_balance: { amount: 1234.5, currency: 'GBP' }, meta: { provider_transaction_category: 'POS', provider_id: randomUUID() } },
  importJobId: null,
});
for (let round = 0; round < 4; round++) {
  const t = performance.now();
  for (let i = 0; i < 20; i++) await db.$transaction((tx) => tx.transaction.createMany({ data: Array.from({ length: 50 }, (_, j) => row(j)) }));
  console.log(mode, 'round', round, ((performance.now() - t) / 20).toFixed(1), 'ms per createMany(50)');
}
await database.drop();
