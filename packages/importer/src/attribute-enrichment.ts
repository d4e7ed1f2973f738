import type { Db } from '@app/db';
import { readReceipt } from './receipt';

/** Splits `total` over weights by largest remainder, so the parts add up to the total exactly. */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/**
 * Writes each account's share of the job's enrichment (tokens and cost, by transactions enriched) onto its
 * receipt. A batch mixes accounts, so a share is the honest unit; the shares add up to the job's totals.
 */
export async function attributeEnrichment(db: Db, importJobId: string): Promise<void> {
  const jobs = await db.enrichmentJob.findMany({
    where: { importJobId },
    select: { tokensIn: true, tokensOut: true, costMicros: true, createdAt: true },
  });
  const totals = jobs.reduce(
    (t, j) => ({
      tokensIn: t.tokensIn + j.tokensIn,
      tokensOut: t.tokensOut + j.tokensOut,
      costMicros: t.costMicros + j.costMicros,
    }),
    {
      tokensIn: 0,
      tokensOut: 0,
      costMicros: 0,
    },
  );
  const rows = await db.importProgress.findMany({
    where: { jobId: importJobId },
    select: { id: true, accountId: true, receipt: true },
    orderBy: { id: 'asc' },
  });
  // A booked record updated in place may have been enriched by an earlier import: only this import's enrichment counts.
  const since = jobs.reduce<Date | null>(
    (earliest, j) => (earliest === null || j.createdAt < earliest ? j.createdAt : earliest),
    null,
  );
  const enriched = since
    ? await db.transaction.groupBy({
        by: ['accountId'],
        where: { importJobId, enrichedAt: { gte: since } },
        _count: { _all: true },
      })
    : [];
  const counts = new Map(enriched.map((e) => [e.accountId, e._count._all]));
  const weights = rows.map((r) => counts.get(r.accountId) ?? 0);
  const tokensIn = splitByWeight(totals.tokensIn, weights);
  const tokensOut = splitByWeight(totals.tokensOut, weights);
  const cost = splitByWeight(totals.costMicros, weights);
  for (const [i, row] of rows.entries()) {
    const enrichment = {
      transactions: weights[i] ?? 0,
      tokensIn: tokensIn[i] ?? 0,
      tokensOut: tokensOut[i] ?? 0,
      costMicros: cost[i] ?? 0,
    };
    await db.importProgress.update({
      where: { id: row.id },
      data: { receipt: { ...readReceipt(row.receipt), enrichment } },
    });
  }
}
