import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportJob } from '../src/index';
import { createHarness, daysAgo, storedTransactions, testTokenKey, type Harness } from '../src/testing';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs the job in a child process and SIGKILLs it right after its `killAfter`-th event. */
function runChildUntilKilled(h: Harness, jobId: string, killAfter: number): Promise<'killed' | 'finished'> {
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
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let events = 0;
    let outcome: 'killed' | 'finished' = 'finished';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      events += chunk.split('\n').filter((line) => line.startsWith('event ')).length;
      if (events >= killAfter && outcome !== 'killed') {
        outcome = 'killed';
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(outcome));
  });
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
    await runImportJob(h.deps, refPlan.job.id);
    const expectedJob = await h.db.importJob.findUniqueOrThrow({ where: { id: refPlan.job.id } });
    const expectedRows = (
      await storedTransactions(
        h.db,
        reference.accounts.map((a) => a.id),
      )
    ).map(({ accountId: _, ...row }) => row);

    for (const [attempt, killAfter] of [3, 11, 26].entries()) {
      const victim = await h.connectUser(`victim-${attempt}@example.test`, 'john9');
      const { job } = await h.plan({ userId: victim.user.id, connectionId: victim.connection.id, ...range });
      await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });

      expect(await runChildUntilKilled(h, job.id, killAfter)).toBe('killed');
      const interrupted = await h.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(interrupted.status).toBe('running');

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
