import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { abandonedPlanMs, createJobRunner, planImport, runSchedulerTick } from '../src/index';
import { createHarness, daysAgo, type Harness } from '../src/testing';

describe('plans nobody started', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('a plan older than a day is discarded by the scheduler; a newer one and a started one stay', async () => {
    const { user, connection } = await h.connectUser('plans@example.test', 'john3');
    const plan = () =>
      planImport(h.deps, {
        userId: user.id,
        connectionId: connection.id,
        fromDate: daysAgo(10),
        toDate: daysAgo(0),
        autoEnrich: false,
        batchSize: 50,
      });
    const abandoned = (await plan()).job;
    const fresh = (await plan()).job;
    const started = (await plan()).job;
    const dayAndMinuteAgo = new Date(Date.now() - abandonedPlanMs - 60_000);
    await h.db.importJob.updateMany({
      where: { id: { in: [abandoned.id, started.id] } },
      data: { createdAt: dayAndMinuteAgo },
    });
    await h.db.importJob.update({ where: { id: started.id }, data: { status: 'cancelled' } });

    const runner = createJobRunner(h.deps);
    await runSchedulerTick({ ...h.deps, transport: runner });

    const left = await h.db.importJob.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left.map((j) => j.id).sort()).toEqual([fresh.id, started.id].sort());
  });
});
