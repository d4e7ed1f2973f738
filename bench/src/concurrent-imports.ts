import { performance } from 'node:perf_hooks';
import { createJobRunner, type Logger } from '@app/importer';
import type { JobStatus } from '@app/db';
import type { Benchmark } from './bench-result';
import { createBenchDatabase } from './bench-database';
import { createBenchHarness } from './bench-harness';
import { startRssSampler } from './rss-sampler';

/**
 * 5. Many jobs at once on the embedded mode: users each queue several overlapping imports of their default
 * accounts (a current account, a savings account, a card), and one job runner with the default concurrency
 * works through all of them. Overlapping jobs of one user race on the same new transactions.
 */
export const concurrentImports: Benchmark = {
  name: 'concurrent-imports',
  async run({ quick, log }) {
    const size = quick ? { users: 2, jobsPerUser: 5, days: 90 } : { users: 10, jobsPerUser: 10, days: 90 };
    let crashes = 0;
    const logger: Logger = {
      info() {},
      warn() {},
      error() {
        crashes += 1;
      },
    };
    const database = await createBenchDatabase('sqlite');
    const h = await createBenchHarness({ database, sandbox: {}, logger });
    try {
      const owners = [];
      for (let u = 0; u < size.users; u += 1) owners.push(await h.connectUser(`concurrent-${u}`));
      const statuses = new Map<string, JobStatus>();
      const runner = createJobRunner(h.deps, { onFinished: (jobId, status) => statuses.set(jobId, status) });

      const rss = await startRssSampler();
      const started = performance.now();
      const queued = await Promise.all(
        owners.flatMap((owner) =>
          Array.from({ length: size.jobsPerUser }, () => h.queueImport(owner, size.days, runner)),
        ),
      );
      await runner.idle();
      const wallMs = performance.now() - started;
      const memory = await rss.stop();

      const jobs = await h.db.importJob.findMany({
        where: { id: { in: queued } },
        select: { status: true, totalErrors: true, totalFetched: true, startedAt: true, finishedAt: true },
      });
      const completed = jobs.filter((job) => job.status === 'completed').length;
      const fetched = jobs.reduce((sum, job) => sum + job.totalFetched, 0);
      const accountErrors = jobs.reduce((sum, job) => sum + job.totalErrors, 0);
      const jobTimeMs = jobs.reduce(
        (sum, job) => sum + ((job.finishedAt?.getTime() ?? 0) - (job.startedAt?.getTime() ?? 0)),
        0,
      );
      log(
        `concurrent-imports: ${completed}/${queued.length} completed in ${Math.round(wallMs)} ms, ${accountErrors} account errors, ${crashes} crashes`,
      );
      return [
        {
          name: 'concurrent-imports',
          title: '5. Concurrent imports (embedded runner)',
          params: {
            jobs: queued.length,
            users: size.users,
            days: size.days,
            jobConcurrency: h.deps.config.jobConcurrency,
            workersPerJob: h.deps.config.workers,
            fetched,
          },
          figures: [
            {
              name: 'jobs completed',
              value: completed,
              unit: 'jobs',
              baseline: { name: 'jobs queued', value: queued.length, unit: 'jobs' },
              ratio: { name: 'completed / queued', value: completed / queued.length },
            },
            {
              name: 'wall time, all jobs',
              value: wallMs,
              unit: 'ms',
              baseline: { name: "sum of the jobs' own run times", value: jobTimeMs, unit: 'ms' },
              ratio: { name: 'jobs in flight on average = sum / wall', value: jobTimeMs / wallMs },
            },
            { name: 'throughput', value: fetched / (wallMs / 1000), unit: 'tx/s' },
            {
              name: 'peak RSS',
              value: memory.peakMiB,
              unit: 'MiB',
              baseline: { name: 'RSS before', value: memory.baselineMiB, unit: 'MiB' },
            },
          ],
          errors:
            queued.length - completed + accountErrors + crashes + (statuses.size === queued.length ? 0 : 1),
          notes: [],
        },
      ];
    } finally {
      await h.close();
      await database.drop();
    }
  },
};
