import {
  createJobRunner,
  listEventsSince,
  pauseImport,
  resumeImport,
  startImport,
  type ProgressEvent,
} from '@app/importer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createBullTransport,
  createRedisProgressPort,
  type BullTransport,
  type RedisProgressPort,
} from '../src/index';
import {
  createHarness,
  daysAgo,
  jobTotals,
  multiProcessSkipReason,
  nextEvent,
  obliterateQueue,
  storedTransactions,
  syncedSoFar,
  testRedisUrl,
  uniqueQueueName,
  type Harness,
  type WorkerProcess,
} from './harness';

// Every import here is of the same sandbox user over the same range, so one embedded run is the reference.
const bankUser = 'john7';
const range = { fromDate: daysAgo(90), toDate: daysAgo(0), batchSize: 20 };

describe.skipIf(multiProcessSkipReason !== '')(
  `the scaled mode across worker processes on PostgreSQL${multiProcessSkipReason}`,
  () => {
    const queueName = uniqueQueueName('scaled');
    const channelPrefix = `${queueName}:progress:`;
    let h: Harness;
    let transport: BullTransport;
    let progress: RedisProgressPort;
    let workers: WorkerProcess[] = [];
    let reference: { jobId: string; accountIds: string[] };
    const controls = () => ({ db: h.db, progress, transport, now: () => new Date() });

    beforeAll(async () => {
      h = await createHarness({ provider: 'postgresql', sandbox: { latency: { fixedMs: 5, jitterMs: 5 } } });
      // Concurrency 1 per process, so several jobs at once have to spread over the processes.
      workers = [1, 2, 3].map(() => h.spawnWorker({ queueName, channelPrefix, concurrency: 1 }));
      transport = createBullTransport({ connection: testRedisUrl, queueName });
      progress = createRedisProgressPort({ connection: testRedisUrl, channelPrefix, logger: h.deps.logger });

      const embedded = createJobRunner(h.deps);
      const { user, connection, accounts } = await h.connectUser('reference@example.test', bankUser);
      const { job } = await h.plan({ userId: user.id, connectionId: connection.id, ...range });
      await startImport({ ...h.deps, transport: embedded }, user.id, job.id);
      await embedded.idle();
      reference = { jobId: job.id, accountIds: accounts.map((a) => a.id) };
      await Promise.all(workers.map((worker) => worker.ready));
    });
    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all([transport?.close(), progress?.close()]);
      await obliterateQueue(queueName);
      await h?.close();
    });

    async function planScaled(email: string) {
      const { user, connection, accounts } = await h.connectUser(email, bankUser);
      const { job } = await h.plan({ userId: user.id, connectionId: connection.id, ...range });
      return { userId: user.id, jobId: job.id, accountIds: accounts.map((a) => a.id) };
    }

    async function expectSameAsReference(imported: { jobId: string; accountIds: string[] }) {
      const expected = await jobTotals(h.db, reference.jobId);
      expect(expected.status).toBe('completed');
      expect(await jobTotals(h.db, imported.jobId)).toEqual(expected);
      expect(await storedTransactions(h.db, imported.accountIds)).toEqual(
        await storedTransactions(h.db, reference.accountIds),
      );
    }

    const linesOf = (jobId: string, verb: 'running' | 'stopped') =>
      workers.flatMap((worker, index) =>
        worker.lines
          .filter((line) => line.split(' ')[0] === verb && line.split(' ')[1] === jobId)
          .map((line) => ({ index, line })),
      );
    /** The worker logs a run's end just after publishing its `finished` event, so wait for the line itself. */
    const stopped = (jobId: string) =>
      Promise.race(
        workers.map((worker) => worker.waitForLine((line) => line.startsWith(`stopped ${jobId} `))),
      );

    test('a job enqueued through the transport runs in a worker process and stores what the embedded runner stores', async () => {
      const imported = await planScaled('first@example.test');
      const finished = nextEvent(progress, imported.jobId, (event) => event.kind === 'finished');
      await startImport(controls(), imported.userId, imported.jobId);
      expect((await finished).job.status).toBe('completed');
      await stopped(imported.jobId);

      expect(linesOf(imported.jobId, 'stopped').map(({ line }) => line)).toEqual([
        `stopped ${imported.jobId} completed`,
      ]);
      await expectSameAsReference(imported);
    });

    test('progress published by a worker process reaches a subscriber here, every seq in order', async () => {
      const imported = await planScaled('progress@example.test');
      const seen: ProgressEvent[] = [];
      const finished = new Promise<void>((resolve) =>
        progress.subscribe(imported.jobId, (event) => {
          seen.push(event);
          if (event.kind === 'finished') resolve();
        }),
      );
      await startImport(controls(), imported.userId, imported.jobId);
      await finished;

      const journal = await listEventsSince(h.db, imported.jobId, 0);
      expect(journal.length).toBeGreaterThan(10);
      expect(seen.map((event) => event.seq)).toEqual(journal.map((event) => event.seq));
      expect(seen.map((event) => event.seq)).toEqual(journal.map((_, index) => index + 1));
      expect(seen).toEqual(journal);
    });

    test('three worker processes run several jobs, each exactly once, with the data of embedded runs', async () => {
      const jobs = await Promise.all([1, 2, 3, 4, 5].map((n) => planScaled(`many-${n}@example.test`)));
      const finished = jobs.map((job) =>
        nextEvent(progress, job.jobId, (event) => event.kind === 'finished'),
      );
      await Promise.all(jobs.map((job) => startImport(controls(), job.userId, job.jobId)));
      await Promise.all(finished);
      await Promise.all(jobs.map((job) => stopped(job.jobId)));

      for (const job of jobs) {
        expect(linesOf(job.jobId, 'running')).toHaveLength(1);
        expect(linesOf(job.jobId, 'stopped').map(({ line }) => line)).toEqual([
          `stopped ${job.jobId} completed`,
        ]);
        const journal = await listEventsSince(h.db, job.jobId, 0);
        expect(journal.filter((event) => event.kind === 'finished')).toHaveLength(1);
        expect(journal.map((event) => event.seq)).toEqual(journal.map((_, index) => index + 1));
        expect(await transport.isScheduled(job.jobId)).toBe(false); // no second run left behind
        await expectSameAsReference(job);
      }
      const processesUsed = new Set(
        jobs.flatMap((job) => linesOf(job.jobId, 'running').map(({ index }) => index)),
      );
      expect(processesUsed.size).toBeGreaterThan(1);
    });

    test('pausing through control-job stops the job within a batch, and resume finishes it', async () => {
      const imported = await planScaled('pause@example.test');
      let syncedWhenAsked = -1;
      const paused = nextEvent(progress, imported.jobId, (event) => event.job.status === 'paused');
      const pauseAsked = nextEvent(
        progress,
        imported.jobId,
        (event) => event.kind === 'account' && event.job.totals.synced > 0,
      ).then(async () => {
        await pauseImport(controls(), imported.userId, imported.jobId);
        syncedWhenAsked = await syncedSoFar(h.db, imported.jobId);
      });
      await startImport(controls(), imported.userId, imported.jobId);
      await pauseAsked;
      const atPause = await paused;

      expect((await jobTotals(h.db, imported.jobId)).status).toBe('paused');
      // Each of the 3 accounts finishes at most the batch it was in when asked.
      expect(atPause.job.totals.synced - syncedWhenAsked).toBeLessThanOrEqual(3 * range.batchSize);
      expect(atPause.job.totals.synced).toBeLessThan((await jobTotals(h.db, reference.jobId)).synced);

      const finished = nextEvent(progress, imported.jobId, (event) => event.kind === 'finished');
      await resumeImport(controls(), imported.userId, imported.jobId);
      expect((await finished).job.status).toBe('completed');
      await expectSameAsReference(imported);
    });

    test('when the worker running a job is SIGKILLed another worker takes it over and ends like an uninterrupted run', async () => {
      const imported = await planScaled('killed@example.test');
      const finished = nextEvent(progress, imported.jobId, (event) => event.kind === 'finished');
      const midImport = (line: string) =>
        line.startsWith(`event ${imported.jobId} `) && Number(line.split(' ')[2]) >= 8;
      const victim = Promise.race(workers.map((worker) => worker.waitForLine(midImport).then(() => worker)));
      await startImport(controls(), imported.userId, imported.jobId);
      const killed = await victim;
      killed.kill('SIGKILL');
      await killed.exited;
      // Killed mid-import: its lock has not expired yet, so no other worker has touched the job.
      expect((await jobTotals(h.db, imported.jobId)).status).toBe('running');
      expect(await syncedSoFar(h.db, imported.jobId)).toBeLessThan(
        (await jobTotals(h.db, reference.jobId)).synced,
      );

      expect((await finished).job.status).toBe('completed');
      const takenOverBy = linesOf(imported.jobId, 'running').filter(({ index }) => workers[index] !== killed);
      expect(takenOverBy).toHaveLength(1);
      await expectSameAsReference(imported);
    });
  },
);
