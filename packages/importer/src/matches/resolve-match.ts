import type { Db, DbTx } from '@app/db';
import { MatchNotFoundError, MatchStateError } from '../errors';
import { restoredRow } from '../transaction-snapshot';
import { AbsorbedSchema, absorbedJson, type Absorbed } from './absorbed';

type Decision = { id: string; accountId: string; transactionId: string; state: string; absorbed: Absorbed };

/** The user's decision, with its absorbed record read back (another user's is "not found"). */
async function requireDecision(tx: DbTx, userId: string, decisionId: string): Promise<Decision> {
  const row = await tx.matchDecision.findFirst({
    where: { id: decisionId, job: { userId } },
    select: { id: true, accountId: true, transactionId: true, state: true, absorbed: true },
  });
  if (!row) throw new MatchNotFoundError(decisionId);
  return { ...row, absorbed: AbsorbedSchema.parse(row.absorbed) };
}

/** Puts the absorbed record back as a record of its own, beside the one that absorbed it. */
async function restoreAbsorbed(tx: DbTx, decision: Decision): Promise<string> {
  const { snapshot } = decision.absorbed;
  // The import that first brought it in may have been deleted since.
  const jobKept =
    snapshot.importJobId !== null && (await tx.importJob.count({ where: { id: snapshot.importJobId } })) > 0;
  const row = await tx.transaction.create({
    data: {
      ...restoredRow(snapshot, decision.accountId, `u:${decision.id}`),
      importJobId: jobKept ? snapshot.importJobId : null,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Undoes a merge: both records exist again, the booked one as the bank now lists it and the pending one as it was
 * before the merge (its category and enrichment too). What a merge copied onto the survivor is put back.
 */
export async function undoMatch(db: Db, input: { userId: string; decisionId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const decision = await requireDecision(tx, input.userId, input.decisionId);
    if (decision.state !== 'merged')
      throw new MatchStateError(
        `This match is ${decision.state.replace('_', ' ')}: only a merge can be undone.`,
      );
    const restoredId = await restoreAbsorbed(tx, decision);
    const before = decision.absorbed.survivorBefore;
    if (before) await tx.transaction.updateMany({ where: { id: decision.transactionId }, data: before });
    await tx.matchDecision.update({
      where: { id: decision.id },
      data: { state: 'undone', undoneAt: input.now },
    });
    return {
      decisionId: decision.id,
      state: 'undone' as const,
      transactionIds: [decision.transactionId, restoredId],
    };
  });
}

/**
 * A person's answer to an ambiguous pair. `keep_both`: the pending record comes back beside the booked one.
 * `merge`: the booked record stays alone and takes the pending record's category and merchant where it has
 * none (what it had is kept in the decision, so the merge can be undone).
 */
export async function resolveMatch(
  db: Db,
  input: { userId: string; decisionId: string; choice: 'keep_both' | 'merge'; now: Date },
) {
  return db.$transaction(async (tx) => {
    const decision = await requireDecision(tx, input.userId, input.decisionId);
    if (decision.state !== 'review')
      throw new MatchStateError(`This pair was already ${decision.state.replace('_', ' ')}.`);
    if (input.choice === 'keep_both') {
      await restoreAbsorbed(tx, decision);
      await tx.matchDecision.update({
        where: { id: decision.id },
        data: { state: 'kept_both', resolvedAt: input.now },
      });
      return { decisionId: decision.id, state: 'kept_both' as const };
    }
    const survivor = await tx.transaction.findUnique({
      where: { id: decision.transactionId },
      select: { category: true, merchantName: true, enrichedAt: true, enrichedBy: true },
    });
    if (!survivor) throw new MatchStateError('The booked record of this pair no longer exists.');
    const pending = decision.absorbed.snapshot;
    await tx.transaction.update({
      where: { id: decision.transactionId },
      data: {
        category: survivor.category ?? pending.category,
        merchantName: survivor.merchantName ?? pending.merchantName,
        enrichedAt: survivor.enrichedAt ?? pending.enrichedAt,
        enrichedBy: survivor.enrichedBy ?? pending.enrichedBy,
      },
    });
    await tx.matchDecision.update({
      where: { id: decision.id },
      data: {
        state: 'merged',
        resolvedAt: input.now,
        absorbed: absorbedJson({ snapshot: pending, survivorBefore: survivor }),
      },
    });
    return { decisionId: decision.id, state: 'merged' as const };
  });
}
