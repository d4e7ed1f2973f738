import type { DbTx } from '@app/db';
import { daysInRange } from '@app/domain';
import type { TransactionSnapshot } from '../transaction-snapshot';
import { absorbedJson } from './absorbed';

/** A pending item books the same day or a few days later. */
const maxBookingLagDays = 3;
const minSimilarity = 0.5;

function words(description: string): Set<string> {
  return new Set(
    description
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .filter((w) => w.length > 1 && !/^\d+$/.test(w)),
  );
}

/** Word overlap (Jaccard) of two bank descriptions, 0..1; numbers (branch, terminal) are ignored. */
export function descriptionSimilarity(a: string, b: string): number {
  if (a.trim().toUpperCase() === b.trim().toUpperCase()) return 1;
  const left = words(a);
  const right = words(b);
  const shared = [...left].filter((w) => right.has(w)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 0 : shared / all;
}

type Candidate = {
  id: string;
  bookingDate: string;
  amountMinor: number;
  currency: string;
  description: string;
};

/** 0..90: never certain, which is why a person decides. Same words and same day score highest. */
function confidenceOf(pending: TransactionSnapshot, booked: Candidate): number | null {
  if (booked.amountMinor !== pending.amountMinor || booked.currency !== pending.currency) return null;
  if (booked.bookingDate < pending.bookingDate) return null;
  const lag = daysInRange(pending.bookingDate, booked.bookingDate) - 1;
  if (lag > maxBookingLagDays) return null;
  const similarity = descriptionSimilarity(pending.description, booked.description);
  if (similarity < minSimilarity) return null;
  return Math.round(90 * (0.6 * similarity + 0.4 * (1 - lag / (maxBookingLagDays + 1))));
}

/**
 * Pending records that disappeared without a shared id may have booked as a booked record without ids. Such
 * a pair is never merged silently: the closest booked record this job brought in (same amount, a day or so
 * later, a similar description) goes to the job's review list beside the removed pending record. Returns how
 * many pairs were listed.
 */
export async function recordAmbiguousPairs(
  tx: DbTx,
  input: { jobId: string; accountId: string; removed: TransactionSnapshot[] },
): Promise<number> {
  if (input.removed.length === 0) return 0;
  const candidates = await tx.transaction.findMany({
    where: {
      accountId: input.accountId,
      importJobId: input.jobId,
      status: 'booked',
      dedupRule: 'fingerprint',
      amountMinor: { in: [...new Set(input.removed.map((r) => r.amountMinor))] },
    },
    select: { id: true, bookingDate: true, amountMinor: true, currency: true, description: true },
    orderBy: { id: 'asc' },
  });
  const listed = await tx.matchDecision.findMany({
    where: { jobId: input.jobId, kind: 'ambiguous' },
    select: { transactionId: true },
  });
  const claimed = new Set(listed.map((d) => d.transactionId));
  let pairs = 0;
  for (const pending of input.removed) {
    let best: { candidate: Candidate; confidence: number } | null = null;
    for (const candidate of candidates) {
      if (claimed.has(candidate.id)) continue;
      const confidence = confidenceOf(pending, candidate);
      if (confidence !== null && (best === null || confidence > best.confidence))
        best = { candidate, confidence };
    }
    if (!best) continue;
    claimed.add(best.candidate.id);
    await tx.matchDecision.create({
      data: {
        jobId: input.jobId,
        accountId: input.accountId,
        kind: 'ambiguous',
        rule: 'date_amount_description',
        confidence: best.confidence,
        transactionId: best.candidate.id,
        absorbed: absorbedJson({ snapshot: pending }),
        state: 'review',
      },
    });
    pairs += 1;
  }
  return pairs;
}
