import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { obliterateQueue, redisSkipReason, testRedisUrl, uniqueQueueName } from '../test/harness';
import { createBullTransport, type BullTransport } from './bull-transport';
import { interruptChannelOf } from './import-queue';

describe.skipIf(!testRedisUrl)(`the BullMQ transport${redisSkipReason}`, () => {
  const queueName = uniqueQueueName('transport');
  let transport: BullTransport;
  let queue: Queue;
  beforeAll(() => {
    transport = createBullTransport({ connection: testRedisUrl, queueName });
    queue = new Queue(queueName, { connection: { url: testRedisUrl } });
  });
  afterAll(async () => {
    await transport?.close();
    await queue?.close();
    await obliterateQueue(queueName);
  });

  test('enqueuing a job twice leaves one waiting run, and nothing is scheduled for other jobs', async () => {
    await transport.enqueue('job-twice');
    await transport.enqueue('job-twice');
    const waiting = await queue.getWaiting();
    expect(waiting.filter((run) => run.data.jobId === 'job-twice')).toHaveLength(1);
    expect(await transport.isScheduled('job-twice')).toBe(true);
    expect(await transport.isScheduled('job-never-enqueued')).toBe(false);
    await queue.drain();
  });

  test('a job is enqueued again after its run finished, and again while a run is active', async () => {
    const done: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = new Worker(
      queueName,
      async (run) => {
        if (done.length === 0) await held;
        done.push(String(run.id));
      },
      { connection: { url: testRedisUrl } },
    );
    const finished = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (done.length < count) return;
          worker.off('completed', check);
          resolve();
        };
        worker.on('completed', check);
      });
    try {
      await transport.enqueue('job-again');
      await new Promise<void>((resolve) => worker.once('active', () => resolve()));
      // While the first run is active (a resume right after a pause), a new run waits behind it.
      await transport.enqueue('job-again');
      await transport.enqueue('job-again');
      release();
      await finished(2);
      expect(done).toHaveLength(2);
      expect(await transport.isScheduled('job-again')).toBe(false);
      // After every run finished (a resume long after a pause), enqueuing starts a new one.
      await transport.enqueue('job-again');
      await finished(3);
      expect(new Set(done).size).toBe(3);
      expect(done.every((id) => id.startsWith('job-again.'))).toBe(true);
    } finally {
      await worker.close();
    }
  });

  test('interrupt publishes the job id on the queue interrupt channel', async () => {
    const listener = new Redis(testRedisUrl);
    try {
      await listener.subscribe(interruptChannelOf(queueName));
      const heard = new Promise<string>((resolve) =>
        listener.once('message', (_channel: string, message: string) => resolve(message)),
      );
      await transport.interrupt('job-interrupted');
      expect(await heard).toBe('job-interrupted');
    } finally {
      await listener.quit();
    }
  });
});
