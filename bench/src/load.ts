import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { performance } from 'node:perf_hooks';
import { startEmbeddedStack } from './embedded-stack';

export type LoadResult = {
  imports: number;
  completed: number;
  subscribers: number;
  /** Times every WebSocket was dropped by the server mid-run (subscribers reconnect and resume). */
  drops: number;
  /** Event ids a subscriber never received, and ones it received twice. */
  lostEvents: number;
  repeatedEvents: number;
  failedSubscriptions: number;
  /** Booked transactions the bank has in the range that were not stored, and stored ones it does not have. */
  lostTransactions: number;
  unexpectedTransactions: number;
  bankRequests: number;
  faultedRequests: number;
  /** The bank's answers by status (`reset`, `timeout`, `aborted` when none went out), and why accounts failed. */
  bankStatuses: Record<string, number>;
  accountErrors: Record<string, number>;
  wallMs: number;
};

type Subscription = { jobId: string; ids: number[]; done: boolean; failed: boolean };

/**
 * The load run: `imports` users each import `days` days from a bank that fails 5 % of its data requests (500s, 429s,
 * resets, cut bodies, stalls) while `subscribers` WebSocket subscriptions follow them and every socket is dropped by
 * the server mid-run. Every import must complete with every booked transaction of the bank, and every subscriber must
 * see every event id of its job exactly once.
 */
export async function runLoad(options: {
  quick: boolean;
  log?: (message: string) => void;
}): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const size = options.quick
    ? { imports: 10, perJob: 6, days: 120, drops: 1 }
    : { imports: 50, perJob: 10, days: 120, drops: 2 };
  const stack = await startEmbeddedStack({ seed: 13, jobConcurrency: size.imports });
  const { bank, database, server } = stack;

  try {
    const today = todayIn(londonTimeZone, new Date());
    const range = { fromDate: addDays(today, -size.days), toDate: today };
    const owners = await Promise.all(
      Array.from({ length: size.imports }, async (_, i) => {
        const { api, connectionId } = await stack.connectUser(`load-${i}@bench.test`, 'load-password');
        const { jobId } = await api.importPlan.mutate({ connectionId, ...range });
        return { api, jobId, connectionId };
      }),
    );
    log(`load: ${owners.length} users connected, ${owners.length * size.perJob} subscribers starting`);

    // listen first, then start: every subscriber sees its job from event 1
    const subscriptions: Subscription[] = [];
    let received = 0;
    let drops = 0;
    const dropAt = Array.from(
      { length: size.drops },
      (_, i) => owners.length * size.perJob * 4 * (i * 3 + 1),
    );
    let settle: () => void = () => {};
    const allSettled = new Promise<void>((resolve) => (settle = resolve));
    const settleIfDone = () => {
      if (subscriptions.every((s) => s.done)) settle();
    };
    for (const owner of owners) {
      for (let s = 0; s < size.perJob; s += 1) {
        const subscription: Subscription = { jobId: owner.jobId, ids: [], done: false, failed: false };
        subscriptions.push(subscription);
        owner.api.importStatus.subscribe(
          { jobId: owner.jobId },
          {
            onData: ({ id }) => {
              subscription.ids.push(Number(id));
              received += 1;
              if (drops < dropAt.length && received >= (dropAt[drops] ?? Infinity)) {
                drops += 1;
                server.terminateWebSockets();
              }
            },
            onComplete: () => {
              subscription.done = true;
              settleIfDone();
            },
            onError: () => {
              subscription.done = true;
              subscription.failed = true;
              settleIfDone();
            },
          },
        );
      }
    }

    bank.resetStats();
    bank.setFaults({
      rate5xx: 0.01,
      rate429: 0.01,
      retryAfterSeconds: 1,
      rateReset: 0.01,
      rateMalformed: 0.01,
      rateTimeout: 0.01,
      timeoutMs: 60_000,
    });
    const started = performance.now();
    await Promise.all(owners.map((owner) => owner.api.importStart.mutate({ jobId: owner.jobId })));
    const limitMs = options.quick ? 120_000 : 600_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      allSettled,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the load run did not finish within ${limitMs / 1000} s`)),
          limitMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    const wallMs = performance.now() - started;
    bank.setFaults({ rate5xx: 0, rate429: 0, rateReset: 0, rateMalformed: 0, rateTimeout: 0 });

    const jobs = await database.db.importJob.findMany({
      where: { id: { in: owners.map((o) => o.jobId) } },
      select: { id: true, status: true, lastEventSeq: true },
    });
    const lastSeq = new Map(jobs.map((job) => [job.id, job.lastEventSeq]));
    let lostEvents = 0;
    let repeatedEvents = 0;
    for (const s of subscriptions) {
      const unique = new Set(s.ids);
      repeatedEvents += s.ids.length - unique.size;
      for (let seq = 1; seq <= (lastSeq.get(s.jobId) ?? 0); seq += 1) if (!unique.has(seq)) lostEvents += 1;
    }

    let lostTransactions = 0;
    let unexpectedTransactions = 0;
    for (const owner of owners) {
      const accounts = await database.db.bankAccount.findMany({
        where: { connectionId: owner.connectionId },
        select: { id: true, providerAccountId: true },
      });
      for (const account of accounts) {
        const expected = bank.expectedTransactions('john', account.providerAccountId, {
          from: range.fromDate,
          to: range.toDate,
        }).length;
        const stored = await database.db.transaction.count({
          where: { accountId: account.id, status: 'booked' },
        });
        lostTransactions += Math.max(0, expected - stored);
        unexpectedTransactions += Math.max(0, stored - expected);
      }
    }
    const failures = await database.db.importProgress.findMany({
      where: { jobId: { in: owners.map((o) => o.jobId) }, status: 'failed' },
      select: { errorCode: true },
    });
    const accountErrors: Record<string, number> = {};
    for (const { errorCode } of failures)
      accountErrors[errorCode ?? '?'] = (accountErrors[errorCode ?? '?'] ?? 0) + 1;
    const stats = bank.stats();
    const faultedRequests = Object.entries(stats.byStatus)
      .filter(([status]) => status !== '200')
      .reduce((sum, [, count]) => sum + count, 0);
    const result: LoadResult = {
      imports: owners.length,
      completed: jobs.filter((job) => job.status === 'completed').length,
      subscribers: subscriptions.length,
      drops,
      lostEvents,
      repeatedEvents,
      failedSubscriptions: subscriptions.filter((s) => s.failed).length,
      lostTransactions,
      unexpectedTransactions,
      bankRequests: stats.total,
      faultedRequests,
      bankStatuses: stats.byStatus,
      accountErrors,
      wallMs: Math.round(wallMs),
    };
    log(`load: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await stack.close();
  }
}
