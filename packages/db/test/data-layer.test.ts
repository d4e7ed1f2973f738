import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  findStoredTransactions,
  insertTransactions,
  isUniqueViolation,
  type NewTransactionRow,
} from '../src/index';
import { createTestDatabase, testProviders, type TestDatabase } from '../src/testing';

for (const { provider, skip, reason } of testProviders) {
  describe.skipIf(skip)(`the data layer on ${provider}${skip ? ` (skipped: ${reason})` : ''}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(provider);
    });
    afterAll(async () => t?.drop());

    async function seedAccount(suffix: string) {
      const user = await t.db.user.create({ data: { email: `u-${suffix}@example.test`, passwordHash: 'x' } });
      const connection = await t.db.bankConnection.create({
        data: {
          userId: user.id,
          providerId: 'mock',
          providerName: 'Mock Bank',
          accessTokenEnc: 'enc',
          accessTokenExpiresAt: new Date(),
          consentGrantedAt: new Date(),
          consentExpiresAt: new Date(Date.now() + 90 * 86_400_000),
        },
      });
      const account = await t.db.bankAccount.create({
        data: {
          connectionId: connection.id,
          kind: 'account',
          providerAccountId: `acc-${suffix}`,
          accountType: 'TRANSACTION',
          displayName: 'Current',
          currency: 'GBP',
        },
      });
      return { user, connection, account };
    }

    function transactionRows(accountId: string, count: number) {
      return Array.from({ length: count }, (_, i) => ({
        accountId,
        dedupKey: `p:tx-${i}`,
        dedupRule: 'provider',
        providerTransactionId: `tl-${i}`,
        providerId: `tx-${i}`,
        status: 'booked' as const,
        bookingDate: '2026-01-02',
        bankTimestamp: '2026-01-02T00:00:00Z',
        amountMinor: -1234 - i,
        currency: 'GBP',
        direction: 'DEBIT',
        description: `SHOP ${i}`,
        providerCategory: 'PURCHASE',
        providerClassification: [],
        raw: { transaction_id: `tl-${i}` },
      }));
    }

    test('an import job with per-account progress is stored and read back by job', async () => {
      const { user, connection, account } = await seedAccount('job');
      const job = await t.db.importJob.create({
        data: {
          userId: user.id,
          connectionId: connection.id,
          jobType: 'date_range',
          fromDate: '2026-01-01',
          toDate: '2026-01-31',
          batchSize: 50,
          progress: { create: [{ accountId: account.id, estimatedTransactions: 40 }] },
        },
        include: { progress: true },
      });
      expect(job.status).toBe('planned');
      expect(job.progress).toHaveLength(1);
      expect(job.progress[0]?.status).toBe('pending');

      await t.db.importProgress.update({
        where: { jobId_accountId: { jobId: job.id, accountId: account.id } },
        data: { status: 'completed', synced: 40, windowsDone: 1 },
      });
      const progress = await t.db.importProgress.findMany({ where: { jobId: job.id } });
      expect(progress.map((p) => [p.status, p.synced, p.windowsDone])).toEqual([['completed', 40, 1]]);
    });

    test('inserting the same transactions twice stores them once', async () => {
      const { account } = await seedAccount('dup');
      const rows = transactionRows(account.id, 25);
      await t.db.transaction.createMany({ data: rows });

      const second = await t.db.transaction.createMany({ data: rows }).catch((error: unknown) => error);
      expect(isUniqueViolation(second)).toBe(true);
      expect(await t.db.transaction.count({ where: { accountId: account.id } })).toBe(25);
    });

    function newRows(accountId: string, count: number, prefix: string): NewTransactionRow[] {
      return transactionRows(accountId, count).map((row) => ({
        ...row,
        dedupKey: `${prefix}:${row.dedupKey}`,
        normalisedProviderId: null,
        merchantName: row.description.startsWith('SHOP 1') ? 'Shop One' : null,
        providerClassification: ['Shopping', 'General'],
        raw: { transaction_id: row.providerTransactionId, meta: { note: 'it\'s "quoted"' } },
        importJobId: null,
        // Issue #16's columns round-trip too: a null meta stays SQL NULL, an object comes back as written.
        payee: row.description,
        directionRule: row.description.endsWith('1') ? 'amount_sign' : 'transaction_type',
        providerMeta: row.description.endsWith('0') ? null : { reference: 'R "1"', entries: { note: 'x' } },
      }));
    }

    test('the SQL batch insert stores rows that read back through Prisma exactly as written', async () => {
      const { account } = await seedAccount('sql-insert');
      const rows = newRows(account.id, 3, 'sql');
      const now = new Date('2026-03-04T05:06:07.089Z');
      const inserted = await t.db.$transaction((tx) => insertTransactions(tx, rows, now));
      expect([...inserted].sort()).toEqual(rows.map((row) => row.dedupKey).sort());

      const stored = await t.db.transaction.findMany({
        where: { accountId: account.id },
        orderBy: { providerTransactionId: 'asc' },
      });
      expect(stored.map(({ id: _id, category: _c, enrichedAt: _e, enrichedBy: _b, ...row }) => row)).toEqual(
        rows.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
      );
      expect(new Set(stored.map((row) => row.id)).size).toBe(3);
    });

    test('the SQL batch insert skips keys already stored and returns only the ones it inserted', async () => {
      const { account } = await seedAccount('sql-conflict');
      const rows = newRows(account.id, 1_205, 'conflict'); // two statements: 1,000 rows and 205
      await t.db.$transaction((tx) => insertTransactions(tx, rows.slice(990, 1_010), new Date()));

      const inserted = await t.db.$transaction((tx) => insertTransactions(tx, rows, new Date()));
      expect(inserted.size).toBe(1_185);
      expect(inserted.has(`conflict:p:tx-1000`)).toBe(false);
      expect(inserted.has(`conflict:p:tx-1010`)).toBe(true);
      expect(await t.db.transaction.count({ where: { accountId: account.id } })).toBe(1_205);
    });

    test('stored transactions are found by dedup key within their account only', async () => {
      const { account } = await seedAccount('sql-find');
      const other = await seedAccount('sql-find-other');
      const rows = newRows(account.id, 4, 'find');
      await t.db.$transaction(async (tx) => {
        await insertTransactions(tx, rows, new Date());
        await insertTransactions(tx, newRows(other.account.id, 4, 'find'), new Date());
      });
      const wanted = rows.filter((_, i) => i === 0 || i === 2);
      const found = await findStoredTransactions(t.db, account.id, [
        ...wanted.map((row) => row.dedupKey),
        'p:missing',
      ]);
      expect(found.sort((a, b) => a.dedupKey.localeCompare(b.dedupKey))).toEqual(
        wanted.map((row) => ({
          id: expect.any(String),
          dedupKey: row.dedupKey,
          status: 'booked',
          bookingDate: row.bookingDate,
          amountMinor: row.amountMinor,
          description: row.description,
          merchantName: row.merchantName,
        })),
      );
      expect(await findStoredTransactions(t.db, account.id, [])).toEqual([]);
    });

    test('money comes back as the exact integer of minor units', async () => {
      const { account } = await seedAccount('money');
      const rows = transactionRows(account.id, 1).map((row) => ({
        ...row,
        amountMinor: 30,
        dedupKey: 'p:money',
      }));
      await t.db.transaction.createMany({ data: rows });
      const stored = await t.db.transaction.findUniqueOrThrow({
        where: { accountId_dedupKey: { accountId: account.id, dedupKey: 'p:money' } },
      });
      expect(stored.amountMinor).toBe(30);
      expect(stored.bookingDate).toBe('2026-01-02');
    });

    test('history by user lists the newest job first', async () => {
      const { user, connection } = await seedAccount('history');
      for (const day of ['01', '02', '03']) {
        await t.db.importJob.create({
          data: {
            userId: user.id,
            connectionId: connection.id,
            jobType: 'date_range',
            fromDate: `2026-01-${day}`,
            toDate: `2026-01-${day}`,
            createdAt: new Date(`2026-01-${day}T12:00:00Z`),
          },
        });
      }
      const history = await t.db.importJob.findMany({
        where: { userId: user.id },
        orderBy: { createdAt: 'desc' },
      });
      expect(history.map((j) => j.fromDate)).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
    });
  });
}
