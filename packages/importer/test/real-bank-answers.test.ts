import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArchivedTransactions } from '@app/truelayer';
import { readCapabilities } from '../src/capabilities';
import { readReceipt, runImportJob } from '../src/index';
import { createHarness, daysAgo, type Harness } from '../src/testing';

// Issue #16: what the importer keeps of real TrueLayer answers, and how it treats what a bank does not offer.

async function importRange(h: Harness, who: Awaited<ReturnType<Harness['connectUser']>>, days: number) {
  const { job } = await h.plan({
    userId: who.user.id,
    connectionId: who.connection.id,
    fromDate: daysAgo(days),
    toDate: daysAgo(0),
  });
  await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
  const status = await runImportJob(h.deps, job.id);
  return {
    status,
    job: await h.db.importJob.findUniqueOrThrow({ where: { id: job.id }, include: { progress: true } }),
  };
}

describe('the stored row keeps what the bank told us', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('payee, the direction rule and the provider meta are stored with every row, not only in the archive', async () => {
    const who = await h.connectUser('meta@example.test', 'john');
    const { status } = await importRange(h, who, 60);
    expect(status).toBe('completed');
    const current = who.accounts.find((a) => a.accountType === 'TRANSACTION');
    if (!current) throw new Error('the sandbox user has no current account');
    const rows = await h.db.transaction.findMany({
      where: { accountId: current.id, status: 'booked' },
      select: {
        payee: true,
        merchantName: true,
        description: true,
        directionRule: true,
        providerMeta: true,
        raw: true,
      },
    });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const raw = row.raw as { meta?: Record<string, string>; merchant_name?: string };
      expect(row.payee).toBe(raw.merchant_name ?? raw.meta?.provider_merchant_name ?? row.description);
      expect(row.directionRule).toBe('transaction_type');
      expect(row.providerMeta).toMatchObject({
        providerCategory: raw.meta?.provider_transaction_category ?? null,
        reference: raw.meta?.provider_reference ?? null,
        entries: raw.meta ?? {},
      });
    }
  });
});

describe('what a bank does not offer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('an account whose history the bank does not offer (501) completes, its zero explained, not an error', async () => {
    const who = await h.connectUser('no-history@example.test', 'nohist');
    const savings = who.accounts.find((a) => a.accountType === 'SAVINGS');
    if (!savings) throw new Error('the sandbox user has no savings account');
    h.bank.setFaults({
      failingAccounts: { [savings.providerAccountId]: { status: 501, error: 'endpoint_not_supported' } },
    });
    try {
      const { status, job } = await importRange(h, who, 30);
      expect(status).toBe('completed');
      const row = job.progress.find((p) => p.accountId === savings.id);
      expect(row).toMatchObject({ status: 'completed', errors: 0, errorCode: null });
      expect(readReceipt(row?.receipt)).toMatchObject({
        fetched: 0,
        notOffered: ['transactions'],
        zeroReason: 'not_offered_by_bank',
      });
      const { capabilities } = await h.db.bankConnection.findUniqueOrThrow({
        where: { id: who.connection.id },
      });
      expect(readCapabilities(capabilities).transactions).toBe('no');
    } finally {
      h.bank.setFaults({ failingAccounts: {} });
    }
  });
});

describe('ids that change when a pending payment books', () => {
  const DAY = 86_400_000;
  let clock = new Date(Date.now() - 4 * DAY);
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ sandbox: { now: () => clock } });
  });
  afterAll(async () => h?.close());

  test('the booked payment replaces its pending self without a shared id: no duplicate, no gap', async () => {
    const who = await h.connectUser('ids@example.test', 'ids', 'changing-ids');
    const current = who.accounts.find((a) => a.accountType === 'TRANSACTION');
    if (!current) throw new Error('the sandbox user has no current account');
    const bankDay = (d: Date) => d.toISOString().slice(0, 10);
    const plan = async (fromDate: string, toDate: string) => {
      const { job } = await h.plan({
        userId: who.user.id,
        connectionId: who.connection.id,
        fromDate,
        toDate,
      });
      await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
      expect(await runImportJob(h.deps, job.id)).toBe('completed');
    };

    // Four days ago: history plus the pending items of those days, under their pending ids.
    await plan(daysAgo(30), bankDay(clock));
    const pendingBefore = await h.db.transaction.findMany({
      where: { accountId: current.id, status: 'pending' },
      select: { normalisedProviderId: true, providerId: true, description: true, amountMinor: true },
    });
    expect(pendingBefore.length).toBeGreaterThan(0);

    // Today: they have booked under other ids.
    clock = new Date();
    await plan(daysAgo(10), daysAgo(0));
    const booked = parseArchivedTransactions(
      h.bank.expectedTransactions(
        'ids',
        current.providerAccountId,
        { from: daysAgo(30), to: daysAgo(0) },
        'changing-ids',
      ),
      'booked',
    );
    const bookedIds = new Set(booked.map((b) => b.normalisedProviderId).filter(Boolean));
    expect(
      pendingBefore.every((p) => p.normalisedProviderId === null || !bookedIds.has(p.normalisedProviderId)),
    ).toBe(true);
    const stored = await h.db.transaction.findMany({
      where: { accountId: current.id, status: 'booked' },
      select: { bookingDate: true, amountMinor: true, description: true },
    });
    const key = (r: { bookingDate: string; amountMinor: number; description: string }) =>
      `${r.bookingDate}|${r.amountMinor}|${r.description}`;
    expect(stored.map(key).toSorted()).toEqual(booked.map(key).toSorted());
    // None of the earlier pending rows is left beside its booked self.
    const pendingNow = await h.db.transaction.findMany({
      where: { accountId: current.id, status: 'pending' },
      select: { normalisedProviderId: true, providerId: true },
    });
    for (const p of pendingBefore)
      expect(
        pendingNow.some(
          (n) => n.normalisedProviderId === p.normalisedProviderId && n.providerId === p.providerId,
        ),
      ).toBe(false);
  });
});
