import { createTestDatabase, testProviders, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createEnrichmentJob,
  createRulesProvider,
  EnrichmentJobRunningError,
  EnrichmentProviderMismatchError,
  ImportJobNotFoundError,
  InvalidEnrichmentJobInputError,
  runEnrichmentJob,
  TransactionsNotFoundError,
} from '../src/index';
import { seedImport, seedUser } from './seed';

for (const { provider: dbProvider, skip, reason } of testProviders) {
  describe.skipIf(skip)(`enrichment jobs on ${dbProvider}${skip ? ` (skipped: ${reason})` : ''}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(dbProvider);
    });
    afterAll(async () => t?.drop());

    async function importFor(name: string, descriptions: string[]) {
      const { user, connection, account } = await seedUser(t.db, name);
      const owner = { userId: user.id, connectionId: connection.id, accountId: account.id };
      return {
        user,
        ...(await seedImport(
          t.db,
          owner,
          descriptions.map((description) => ({ description })),
        )),
      };
    }

    const rules = { provider: 'rules', model: null };

    test('a job for an import counts only its transactions not yet enriched', async () => {
      const { user, importJob, transactions } = await importFor('count', ['TESCO 1', 'BOOTS 2', 'SHELL 3']);
      await t.db.transaction.update({
        where: { id: transactions[0]?.id ?? '' },
        data: { enrichedAt: new Date(), enrichedBy: 'rules', category: 'Groceries' },
      });

      const job = await createEnrichmentJob(t.db, {
        userId: user.id,
        importJobId: importJob.id,
        ...rules,
        capMicros: 500,
      });
      expect(job).toMatchObject({
        status: 'queued',
        transactionCount: 2,
        importJobId: importJob.id,
        capMicros: 500,
      });
    });

    test('a job for chosen transactions enriches those and no others', async () => {
      const { user, importJob, transactions } = await importFor('chosen', [
        'TESCO 1',
        'BOOTS 2',
        'SHELL 3',
        'PRET 4',
      ]);
      const chosen = transactions.slice(1, 3).map((tx) => tx.id);

      const job = await createEnrichmentJob(t.db, { userId: user.id, transactionIds: chosen, ...rules });
      expect(job).toMatchObject({ importJobId: null, transactionCount: 2 });
      const ended = await runEnrichmentJob(t.db, job.id, { provider: createRulesProvider() });

      expect(ended).toMatchObject({ status: 'completed', successes: 2 });
      const rows = await t.db.transaction.findMany({
        where: { importJobId: importJob.id },
        orderBy: { providerId: 'asc' },
      });
      expect(rows.map((r) => [r.category, r.enrichedBy])).toEqual([
        [null, null],
        ['Health', 'rules'],
        ['Transport', 'rules'],
        [null, null],
      ]);
    });

    test("another user's transactions are refused", async () => {
      const mine = await importFor('owner', ['TESCO 1']);
      const theirs = await importFor('intruder', ['BOOTS 1']);
      const ids = [mine.transactions[0]?.id ?? '', theirs.transactions[0]?.id ?? ''];

      const attempt = createEnrichmentJob(t.db, { userId: theirs.user.id, transactionIds: ids, ...rules });
      await expect(attempt).rejects.toBeInstanceOf(TransactionsNotFoundError);
      expect(await t.db.enrichmentJob.count({ where: { userId: theirs.user.id } })).toBe(0);
    });

    test("another user's import job is refused", async () => {
      const mine = await importFor('import-owner', ['TESCO 1']);
      const theirs = await seedUser(t.db, 'import-intruder');

      const attempt = createEnrichmentJob(t.db, {
        userId: theirs.user.id,
        importJobId: mine.importJob.id,
        ...rules,
      });
      await expect(attempt).rejects.toBeInstanceOf(ImportJobNotFoundError);
    });

    test('a job needs exactly one of an import job and transaction ids', async () => {
      const { user, importJob, transactions } = await importFor('scope', ['TESCO 1']);
      await expect(createEnrichmentJob(t.db, { userId: user.id, ...rules })).rejects.toBeInstanceOf(
        InvalidEnrichmentJobInputError,
      );
      const both = {
        userId: user.id,
        importJobId: importJob.id,
        transactionIds: transactions.map((tx) => tx.id),
        ...rules,
      };
      await expect(createEnrichmentJob(t.db, both)).rejects.toBeInstanceOf(InvalidEnrichmentJobInputError);
    });

    test('a job is run only by the provider and model it was created for', async () => {
      const { user, importJob } = await importFor('mismatch', ['TESCO 1']);
      const job = await createEnrichmentJob(t.db, {
        userId: user.id,
        importJobId: importJob.id,
        provider: 'llm',
        model: 'x',
      });

      await expect(
        runEnrichmentJob(t.db, job.id, { provider: createRulesProvider() }),
      ).rejects.toBeInstanceOf(EnrichmentProviderMismatchError);
      expect(await t.db.enrichmentJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
        status: 'queued',
      });
    });

    test('a job that is already running is not run a second time', async () => {
      const { user, importJob } = await importFor('busy', ['TESCO 1']);
      const job = await createEnrichmentJob(t.db, { userId: user.id, importJobId: importJob.id, ...rules });
      await t.db.enrichmentJob.update({ where: { id: job.id }, data: { status: 'running' } });

      await expect(
        runEnrichmentJob(t.db, job.id, { provider: createRulesProvider() }),
      ).rejects.toBeInstanceOf(EnrichmentJobRunningError);
      expect(await t.db.transaction.count({ where: { importJobId: importJob.id, enrichedAt: null } })).toBe(
        1,
      );
    });
  });
}
