import { createTestDatabase, testProviders, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createEnrichmentJob,
  createLlmProvider,
  describeMonthlyBudget,
  estimateEnrichment,
  llmProviderConfigSchema,
  runEnrichmentJob,
  setMonthlyCap,
} from '../src/index';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { seedImport, seedUser } from './seed';

const words = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL'];

for (const { provider: dbProvider, skip, reason } of testProviders) {
  describe.skipIf(skip)(
    `the monthly spending cap on ${dbProvider}${skip ? ` (skipped: ${reason})` : ''}`,
    () => {
      let t: TestDatabase;
      let server: FakeLlmServer;
      beforeAll(async () => {
        t = await createTestDatabase(dbProvider);
        server = await startFakeLlmServer();
      });
      afterAll(async () => {
        await server?.close();
        await t?.drop();
      });

      const llm = () => {
        const config = llmProviderConfigSchema.parse({
          baseUrl: server.baseUrl,
          apiKey: server.apiKey,
          model: 'test-model',
          batchSize: 4,
        });
        return { provider: createLlmProvider(config), prices: config.prices, batchSize: config.batchSize };
      };

      async function importOf(userId: string, connectionId: string, accountId: string, prefix: string) {
        const { importJob } = await seedImport(
          t.db,
          { userId, connectionId, accountId },
          words.map((w) => ({ description: `${prefix} ${w} SUPPLIES` })),
        );
        return createEnrichmentJob(t.db, {
          userId,
          importJobId: importJob.id,
          provider: 'llm',
          model: 'test-model',
        });
      }

      test('enrichment stops at the monthly cap with a clear state, and resumes when the cap is raised', async () => {
        const { user, connection, account } = await seedUser(t.db, 'monthly');
        const { prices, batchSize } = llm();
        const batch = estimateEnrichment(batchSize, { kind: 'llm', batchSize, prices }).costMicros;
        await setMonthlyCap(t.db, user.id, 10 * batch);
        const first = await runEnrichmentJob(
          t.db,
          (await importOf(user.id, connection.id, account.id, 'FIRST')).id,
          llm(),
        );
        expect(first.status).toBe('completed');
        // what is left of the month covers one more batch, not two
        const cap = first.costMicros + batch + 1;
        await setMonthlyCap(t.db, user.id, cap);

        const secondJob = await importOf(user.id, connection.id, account.id, 'SECOND');
        const before = server.requests.length;
        const capped = await runEnrichmentJob(t.db, secondJob.id, llm());
        expect(capped.status).toBe('capped');
        expect(capped.errorMessage).toMatch(
          /^Monthly spending cap reached: .* monthly cap.*Raise the monthly cap/,
        );
        const budget = await describeMonthlyBudget(t.db, user.id, new Date());
        expect(budget.spentMicros).toBeLessThanOrEqual(cap);
        expect(capped.successes).toBe(batchSize);
        expect(budget.spentMicros).toBe(first.costMicros + capped.costMicros);
        expect(server.requests.length - before).toBeLessThanOrEqual(1);

        // a lower cap resumes nothing; a higher one names the import whose enrichment to resume
        expect(await setMonthlyCap(t.db, user.id, batch)).toEqual({ raised: false, importJobIds: [] });
        const raised = await setMonthlyCap(t.db, user.id, 100 * batch);
        expect(raised).toEqual({ raised: true, importJobIds: [secondJob.importJobId] });
        const resumed = await runEnrichmentJob(t.db, secondJob.id, llm());
        expect(resumed).toMatchObject({ status: 'completed', successes: words.length, errorMessage: null });
      });

      test('no cap means no limit', async () => {
        const { user } = await seedUser(t.db, 'uncapped');
        expect(await describeMonthlyBudget(t.db, user.id, new Date())).toMatchObject({
          capMicros: null,
          remainingMicros: null,
          spentMicros: 0,
        });
      });
    },
  );
}
