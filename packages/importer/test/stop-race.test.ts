import type { Db } from '@app/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportJob } from '../src/index';
import { createHarness, daysAgo, type Harness } from '../src/testing';

describe('when a pause lands while the engine is checking for one', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ workers: 1 });
  });
  afterAll(async () => h?.close());

  test('the job ends paused, never mistaken for a shutdown', async () => {
    const { user, connection } = await h.connectUser('race@example.test', 'john12');
    const { job } = await h.plan({
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(200),
      toDate: daysAgo(0),
      batchSize: 10,
    });
    await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
    const controller = new AbortController();
    let stopChecks = 0;
    // Between the engine's read of the stop flag and its look at the signal, a pause commits and aborts.
    const racing = h.db.$extends({
      query: {
        importJob: {
          async findUniqueOrThrow({ args, query }) {
            const result = await query(args);
            if (args.select?.requestedAction && ++stopChecks === 3) {
              await h.db.importJob.update({ where: { id: job.id }, data: { requestedAction: 'pause' } });
              controller.abort(new Error('interrupted'));
            }
            return result;
          },
        },
      },
    }) as unknown as Db;

    expect(await runImportJob({ ...h.deps, db: racing }, job.id, { signal: controller.signal })).toBe(
      'paused',
    );
  });
});
