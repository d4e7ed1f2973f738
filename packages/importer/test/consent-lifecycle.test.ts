import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connectBank,
  ConsentExpiredError,
  createJobRunner,
  extendConsent,
  readReceipt,
  runDueSchedules,
  runImportJob,
} from '../src/index';
import { createHarness, daysAgo, type Harness } from '../src/testing';

const dayMs = 86_400_000;

describe('a bank consent over its lifetime', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  async function scheduleFor(userId: string, connectionId: string) {
    return h.db.importSchedule.create({
      data: {
        userId,
        connectionId,
        cadence: 'weekly',
        accountIds: [],
        nextRunAt: new Date(Date.now() + dayMs),
      },
    });
  }

  test('an expired consent ends in needs_reconsent with schedules paused; reconnecting the same bank reuses the connection and resumes them', async () => {
    const { user, connection, accounts } = await h.connectUser('lapsed@example.test', 'consent-lapsed');
    const schedule = await scheduleFor(user.id, connection.id);
    h.bank.expireConsent('consent-lapsed');

    const { job } = await h.plan({
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(10),
      toDate: daysAgo(0),
    });
    await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
    expect(await runImportJob(h.deps, job.id)).toBe('failed');
    const failed = await h.db.importJob.findUniqueOrThrow({
      where: { id: job.id },
      include: { progress: true },
    });
    for (const row of failed.progress) {
      expect(row.errorCode).toBe('CONSENT_EXPIRED');
      expect(row.lastError).toMatch(/reconnect MOCK on the Banks page/);
      expect(readReceipt(row.receipt).zeroReason).toBe('consent_expired');
    }
    // one actionable sentence, not a generic error or the same words three times
    expect(failed.errorMessage).toMatch(
      /^3 of 3 accounts failed: The consent you gave MOCK has expired or was withdrawn: reconnect MOCK/,
    );
    expect(failed.errorMessage?.match(/reconnect MOCK on/g)).toHaveLength(1);
    expect((await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe(
      'needs_reconsent',
    );
    const paused = await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect([paused.enabled, paused.pausedReason]).toEqual([false, 'needs_reconsent']);

    // a lapsed consent cannot be extended: the answer says to reconnect
    await expect(
      extendConsent(
        { ...h.deps, bank: h.client },
        { userId: user.id, connectionId: connection.id, user: { name: 'Lapsed' } },
      ),
    ).rejects.toThrow(ConsentExpiredError);

    const issued = h.bank.issueTokens('consent-lapsed');
    const tokens = {
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      expiresAt: new Date(Date.now() + 3_600_000),
      scopes: [],
    };
    const again = await connectBank(h.deps, { userId: user.id, tokens, psuIp: '127.0.0.1' });
    expect(again.reused).toBe(true);
    expect(again.connection.id).toBe(connection.id);
    expect(again.accounts.map((a) => a.id).sort()).toEqual(accounts.map((a) => a.id).sort());
    expect(await h.db.bankConnection.count({ where: { userId: user.id } })).toBe(1);
    const renewed = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(renewed.status).toBe('active');
    expect(renewed.consentExpiresAt.getTime()).toBeGreaterThan(Date.now() + 80 * dayMs);
    const resumed = await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect([resumed.enabled, resumed.pausedReason]).toEqual([true, null]);

    const retry = await h.plan({
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(10),
      toDate: daysAgo(0),
    });
    await h.db.importJob.update({ where: { id: retry.job.id }, data: { status: 'queued' } });
    expect(await runImportJob(h.deps, retry.job.id)).toBe('completed');
  });

  test('a consent the bank still honours is extended in place, and the schedules its lapse paused run again', async () => {
    const { user, connection } = await h.connectUser('extend@example.test', 'consent-extend');
    const schedule = await h.db.importSchedule.create({
      data: {
        userId: user.id,
        connectionId: connection.id,
        cadence: 'weekly',
        accountIds: [],
        nextRunAt: new Date(Date.now() - 1000),
      },
    });
    // Our record says the consent ended (90 days assumed), the bank allows it a little longer.
    await h.db.bankConnection.update({
      where: { id: connection.id },
      data: { consentExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await runDueSchedules({ ...h.deps, transport: createJobRunner(h.deps) })).toEqual([]);
    expect((await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe(
      'needs_reconsent',
    );
    expect((await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).pausedReason).toBe(
      'needs_reconsent',
    );

    const extended = await extendConsent(
      { ...h.deps, bank: h.client },
      { userId: user.id, connectionId: connection.id, user: { name: 'Extender' } },
    );
    expect(extended.resumedSchedules).toBe(1);
    expect(extended.consentExpiresAt.getTime()).toBeGreaterThan(Date.now() + 80 * dayMs);
    expect((await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe(
      'active',
    );
    expect((await h.db.importSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).enabled).toBe(true);
  });

  test('a consent ending within 7 days is warned about when planning', async () => {
    const { user, connection } = await h.connectUser('soon@example.test', 'consent-soon');
    await h.db.bankConnection.update({
      where: { id: connection.id },
      data: { consentExpiresAt: new Date(Date.now() + 3 * dayMs) },
    });
    const { warnings } = await h.plan({
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(3),
      toDate: daysAgo(0),
    });
    expect(warnings.find((w) => w.code === 'CONSENT_EXPIRING')?.message).toMatch(
      /expires in 3 days: extend it/,
    );
  });
});
