import { createTestDatabase, testProviders, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  costMicros,
  createEnrichmentJob,
  createLlmProvider,
  createRulesProvider,
  estimateEnrichment,
  llmProviderConfigSchema,
  runEnrichmentJob,
} from '../src/index';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { seedImport, seedUser, type SeedTransaction } from './seed';

for (const { provider: dbProvider, skip, reason } of testProviders) {
  describe.skipIf(skip)(`runEnrichmentJob on ${dbProvider}${skip ? ` (skipped: ${reason})` : ''}`, () => {
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

    function llm(options: { batchSize?: number; apiKey?: string } = {}) {
      const config = llmProviderConfigSchema.parse({
        baseUrl: server.baseUrl,
        apiKey: options.apiKey ?? server.apiKey,
        model: 'test-model',
        batchSize: options.batchSize ?? 4,
      });
      return { provider: createLlmProvider(config), prices: config.prices, batchSize: config.batchSize };
    }

    async function importFor(name: string, rows: SeedTransaction[]) {
      const { user, connection, account } = await seedUser(t.db, name);
      const owner = { userId: user.id, connectionId: connection.id, accountId: account.id };
      return { user, owner, ...(await seedImport(t.db, owner, rows)) };
    }

    async function jobFor(
      userId: string,
      importJobId: string,
      llmJob: boolean,
      capMicros: number | null = null,
    ) {
      const [provider, model] = llmJob ? ['llm', 'test-model'] : ['rules', null];
      return createEnrichmentJob(t.db, { userId, importJobId, provider, model, capMicros });
    }

    const pricedRequests = (from: number) =>
      server.requests.slice(from).reduce(
        (sum, r) => {
          const usage = r.usage ?? { prompt_tokens: 0, completion_tokens: 0 };
          const cost = costMicros(usage.prompt_tokens, usage.completion_tokens, llm().prices);
          return {
            in: sum.in + usage.prompt_tokens,
            out: sum.out + usage.completion_tokens,
            cost: sum.cost + cost,
          };
        },
        { in: 0, out: 0, cost: 0 },
      );

    describe('with the rules provider', () => {
      test('categories and merchant names are written and the counters match', async () => {
        const { user, importJob } = await importFor('rules', [
          { description: 'TESCO STORES 2231' },
          { description: 'PRET A MANGER LONDON' },
          { description: 'ACME LTD SALARY', direction: 'CREDIT' },
          { description: 'J SMITH', merchantName: 'Jo Smith' },
          { description: 'NETFLIX.COM' },
        ]);
        const job = await jobFor(user.id, importJob.id, false);
        expect(job).toMatchObject({ status: 'queued', transactionCount: 5 });

        const ended = await runEnrichmentJob(t.db, job.id, { provider: createRulesProvider(), batchSize: 2 });
        expect(ended).toMatchObject({
          status: 'completed',
          successes: 5,
          failures: 0,
          cacheHits: 0,
          costMicros: 0,
          tokensIn: 0,
        });
        expect(ended.finishedAt).not.toBeNull();

        const rows = await t.db.transaction.findMany({
          where: { importJobId: importJob.id },
          orderBy: { providerId: 'asc' },
        });
        expect(rows.map((r) => [r.category, r.merchantName, r.enrichedBy])).toEqual([
          ['Groceries', 'Tesco', 'rules'],
          ['Eating out', 'Pret A Manger', 'rules'],
          ['Income', null, 'rules'],
          ['Other', 'Jo Smith', 'rules'],
          ['Subscriptions', 'Netflix', 'rules'],
        ]);
        expect(rows.every((r) => r.enrichedAt !== null)).toBe(true);
      });
    });

    describe('with the LLM provider', () => {
      const texts = [
        'TESCO STORES 2231',
        'PRET A MANGER 12',
        'NETFLIX.COM',
        'UBER TRIP 77',
        'ACME SALARY',
        'IKEA WEMBLEY',
      ];

      test('the tokens and cost the endpoint reported are recorded on the job', async () => {
        const { user, importJob } = await importFor(
          'llm',
          texts.map((description) => ({ description })),
        );
        const job = await jobFor(user.id, importJob.id, true);
        const before = server.requests.length;

        const ended = await runEnrichmentJob(t.db, job.id, llm());
        const reported = pricedRequests(before);
        expect(server.requests.length - before).toBe(2);
        expect(ended).toMatchObject({
          status: 'completed',
          successes: 6,
          failures: 0,
          cacheHits: 0,
          model: 'test-model',
        });
        expect(ended).toMatchObject({
          tokensIn: reported.in,
          tokensOut: reported.out,
          costMicros: reported.cost,
        });
        expect(ended.costMicros).toBeGreaterThan(0);
        const tesco = await t.db.transaction.findFirstOrThrow({
          where: { importJobId: importJob.id, description: texts[0] },
        });
        // Issue 18: a row says which model categorised it (was: 'llm').
        expect(tesco).toMatchObject({
          category: 'Groceries',
          merchantName: 'Tesco',
          enrichedBy: 'llm:test-model',
        });
      });

      test('running a finished job again changes nothing and asks the model nothing', async () => {
        const { user, importJob } = await importFor('rerun', [
          { description: 'BOOTS 12' },
          { description: 'WALLABY WAX' },
        ]);
        const job = await jobFor(user.id, importJob.id, true);
        const first = await runEnrichmentJob(t.db, job.id, llm());
        const rowsBefore = await t.db.transaction.findMany({ where: { importJobId: importJob.id } });
        const before = server.requests.length;

        const second = await runEnrichmentJob(t.db, job.id, llm());
        const rowsAfter = await t.db.transaction.findMany({ where: { importJobId: importJob.id } });
        const counters = ({
          successes,
          failures,
          cacheHits,
          tokensIn,
          tokensOut,
          costMicros,
        }: typeof first) => ({ successes, failures, cacheHits, tokensIn, tokensOut, costMicros });
        expect(second.status).toBe('completed');
        expect(counters(second)).toEqual(counters(first));
        expect(server.requests.length).toBe(before);
        expect(rowsAfter).toEqual(rowsBefore);
      });

      test('the same texts in a later job come from the cache and cost nothing', async () => {
        const first = ['TESCO STORES 1111', 'EMU EMPORIUM 5'].map((description) => ({ description }));
        const earlier = await importFor('cache-first', first);
        await runEnrichmentJob(t.db, (await jobFor(earlier.user.id, earlier.importJob.id, true)).id, llm());

        const again = first.map(({ description }) => ({ description: description.replace(/\d+/g, '9999') }));
        const { user, importJob } = await importFor('cached', again);
        const job = await jobFor(user.id, importJob.id, true);
        const before = server.requests.length;

        const ended = await runEnrichmentJob(t.db, job.id, llm());
        expect(server.requests.length).toBe(before);
        expect(ended).toMatchObject({
          status: 'completed',
          successes: 2,
          cacheHits: 2,
          tokensIn: 0,
          tokensOut: 0,
          costMicros: 0,
        });
        const tesco = await t.db.transaction.findFirstOrThrow({
          where: { importJobId: importJob.id, description: 'TESCO STORES 9999' },
        });
        expect(tesco).toMatchObject({ category: 'Groceries', merchantName: 'Tesco' });
      });

      test('a text repeated within a batch is asked about once', async () => {
        const rows = ['ZEBRA CAFE 1', 'ZEBRA CAFE 2', 'ZEBRA CAFE 3'].map((description) => ({ description }));
        const { user, importJob } = await importFor('repeats', rows);
        const job = await jobFor(user.id, importJob.id, true);
        const before = server.requests.length;

        const ended = await runEnrichmentJob(t.db, job.id, llm());
        expect(server.requests.slice(before).map((r) => r.transactions.length)).toEqual([1]);
        expect(ended).toMatchObject({ successes: 3, cacheHits: 2 });
      });

      test('a transaction the model leaves out counts as a failure and stays unenriched', async () => {
        const { user, importJob } = await importFor('skipped', [
          { description: 'SKIPME 1' },
          { description: 'QUOKKA SHOP' },
        ]);
        const job = await jobFor(user.id, importJob.id, true);

        const ended = await runEnrichmentJob(t.db, job.id, llm());
        expect(ended).toMatchObject({ status: 'completed', successes: 1, failures: 1 });
        const skipped = await t.db.transaction.findFirstOrThrow({
          where: { importJobId: importJob.id, description: 'SKIPME 1' },
        });
        expect(skipped).toMatchObject({ enrichedAt: null, category: null });
      });

      test('a rejected API key fails the job without the key in its message', async () => {
        const wrongKey = 'sk-wrong-key-789';
        const { user, importJob } = await importFor('badkey', [{ description: 'WOMBAT STORE' }]);
        const job = await jobFor(user.id, importJob.id, true);

        const ended = await runEnrichmentJob(t.db, job.id, llm({ apiKey: wrongKey }));
        expect(ended.status).toBe('failed');
        expect(ended.errorMessage).toContain('HTTP 401');
        expect(ended.errorMessage).not.toContain(wrongKey);
        expect(await t.db.transaction.count({ where: { importJobId: importJob.id, enrichedAt: null } })).toBe(
          1,
        );
      });

      test('the spending cap stops the job as capped within the cap, and a raised cap finishes it', async () => {
        const words = [
          'ALPHA',
          'BRAVO',
          'CHARLIE',
          'DELTA',
          'ECHO',
          'FOXTROT',
          'GOLF',
          'HOTEL',
          'INDIA',
          'JULIET',
          'KILO',
          'LIMA',
        ];
        const { user, importJob } = await importFor(
          'capped',
          words.map((w) => ({ description: `${w} TRADING` })),
        );
        const { prices, batchSize } = llm();
        // Room for exactly one batch: the second's estimate no longer fits once the first has cost anything.
        const cap = estimateEnrichment(batchSize, { kind: 'llm', batchSize, prices }).costMicros + 1;
        const job = await jobFor(user.id, importJob.id, true, cap);

        const capped = await runEnrichmentJob(t.db, job.id, llm());
        expect(capped).toMatchObject({ status: 'capped', successes: 4 });
        expect(capped.costMicros).toBeGreaterThan(0);
        expect(capped.costMicros).toBeLessThanOrEqual(cap);
        expect(capped.errorMessage).toMatch(/Spending cap reached.*Raise the cap/);
        expect(await t.db.transaction.count({ where: { importJobId: importJob.id, enrichedAt: null } })).toBe(
          8,
        );

        await t.db.enrichmentJob.update({ where: { id: job.id }, data: { capMicros: 1_000_000 } });
        const finished = await runEnrichmentJob(t.db, job.id, llm());
        expect(finished).toMatchObject({
          status: 'completed',
          successes: 12,
          failures: 0,
          errorMessage: null,
        });
        expect(finished.costMicros).toBeLessThanOrEqual(1_000_000);
        expect(await t.db.transaction.count({ where: { importJobId: importJob.id, enrichedAt: null } })).toBe(
          0,
        );
      });

      test('a cap smaller than one batch sends nothing', async () => {
        const { user, importJob } = await importFor('tinycap', [{ description: 'PLATYPUS POTTERY' }]);
        const job = await jobFor(user.id, importJob.id, true, 1);
        const before = server.requests.length;

        const ended = await runEnrichmentJob(t.db, job.id, llm());
        expect(ended).toMatchObject({ status: 'capped', successes: 0, costMicros: 0 });
        expect(server.requests.length).toBe(before);
      });

      test('an aborted run goes back to the queue and a later run finishes it', async () => {
        const { user, importJob } = await importFor('aborted', [{ description: 'KOALA KITES' }]);
        const job = await jobFor(user.id, importJob.id, true);
        const controller = new AbortController();
        controller.abort();

        const stopped = await runEnrichmentJob(t.db, job.id, { ...llm(), signal: controller.signal });
        expect(stopped).toMatchObject({ status: 'queued', successes: 0, finishedAt: null });

        const finished = await runEnrichmentJob(t.db, job.id, llm());
        expect(finished).toMatchObject({ status: 'completed', successes: 1 });
      });
    });
  });
}
