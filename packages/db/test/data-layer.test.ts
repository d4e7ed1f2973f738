import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isUniqueViolation } from '../src/index';
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

    test('money comes back as the exact integer of minor units', async () => {
      const { account } = await seedAccount('money');
      const rows = transactionRows(account.id, 1).map((row) => ({ ...row, amountMinor: 30, dedupKey: 'p:money' }));
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
      const history = await t.db.importJob.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } });
      expect(history.map((j) => j.fromDate)).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
    });
  });
}
