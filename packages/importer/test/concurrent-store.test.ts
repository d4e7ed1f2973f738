import type { Prisma } from '@app/db';
import { testPostgresUrl } from '@app/db/testing';
import type { BankTransaction } from '@app/truelayer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignDedupKeys, type KeyedTransaction } from '../src/dedup-key';
import { ingestBatch, StoredMeanwhileError } from '../src/ingest-batch';
import { createHarness, daysAgo, type Harness } from '../src/testing';

// Two imports of one account at once on PostgreSQL: job B stores a payment as pending after job A read the table
// and before A inserts the booked copy. A must not count the booked copy as a duplicate and leave the pending one
// (the pending clean-up would then delete it): its batch fails with StoredMeanwhileError, which the commit retries,
// and the retry merges the booked copy into the pending record. SQLite runs one writer at a time: no such race.

function payment(status: 'pending' | 'booked', description: string): BankTransaction {
  return {
    transactionId: `tl-${status}`,
    normalisedProviderId: null,
    providerTransactionId: 'ptx-race',
    status,
    timestamp: '2026-11-20T00:00:00Z',
    bookingDate: '2026-11-20',
    amountMinor: -4_250,
    currency: 'GBP',
    direction: 'DEBIT',
    description,
    merchantName: null,
    payee: description,
    directionRule: 'transaction_type',
    category: 'PURCHASE',
    classification: [],
    runningBalanceMinor: null,
    meta: {
      providerCategory: null,
      counterparty: null,
      reference: null,
      providerMerchantName: null,
      entries: {},
    },
    raw: { transaction_id: `tl-${status}` },
  };
}

describe.skipIf(!testPostgresUrl)(
  `a booked payment stored while another job stores its pending copy${testPostgresUrl ? '' : ' (skipped: TEST_POSTGRES_URL is not set)'}`,
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({ provider: 'postgresql' });
    });
    afterAll(async () => h?.close());

    test('is not counted as a duplicate: the batch retries and merges it into the pending record', async () => {
      const { user, connection, accounts } = await h.connectUser('race@example.test');
      const account = accounts[0];
      if (!account) throw new Error('the sandbox user has no account');
      const { job } = await h.plan({
        userId: user.id,
        connectionId: connection.id,
        fromDate: daysAgo(10),
        toDate: daysAgo(0),
      });
      const [pending] = assignDedupKeys([payment('pending', 'CARD PAYMENT PENDING')]);
      const booked = assignDedupKeys([payment('booked', 'CARD PAYMENT')]);
      if (!pending) throw new Error('no pending item');
      const ingest = (tx: Prisma.TransactionClient, items: KeyedTransaction[]) =>
        ingestBatch(tx, { accountId: account.id, jobId: job.id, items, countFrom: 0, now: new Date() });

      // Job B inserts the pending copy and holds its transaction open.
      let commitB = () => {};
      let markInserted = () => {};
      const bInserted = new Promise<void>((resolve) => (markInserted = resolve));
      const jobB = h.db.$transaction(async (tx) => {
        await ingest(tx, [pending]);
        markInserted();
        await new Promise<void>((resolve) => (commitB = resolve));
      });
      await bInserted;

      // Job A reads (B's row is not visible yet), then its insert waits on B's uncommitted key.
      const jobA = h.db.$transaction((tx) => ingest(tx, booked));
      const outcomeA = jobA.then(
        () => 'stored',
        (error: unknown) => error,
      );
      await expect
        .poll(async () => {
          const [row] = await h.db.$queryRawUnsafe<{ waiting: bigint }[]>(
            `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return Number(row?.waiting ?? 0);
        })
        .toBe(1);
      commitB();
      await jobB;
      expect(await outcomeA).toBeInstanceOf(StoredMeanwhileError);
      // The retry sees B's pending record and merges the booked copy into it.
      const counts = await h.db.$transaction((tx) => ingest(tx, booked));
      expect(counts).toMatchObject({ fetched: 1, synced: 0, pendingReconciled: 1 });
      const stored = await h.db.transaction.findMany({
        where: { accountId: account.id, dedupKey: pending.dedupKey },
      });
      expect(stored.map((row) => [row.status, row.description])).toEqual([['booked', 'CARD PAYMENT']]);
      expect(
        await h.db.matchDecision.count({
          where: { transactionId: stored[0]?.id, kind: 'pending_to_booked' },
        }),
      ).toBe(1);
    });
  },
);
