import type { Db } from '@app/db';
import { parseArchivedTransactions, type TrueLayerDataClient } from '@app/truelayer';
import { ArchiveMissingError } from './errors';
import { unpackRawItems } from './raw-archive';

/**
 * A data client that answers from a finished job's raw archive instead of the bank: a replay runs the same sync
 * code, with zero bank calls. It knows transactions only; anything else was never archived.
 */
export function createArchiveClient(
  db: Db,
  input: { sourceJobId: string; connectionId: string },
): TrueLayerDataClient {
  const accountIds = db.bankAccount
    .findMany({ where: { connectionId: input.connectionId }, select: { id: true, providerAccountId: true } })
    .then((rows) => new Map(rows.map((r) => [r.providerAccountId, r.id])));

  async function read(
    providerAccountId: string,
    where: { endpoint: 'transactions'; fromDate: string; toDate: string } | { endpoint: 'pending' },
  ) {
    const accountId = (await accountIds).get(providerAccountId);
    const row = accountId
      ? await db.rawResponse.findFirst({
          where: { jobId: input.sourceJobId, accountId, ...where },
          select: { bodyGzip: true },
        })
      : null;
    if (!row) {
      throw new ArchiveMissingError(
        'The bank’s responses for this account were not kept (the retention period ended, or the original import never fetched them): run a new import instead.',
      );
    }
    return unpackRawItems(row.bodyGzip);
  }

  const notArchived = async (): Promise<never> => {
    throw new ArchiveMissingError('A replay reads archived transactions only.');
  };
  return {
    me: notArchived,
    accounts: notArchived,
    cards: notArchived,
    balance: notArchived,
    transactions: async (_kind, providerAccountId, range) =>
      parseArchivedTransactions(
        await read(providerAccountId, { endpoint: 'transactions', fromDate: range.from, toDate: range.to }),
        'booked',
      ),
    pendingTransactions: async (_kind, providerAccountId) =>
      parseArchivedTransactions(await read(providerAccountId, { endpoint: 'pending' }), 'pending'),
    accountsIfOffered: notArchived,
    cardsIfOffered: notArchived,
    balanceIfOffered: notArchived,
    // A replay only asks for pending lists the source job fetched (archiveHasPending).
    pendingIfOffered: async (_kind, providerAccountId) =>
      parseArchivedTransactions(await read(providerAccountId, { endpoint: 'pending' }), 'pending'),
  };
}

/** Whether the source job fetched pending lists (a replay then replaces the pending set as it did). */
export async function archiveHasPending(db: Db, sourceJobId: string): Promise<boolean> {
  return (await db.rawResponse.count({ where: { jobId: sourceJobId, endpoint: 'pending' } })) > 0;
}
