import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { createBenchDatabase } from './bench-database';
import { Prisma } from '@app/db';

const provider = (process.argv[2] as 'sqlite' | 'postgresql') ?? 'sqlite';
const database = await createBenchDatabase(provider);
const db = database.db;
const user = await db.user.create({ data: { email: 'x@y', passwordHash: 'x' } });
const conn = await db.bankConnection.create({ data: { userId: user.id, providerId: 'p', providerName: 'p', accessTokenEnc: 'x', accessTokenExpiresAt: new Date(), consentGrantedAt: new Date(), consentExpiresAt: new Date() } });
const acct = await db.bankAccount.create({ data: { connectionId: conn.id, providerAccountId: 'a', kind: 'account', accountType: 'TRANSACTION', displayName: 'x', currency: 'GBP' } as never });
const row = (i: number) => ({
  accountId: acct.id, dedupKey: `n:${randomUUID()}`, dedupRule: 'normalised', providerTransactionId: randomUUID(), normalisedProviderId: randomUUID(), providerId: randomUUID(),
  status: 'booked' as const, bookingDate: '2026-01-01', bankTimestamp: '2026-01-01T00:00:00Z', amountMinor: -1234 - i, currency: 'GBP', direction: 'DEBIT',
  description: 'TESCO STORES 1234 LONDON', merchantName: 'Tesco', providerCategory: 'PURCHASE', providerClassification: ['Shopping', 'Groceries'],
  raw: { transaction_id: randomUUID(), timestamp: '2026-01-01T00:00:00Z', description: 'TESCO STORES 1234 LONDON', amount: -12.34, currency: 'GBP', transaction_type: 'DEBIT', transaction_category: 'PURCHASE', transaction_classification: ['Shopping', 'Groceries'], merchant_name: 'Tesco', running_balance: { amount: 1234.5, currency: 'GBP' }, meta: { provider_transaction_category: 'POS', provider_id: randomUUID() } },
  importJobId: null,
});
async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  await fn(-1);
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = (performance.now() - t) / n;
  console.log(label.padEnd(50), ms.toFixed(2), 'ms/op');
}
const batch = (n: number) => Array.from({ length: n }, (_, i) => row(i));
await time('createMany 50 (no tx)', 20, () => db.transaction.createMany({ data: batch(50) }));
await time('createMany 50 in $transaction', 20, () => db.$transaction((tx) => tx.transaction.createMany({ data: batch(50) })));
await time('createMany 200 in $transaction', 10, () => db.$transaction((tx) => tx.transaction.createMany({ data: batch(200) })));
await time('createMany 1 in $transaction', 20, () => db.$transaction((tx) => tx.transaction.createMany({ data: batch(1) })));
await time('empty $transaction', 20, () => db.$transaction(async () => 1));
const cols = Object.keys(row(0));
const insertRaw = (rows: ReturnType<typeof row>[]) => {
  const values = rows.map((r) => Prisma.sql`(${randomUUID()}, ${Prisma.join(cols.map((c) => { const v = (r as Record<string, unknown>)[c]; return typeof v === 'object' && v !== null ? JSON.stringify(v) : v; }))}, CURRENT_TIMESTAMP)`);
  return Prisma.sql`INSERT INTO "Transaction" ("id", ${Prisma.join(cols.map((c) => Prisma.raw(`"${c}"`)))}, "updatedAt") VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING`;
};
await time('$executeRaw multi-row INSERT 50 in $transaction', 20, () => db.$transaction((tx) => tx.$executeRaw(insertRaw(batch(50)))));
const keys = batch(50).map((r) => r.dedupKey);
await time('findMany 50 keys', 20, () => db.transaction.findMany({ where: { accountId: acct.id, dedupKey: { in: keys } }, select: { id: true, dedupKey: true, status: true } }));
await time('bankAccount.findUnique', 50, () => db.bankAccount.findUnique({ where: { id: acct.id } }));
await database.drop();
