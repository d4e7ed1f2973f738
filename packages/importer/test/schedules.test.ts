import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createJobRunner, nextRunAfter, resumeSchedulesAfterReconsent, runDueSchedules } from '../src/index';
import { createHarness, type Harness } from '../src/testing';

describe('recurring schedules', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('monthly schedules keep their day, clamped to short months', () => {
    expect(nextRunAfter('monthly', new Date('2026-01-31T06:00:00Z')).toISOString()).toBe(
      '2026-02-28T06:00:00.000Z',
    );
    expect(nextRunAfter('weekly', new Date('2026-12-29T06:00:00Z')).toISOString()).toBe(
      '2027-01-05T06:00:00.000Z',
    );
  });

  test('a due schedule runs exactly once per period when several schedulers race', async () => {
    const { user, connection } = await h.connectUser('sched@example.test', 'john7');
    const schedule = await h.db.importSchedule.create({
      data: {
        userId: user.id,
        connectionId: connection.id,
        cadence: 'daily',
        windowDays: 3,
        accountIds: [],
        nextRunAt: new Date(Date.now() - 3 * 86_400_000),
      },
    });
    const runner = createJobRunner(h.deps);
    const deps = { ...h.deps, transport: runner };
    const started = (
      await Promise.all([runDueSchedules(deps), runDueSchedules(deps), runDueSchedules(deps)])
    ).flat();
    expect(started).toHaveLength(1);
    await runner.idle();

    const job = await h.db.importJob.findFirstOrThrow({ where: { scheduleId: schedule.id } });
    expect(job.jobType).toBe('scheduled');
    expect(job.status).toBe('completed');
    expect(job.psuIp).toBeNull();
    const after = await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(after.nextRunAt.getTime()).toBeGreaterThan(Date.now()); // missed periods are not replayed
    expect(await runDueSchedules(deps)).toEqual([]);
  });

  test('an expired consent pauses the schedule with that reason, and renewing it resumes', async () => {
    const { user, connection } = await h.connectUser('expired@example.test', 'john8');
    await h.db.bankConnection.update({ where: { id: connection.id }, data: { status: 'needs_reconsent' } });
    const schedule = await h.db.importSchedule.create({
      data: {
        userId: user.id,
        connectionId: connection.id,
        cadence: 'weekly',
        accountIds: [],
        nextRunAt: new Date(Date.now() - 1000),
      },
    });
    const deps = { ...h.deps, transport: createJobRunner(h.deps) };
    expect(await runDueSchedules(deps)).toEqual([]);
    const paused = await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect([paused.enabled, paused.pausedReason]).toEqual([false, 'needs_reconsent']);
    expect(await h.db.importJob.count({ where: { scheduleId: schedule.id } })).toBe(0);

    await h.db.bankConnection.update({ where: { id: connection.id }, data: { status: 'active' } });
    expect(await resumeSchedulesAfterReconsent(h.db, connection.id)).toBe(1);
    expect((await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).enabled).toBe(true);
  });
});
