import { addDays } from '@app/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connectBank,
  continueLockedImport,
  readReceipt,
  runImportJob,
  type JobTransport,
} from '../src/index';
import { createHarness, daysAgo, storedTransactions, type Harness } from '../src/testing';

const minute = 60_000;
const noTransport: JobTransport = { enqueue: () => undefined, interrupt: () => undefined };
/** The first day a consent older than its first minutes reaches (90 days, the importer's default). */
const horizon = () => daysAgo(90);

/** A product user connected to `bankUser`, with our record of the consent made `minutesOld` old. */
async function connectAged(h: Harness, email: string, bankUser: string, minutesOld: number) {
  const connected = await h.connectUser(email, bankUser);
  await h.db.bankConnection.update({
    where: { id: connected.connection.id },
    data: { consentGrantedAt: new Date(Date.now() - minutesOld * minute) },
  });
  return connected;
}

async function runTwoYears(h: Harness, userId: string, connectionId: string) {
  const plan = await h.plan({ userId, connectionId, fromDate: daysAgo(729), toDate: daysAgo(0) });
  await h.db.importJob.update({ where: { id: plan.job.id }, data: { status: 'queued' } });
  const status = await runImportJob(h.deps, plan.job.id);
  const job = await h.db.importJob.findUniqueOrThrow({
    where: { id: plan.job.id },
    include: { progress: { include: { account: true } } },
  });
  return { plan, status, job };
}

/** Stored rows keyed by the bank's account id, so two product users of one bank user compare. */
async function rowsByBankAccount(h: Harness, accounts: { id: string; providerAccountId: string }[]) {
  const byId = new Map(accounts.map((a) => [a.id, a.providerAccountId]));
  const rows = await storedTransactions(
    h.db,
    accounts.map((a) => a.id),
  );
  return rows
    .map(({ accountId, ...row }) => ({ bankAccount: byId.get(accountId), ...row }))
    .sort((a, b) => `${a.bankAccount}${a.dedupKey}`.localeCompare(`${b.bankAccount}${b.dedupKey}`));
}

describe('history older than 90 days on a consent older than its first minutes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('a two-year import imports the last 90 days, locks the rest with its reason, and a reconnect continues in the same job with no duplicate and no gap', async () => {
    // The bank's side of the old consent: given, then six minutes pass before the imports.
    const old = await connectAged(h, 'aged@example.test', 'locked-history', 10);
    h.bank.advanceClock(6 * minute);
    const fresh = await h.connectUser('fresh@example.test', 'locked-history');

    const reference = await runTwoYears(h, fresh.user.id, fresh.connection.id);
    expect(reference.status).toBe('completed'); // a new consent gets two years at once
    expect(reference.plan.locked).toBeNull();
    const referenceRows = await rowsByBankAccount(h, fresh.accounts);
    expect(referenceRows.some((r) => r.bookingDate < addDays(horizon(), -200))).toBe(true);

    const first = await runTwoYears(h, old.user.id, old.connection.id);
    const locked = { from: daysAgo(729), to: addDays(horizon(), -1) };
    // the plan said so before it started
    expect(first.plan.locked).toEqual(locked);
    expect(first.plan.warnings.find((w) => w.code === 'SCA_RANGE')?.message).toContain(
      `ends "completed with errors" for ${locked.from} to ${locked.to}`,
    );
    expect(first.status).toBe('completed_with_errors');
    expect([first.job.lockedFromDate, first.job.lockedToDate]).toEqual([locked.from, locked.to]);
    expect(first.job.errorMessage).toMatch(
      new RegExp(
        `^History from ${locked.from} to ${locked.to} is locked: MOCK.*first 5 minutes after you consent`,
      ),
    );
    for (const row of first.job.progress) expect(row.status).toBe('completed'); // no account failed
    const connection = await h.db.bankConnection.findUniqueOrThrow({ where: { id: old.connection.id } });
    expect(connection.status).toBe('active');
    const reachable = referenceRows.filter((r) => r.bookingDate >= horizon());
    expect(await rowsByBankAccount(h, old.accounts)).toEqual(reachable);

    // Continuing before reconnecting is refused with what to do.
    await expect(
      continueLockedImport({ ...h.deps, transport: noTransport }, old.user.id, first.job.id),
    ).rejects.toThrow(/Reconnect MOCK first/);
    const issued = h.bank.issueTokens('locked-history');
    const tokens = {
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      expiresAt: new Date(Date.now() + issued.expires_in * 1000),
      scopes: [],
    };
    await connectBank(h.deps, { userId: old.user.id, tokens, psuIp: '127.0.0.1' });
    await continueLockedImport({ ...h.deps, transport: noTransport }, old.user.id, first.job.id);
    expect(await runImportJob(h.deps, first.job.id)).toBe('completed');

    const done = await h.db.importJob.findUniqueOrThrow({
      where: { id: first.job.id },
      include: { progress: true },
    });
    expect([done.lockedFromDate, done.lockedToDate, done.continuingLocked, done.errorMessage]).toEqual([
      null,
      null,
      false,
      null,
    ]);
    expect(await rowsByBankAccount(h, old.accounts)).toEqual(referenceRows);
    // one receipt for both runs, adding up like the reference's: nothing fetched twice, nothing left out
    expect([done.totalFetched, done.totalSynced, done.totalDuplicates]).toEqual([
      reference.job.totalFetched,
      reference.job.totalSynced,
      reference.job.totalDuplicates,
    ]);
    for (const row of done.progress) {
      const receipt = readReceipt(row.receipt);
      expect(row.fetched).toBe(row.synced + row.duplicates + row.pendingReconciled);
      expect(receipt.fetched).toBe(row.fetched);
    }
  });
});

describe('a bank answering 403 access_denied for an over-long range (strict 90-day SCA)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ sandbox: { scaRefusal: 'access_denied' } });
  });
  afterAll(async () => h?.close());

  test('locks that history for the account and leaves the consent active: the bank did not say it expired', async () => {
    // Our record says the consent is fresh; the bank's minutes have passed (it disagrees, as a real one may).
    const { user, connection } = await h.connectUser('strict@example.test', 'strict-sca');
    h.bank.advanceClock(6 * minute);
    const { status, job } = await runTwoYears(h, user.id, connection.id);

    expect(status).toBe('failed');
    for (const row of job.progress) {
      expect(row.errorCode).toBe('HISTORY_LOCKED');
      expect(row.lastError).toMatch(
        /MOCK refused the history from .* The connection still works for recent dates/,
      );
      expect(readReceipt(row.receipt).zeroReason).toBe('history_locked');
    }
    const after = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.status).toBe('active');

    // and the last 90 days still import on the same consent
    const recent = await h.plan({
      userId: user.id,
      connectionId: connection.id,
      fromDate: horizon(),
      toDate: daysAgo(0),
    });
    await h.db.importJob.update({ where: { id: recent.job.id }, data: { status: 'queued' } });
    expect(await runImportJob(h.deps, recent.job.id)).toBe('completed');
  });
});
