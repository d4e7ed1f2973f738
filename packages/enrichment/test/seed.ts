import type { Db } from '@app/db';

export type SeedTransaction = {
  description: string;
  direction?: 'DEBIT' | 'CREDIT';
  merchantName?: string | null;
  providerCategory?: string;
};

/** A user with one connection, one account and an import job: what an import leaves behind. */
export async function seedUser(db: Db, name: string) {
  const user = await db.user.create({ data: { email: `${name}@example.test`, passwordHash: 'x' } });
  const connection = await db.bankConnection.create({
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
  const account = await db.bankAccount.create({
    data: {
      connectionId: connection.id,
      kind: 'account',
      providerAccountId: `acc-${name}`,
      accountType: 'TRANSACTION',
      displayName: 'Current',
      currency: 'GBP',
    },
  });
  return { user, connection, account };
}

export async function seedImport(
  db: Db,
  owner: { userId: string; connectionId: string; accountId: string },
  rows: SeedTransaction[],
) {
  const importJob = await db.importJob.create({
    data: {
      userId: owner.userId,
      connectionId: owner.connectionId,
      jobType: 'date_range',
      status: 'completed',
      fromDate: '2026-01-01',
      toDate: '2026-01-31',
    },
  });
  await db.transaction.createMany({
    data: rows.map((row, i) => {
      const direction = row.direction ?? 'DEBIT';
      const key = `${importJob.id}-${String(i).padStart(4, '0')}`;
      return {
        accountId: owner.accountId,
        importJobId: importJob.id,
        dedupKey: `p:${key}`,
        dedupRule: 'provider',
        providerTransactionId: `tl-${key}`,
        providerId: key,
        status: 'booked' as const,
        bookingDate: '2026-01-02',
        bankTimestamp: '2026-01-02T00:00:00Z',
        amountMinor: direction === 'DEBIT' ? -1000 - i : 1000 + i,
        currency: 'GBP',
        direction,
        description: row.description,
        merchantName: row.merchantName ?? null,
        providerCategory: row.providerCategory ?? 'PURCHASE',
        providerClassification: [],
        raw: {},
      };
    }),
  });
  const transactions = await db.transaction.findMany({
    where: { importJobId: importJob.id },
    orderBy: { providerId: 'asc' },
  });
  return { importJob, transactions };
}
