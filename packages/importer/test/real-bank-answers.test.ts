import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportJob } from '../src/index';
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
