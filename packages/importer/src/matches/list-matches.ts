import type { Db, Prisma } from '@app/db';
import { AbsorbedSchema, MatchKindSchema, MatchStateSchema } from './absorbed';

const recordSelect = {
  id: true,
  status: true,
  bookingDate: true,
  amountMinor: true,
  currency: true,
  description: true,
} satisfies Prisma.TransactionSelect;
type MatchRecord = Prisma.TransactionGetPayload<{ select: typeof recordSelect }>;

/** A job's match decisions as its page shows them: both records of each pair, side by side. */
export async function listJobMatches(db: Db, jobId: string) {
  const rows = await db.matchDecision.findMany({
    where: { jobId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const survivors = await db.transaction.findMany({
    where: { id: { in: rows.map((r) => r.transactionId) } },
    select: recordSelect,
  });
  const byId = new Map(survivors.map((s) => [s.id, s]));
  return rows.map((row) => {
    const absorbed = AbsorbedSchema.safeParse(row.absorbed);
    const snapshot = absorbed.success ? absorbed.data.snapshot : null;
    const absorbedRecord: MatchRecord | null = snapshot
      ? {
          id: snapshot.id,
          status: snapshot.status,
          bookingDate: snapshot.bookingDate,
          amountMinor: snapshot.amountMinor,
          currency: snapshot.currency,
          description: snapshot.description,
        }
      : null;
    return {
      id: row.id,
      accountId: row.accountId,
      kind: MatchKindSchema.catch('pending_to_booked').parse(row.kind),
      rule: row.rule,
      confidence: row.confidence,
      state: MatchStateSchema.catch('merged').parse(row.state),
      createdAt: row.createdAt,
      resolvedAt: row.resolvedAt,
      undoneAt: row.undoneAt,
      survivor: byId.get(row.transactionId) ?? null,
      absorbed: absorbedRecord,
    };
  });
}
