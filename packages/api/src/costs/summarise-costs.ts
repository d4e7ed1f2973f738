import type { Db, Prisma } from '@app/db';
import { enrichmentJobSelect } from '../selects';

const dayMs = 86_400_000;

type Usage = { jobs: number; transactions: number; tokensIn: number; tokensOut: number; costMicros: number };
type EnrichmentJobRow = Prisma.EnrichmentJobGetPayload<{ select: typeof enrichmentJobSelect }>;

const noUsage = (): Usage => ({ jobs: 0, transactions: 0, tokensIn: 0, tokensOut: 0, costMicros: 0 });

function add(usage: Usage, job: EnrichmentJobRow): void {
  usage.jobs += 1;
  usage.transactions += job.successes + job.failures;
  usage.tokensIn += job.tokensIn;
  usage.tokensOut += job.tokensOut;
  usage.costMicros += job.costMicros;
}

/** Enrichment tokens and cost (micro-dollars) of the last `days` days: every day (zeros included, for charts) and every job. */
export async function summariseCosts(db: Db, userId: string, input: { days: number; now: Date }) {
  const today = input.now.toISOString().slice(0, 10);
  const firstDay = new Date(Date.parse(`${today}T00:00:00Z`) - (input.days - 1) * dayMs);
  const jobs = await db.enrichmentJob.findMany({
    where: { userId, createdAt: { gte: firstDay } },
    select: enrichmentJobSelect,
    orderBy: { createdAt: 'desc' },
  });
  const perDay = new Map<string, Usage>();
  for (let i = 0; i < input.days; i++)
    perDay.set(new Date(firstDay.getTime() + i * dayMs).toISOString().slice(0, 10), noUsage());
  const total = noUsage();
  for (const job of jobs) {
    const day = perDay.get(job.createdAt.toISOString().slice(0, 10));
    if (day) add(day, job);
    add(total, job);
  }
  return { days: [...perDay].map(([date, usage]) => ({ date, ...usage })), jobs, total };
}
