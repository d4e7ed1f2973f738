import { describe, expect, test } from 'vitest';
import { workerHeartbeat, type QueueProbe } from '../src/ops/queue-checks';
import { createReadiness, type ReadinessCheck } from '../src/ops/readiness';
import { captureLogs } from './ops-helpers';

const passing: ReadinessCheck = { name: 'database', run: async () => ({ ok: true }) };

describe('readiness', () => {
  test('a check that throws makes the process unready; its error goes to the log, not to the prober', async () => {
    const logs = captureLogs();
    const failing: ReadinessCheck = {
      name: 'redis',
      run: () => Promise.reject(new Error('connect ECONNREFUSED redis://:hunter2@10.0.0.5:6379')),
    };
    const readiness = await createReadiness(logs.logger, [passing, failing]).check();
    expect(readiness).toEqual({
      ready: false,
      reason: 'not ready: redis',
      checks: { database: { ok: true }, redis: { ok: false, reason: 'failed (see the server log)' } },
    });
    expect(JSON.stringify(readiness)).not.toContain('hunter2');
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ check: 'redis', msg: 'readiness check failed' }),
    );
  });

  test('a check that hangs answers "no answer" within the bound', async () => {
    const hanging: ReadinessCheck = { name: 'redis', run: () => new Promise<never>(() => undefined) };
    const readiness = await createReadiness(captureLogs().logger, [passing, hanging], {
      timeoutMs: 50,
    }).check();
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.redis).toEqual({ ok: false, reason: 'no answer within 50 ms' });
  });

  test('a draining process is unready whatever its checks say', async () => {
    const readiness = createReadiness(captureLogs().logger, [passing]);
    expect((await readiness.check()).ready).toBe(true);
    readiness.drain();
    expect(await readiness.check()).toMatchObject({ ready: false, reason: 'shutting down' });
  });
});

describe('the worker heartbeat', () => {
  const probe = (workers: Record<string, string>[]): QueueProbe => ({
    ping: async () => 0,
    getWorkers: async () => workers,
  });

  test('needs a worker connected to the queue', async () => {
    expect(await workerHeartbeat(probe([])).run()).toEqual({
      ok: false,
      reason: 'no worker is connected to the queue',
      workers: 0,
    });
  });

  test('needs one heard from recently', async () => {
    const stale = probe([{ name: 'imports', idle: '600' }]);
    expect(await workerHeartbeat(stale, 60).run()).toMatchObject({
      ok: false,
      reason: 'no worker heard from in the last 60 s',
    });
    const live = probe([
      { name: 'imports', idle: '600' },
      { name: 'imports', idle: '2' },
    ]);
    expect(await workerHeartbeat(live, 60).run()).toEqual({ ok: true, workers: 1 });
  });
});
