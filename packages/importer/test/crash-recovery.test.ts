import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportJob, type ImportObserver } from '../src/index';
import { createHarness, daysAgo, storedTransactions, testTokenKey, type Harness } from '../src/testing';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs the job in a child process that SIGKILLs itself right after its `killAtBatch`-th committed batch. */
function runChildUntilKilled(h: Harness, jobId: string, killAtBatch: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/run-job-child.ts')], {
      cwd: path.join(here, '..'),
      env: {
        ...process.env,
        DATABASE_URL: h.database.url,
        JOB_ID: jobId,
        SANDBOX_AUTH_URL: h.bank.authUrl,
        SANDBOX_API_URL: h.bank.apiUrl,
        SANDBOX_CLIENT_ID: h.bank.clientId,
        SANDBOX_CLIENT_SECRET: h.bank.clientSecret,
        TOKEN_KEY: testTokenKey,
        WORKERS: '3',
        KILL_AT_BATCH: String(killAtBatch),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? 'killed' : 'finished'));
  });
}

/** Counts the committed batches of a run (the same data always commits in the same number of batches). */
function batchCounter(): ImportObserver & { batches: number } {
  return {
    batches: 0,
    bankCall: () => undefined,
    batchIngested() {
      this.batches += 1;
    },
    accountSynced: () => undefined,
    runEnded: () => undefined,
  };
}

describe('when the process running an import is killed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ sandbox: { latency: { fixedMs: 15, jitterMs: 10 } } });
  });
  afterAll(async () => h?.close());

  test('the restarted job ends with exactly the data and counts of an uninterrupted run', async () => {
    const range = { fromDate: daysAgo(365), toDate: daysAgo(0), batchSize: 20 };
    const reference = await h.connectUser('reference@example.test', 'john9');
    const refPlan = await h.plan({
      userId: reference.user.id,
      connectionId: reference.connection.id,
      ...range,
    });
    await h.db.importJob.update({ where: { id: refPlan.job.id }, data: { status: 'queued' } });
    const counter = batchCounter();
    await runImportJob({ ...h.deps, observer: counter }, refPlan.job.id);
    expect(counter.batches).toBeGreaterThan(20);
    const expectedJob = await h.db.importJob.findUniqueOrThrow({ where: { id: refPlan.job.id } });
    const expectedRows = (
      await storedTransactions(
        h.db,
        reference.accounts.map((a) => a.id),
      )
    ).map(({ accountId: _, ...row }) => row);

    // the first batch, the middle one, and the last but one: wherever the kill lands, the job is not finished
    const killPoints = [1, Math.round(counter.batches / 2), counter.batches - 1];
    for (const [attempt, killAtBatch] of killPoints.entries()) {
      const victim = await h.connectUser(`victim-${attempt}@example.test`, 'john9');
      const { job } = await h.plan({ userId: victim.user.id, connectionId: victim.connection.id, ...range });
      await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });

      expect(await runChildUntilKilled(h, job.id, killAtBatch)).toBe('killed');
      const interrupted = await h.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(interrupted.status).toBe('running');
      // the kill landed where it was aimed: some of the data is in, not all of it
      const storedAtKill = await h.db.transaction.count({
        where: { accountId: { in: victim.accounts.map((a) => a.id) } },
      });
      expect(storedAtKill).toBeGreaterThan(0);
      expect(storedAtKill).toBeLessThan(expectedRows.length);

      expect(await runImportJob(h.deps, job.id)).toBe('completed');
      const resumed = await h.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
      expect([resumed.totalFetched, resumed.totalSynced, resumed.totalDuplicates]).toEqual([
        expectedJob.totalFetched,
        expectedJob.totalSynced,
        expectedJob.totalDuplicates,
      ]);
      const rows = (
        await storedTransactions(
          h.db,
          victim.accounts.map((a) => a.id),
        )
      ).map(({ accountId: _, ...row }) => row);
      expect(rows).toEqual(expectedRows);
    }
  });
});
