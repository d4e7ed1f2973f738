import { testProviders } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listEventsSince, runImportJob, type AccountReceipt } from '../src/index';
import { createHarness, daysAgo, storedTransactions, type Harness } from '../src/testing';

// The database refuses a write in the middle of a batch: the batch's transaction rolls back whole (its rows,
// counters, checkpoint and event), the account fails with a message, the others complete, and a new import
// after the fault stores exactly what a fault-free import stores.

const batchSize = 20;
/** The insert of the account's 11th row fails: the middle of its first batch, the commit that records the bank call. */
const failAtRow = 10;

type Fault = 'row-error' | 'event-error' | 'terminate';

/**
 * A trigger that makes one of the account's batches fail: the first, at the insert of its 11th row (an error, or on
 * PostgreSQL the importer's own connection terminated under it); or the second, after its rows, counters and
 * checkpoint were written in the same transaction, at the insert of the event that says so.
 */
async function installFault(h: Harness, accountId: string, fault: Fault) {
  const id = accountId.replace(/[^\w-]/g, '');
  const sqlite = h.database.provider === 'sqlite';
  const table = fault === 'event-error' ? 'ImportEvent' : 'Transaction';
  const when =
    fault === 'event-error'
      ? sqlite
        ? `json_extract(NEW."payload", '$.account.accountId') = '${id}' AND json_extract(NEW."payload", '$.account.synced') > ${batchSize}`
        : `NEW."payload"->'account'->>'accountId' = '${id}' AND (NEW."payload"->'account'->>'synced')::int > ${batchSize}`
      : `NEW."accountId" = '${id}' AND (SELECT COUNT(*) FROM "Transaction" WHERE "accountId" = '${id}') >= ${failAtRow}`;
  if (sqlite) {
    await h.db.$executeRawUnsafe(
      `CREATE TRIGGER inject_fault BEFORE INSERT ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected fault: insert refused'); END`,
    );
    return;
  }
  const act =
    fault === 'terminate'
      ? 'PERFORM pg_terminate_backend(pg_backend_pid());'
      : `RAISE EXCEPTION 'injected fault: insert refused';`;
  await h.db.$executeRawUnsafe(
    `CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when} THEN ${act} END IF; RETURN NEW; END $$`,
  );
  await h.db.$executeRawUnsafe(
    `CREATE TRIGGER inject_fault BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION inject_fault()`,
  );
}

async function removeFault(h: Harness) {
  if (h.database.provider === 'sqlite') {
    await h.db.$executeRawUnsafe('DROP TRIGGER IF EXISTS inject_fault');
    return;
  }
  await h.db.$executeRawUnsafe('DROP FUNCTION IF EXISTS inject_fault() CASCADE'); // and its trigger
}

async function importYear(h: Harness, userId: string, connectionId: string) {
  const { job } = await h.plan({
    userId,
    connectionId,
    fromDate: daysAgo(365),
    toDate: daysAgo(0),
    batchSize,
  });
  await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
  // Every batch appends its event, so the event fault lands on the second batch's, whatever the machine's speed.
  const status = await runImportJob(
    { ...h.deps, config: { ...h.deps.config, batchEventIntervalMs: 0 } },
    job.id,
  );
  return {
    status,
    job: await h.db.importJob.findUniqueOrThrow({ where: { id: job.id }, include: { progress: true } }),
  };
}

const postgres = testProviders.filter((p) => p.provider === 'postgresql');
const cases = [
  ...testProviders.map((p) => ({ ...p, how: 'row-error' as const, what: 'an insert fails' })),
  ...testProviders.map((p) => ({
    ...p,
    how: 'event-error' as const,
    what: "the batch's event cannot be written",
  })),
  ...postgres.map((p) => ({
    ...p,
    how: 'terminate' as const,
    what: "the importer's connection is terminated",
  })),
];

for (const { provider, skip, reason, how, what } of cases) {
  describe.skipIf(skip)(
    `on ${provider}, when ${what} in the middle of a batch${skip ? ` (skipped: ${reason})` : ''}`,
    () => {
      let h: Harness;
      beforeAll(async () => {
        h = await createHarness({ provider });
      });
      afterAll(async () => h?.close());

      test('the batch leaves nothing behind, the account fails with a message, and a retry stores the fault-free data', async () => {
        const reference = await h.connectUser(`reference-${how}@example.test`, 'dbfault');
        expect((await importYear(h, reference.user.id, reference.connection.id)).status).toBe('completed');

        const victim = await h.connectUser(`victim-${how}@example.test`, 'dbfault');
        const current = victim.accounts.find((a) => a.accountType === 'TRANSACTION');
        if (!current) throw new Error('the sandbox user has no current account');
        await installFault(h, current.id, how);
        h.bank.resetStats();
        let run;
        try {
          run = await importYear(h, victim.user.id, victim.connection.id);
        } finally {
          await removeFault(h);
        }

        // The account failed cleanly; the others completed.
        expect(run.status).toBe('completed_with_errors');
        const failed = run.job.progress.find((p) => p.accountId === current.id);
        expect(failed).toMatchObject({ status: 'failed', errorCode: 'INTERNAL', errors: 1 });
        expect(failed?.lastError).toMatch(/unexpected error .* Retrying the import is safe/);
        expect(run.job.progress.filter((p) => p.status === 'completed')).toHaveLength(
          victim.accounts.length - 1,
        );

        // Nothing of the failed batch: its rows, counters, checkpoint, receipt and event are all absent.
        const kept = how === 'event-error' ? batchSize : 0; // the batches before the failing one
        const stored = await h.db.transaction.count({ where: { accountId: current.id } });
        expect(stored).toBe(kept);
        expect(failed).toMatchObject({
          fetched: kept,
          synced: kept,
          duplicates: 0,
          windowsDone: 0,
          itemsDoneInWindow: kept,
        });
        // ...while the bank calls it made are all recorded (they count against the bank's unattended-call limits)
        const seen = h.bank.stats().byAccount[current.providerAccountId];
        const callsMade = (seen?.attended ?? 0) + (seen?.unattended ?? 0);
        expect(callsMade).toBeGreaterThan(0);
        expect(await h.db.bankCall.count({ where: { jobId: run.job.id, accountId: current.id } })).toBe(
          callsMade,
        );
        expect(failed?.receipt).toMatchObject({
          fetched: kept,
          new: kept,
          callsUsed: callsMade,
        } satisfies Partial<AccountReceipt>);
        const events = await listEventsSince(h.db, run.job.id, 0);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        const ofAccount = events.filter((e) => e.account?.accountId === current.id);
        expect(Math.max(...ofAccount.map((e) => e.account?.synced ?? 0))).toBe(kept);
        expect(ofAccount.at(-1)?.account).toMatchObject({ status: 'failed', errorCode: 'INTERNAL' });
        expect(events.at(-1)).toMatchObject({ kind: 'finished', job: { status: 'completed_with_errors' } });

        // With the fault gone, importing again stores exactly what a fault-free import stored.
        const retry = await importYear(h, victim.user.id, victim.connection.id);
        expect(retry.status).toBe('completed');
        const strip = (rows: Awaited<ReturnType<typeof storedTransactions>>) =>
          rows.map(({ accountId: _, ...row }) => row);
        expect(
          strip(
            await storedTransactions(
              h.db,
              victim.accounts.map((a) => a.id),
            ),
          ),
        ).toEqual(
          strip(
            await storedTransactions(
              h.db,
              reference.accounts.map((a) => a.id),
            ),
          ),
        );
      });
    },
  );
}
