import { PROFILE_NAMES, PROVIDER_PROFILES, type ProfileName } from '@app/sandbox';
import { parseArchivedTransactions } from '@app/truelayer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCapabilities } from '../src/capabilities';
import { readReceipt, runImportJob } from '../src/index';
import { createHarness, daysAgo, type Harness } from '../src/testing';

// Issue #16: an import against every sandbox provider profile stores exactly the rows the bank holds, and every
// zero on its receipts is explained. A cards-only bank connects and imports.

const sorted = (rows: string[]) => rows.toSorted();

describe.each(PROFILE_NAMES)('an import from a bank behaving as "%s"', (profile: ProfileName) => {
  const { quirks } = PROVIDER_PROFILES[profile];
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('connects, imports exactly what the bank holds, and explains every zero', async () => {
    const user = `p-${profile}`;
    const who = await h.connectUser(`${profile}@example.test`, user, profile);
    const kinds = new Set(who.accounts.map((a) => a.kind));
    expect(kinds.has('card')).toBe(!('noCards' in quirks && quirks.noCards));
    expect(kinds.has('account')).toBe(!('noAccounts' in quirks && quirks.noAccounts));

    const range = { fromDate: daysAgo(60), toDate: daysAgo(0) };
    const { job } = await h.plan({ userId: who.user.id, connectionId: who.connection.id, ...range });
    await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
    expect(await runImportJob(h.deps, job.id)).toBe('completed');

    const progress = await h.db.importProgress.findMany({ where: { jobId: job.id } });
    for (const account of who.accounts) {
      const expected = parseArchivedTransactions(
        h.bank.expectedTransactions(
          user,
          account.providerAccountId,
          { from: range.fromDate, to: range.toDate },
          profile,
        ),
        'booked',
      );
      const stored = await h.db.transaction.findMany({
        where: { accountId: account.id, status: 'booked' },
        select: {
          bookingDate: true,
          amountMinor: true,
          description: true,
          direction: true,
          directionRule: true,
        },
      });
      const key = (r: { bookingDate: string; amountMinor: number; description: string; direction: string }) =>
        `${r.bookingDate}|${r.amountMinor}|${r.direction}|${r.description}`;
      expect(sorted(stored.map(key))).toEqual(sorted(expected.map(key)));
      const typeless = account.kind === 'card' && 'typelessCards' in quirks && quirks.typelessCards;
      expect(new Set(stored.map((r) => r.directionRule))).toEqual(
        new Set([typeless ? 'amount_sign' : 'transaction_type']),
      );

      const row = progress.find((p) => p.accountId === account.id);
      expect(row?.status).toBe('completed');
      const receipt = readReceipt(row?.receipt);
      if (receipt.new === 0) expect(receipt.zeroReason).not.toBeNull();
      if ('noPending' in quirks && quirks.noPending) {
        expect(receipt.notOffered).toContain('pending');
        expect(await h.db.transaction.count({ where: { accountId: account.id, status: 'pending' } })).toBe(0);
      } else {
        expect(receipt.notOffered).toEqual([]);
      }
      expect(receipt.directionBySign).toBe(typeless ? receipt.fetched : 0);
    }

    const { capabilities } = await h.db.bankConnection.findUniqueOrThrow({
      where: { id: who.connection.id },
    });
    expect(readCapabilities(capabilities)).toMatchObject({
      accounts: 'noAccounts' in quirks && quirks.noAccounts ? 'no' : 'yes',
      cards: 'yes',
      pending: 'noPending' in quirks && quirks.noPending ? 'no' : 'yes',
    });
  });
});
