import { randomBytes } from 'node:crypto';
import { createTokenCipher } from '@app/db';
import { createTestDatabase, testProviders, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createEnrichmentSettings,
  enrichImport,
  estimateImportEnrichment,
  setMonthlyCap,
  type ServerEnrichmentDefault,
} from '../src/index';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { seedImport, seedUser } from './seed';

const cipher = createTokenCipher({ k1: randomBytes(32).toString('base64') }, 'k1');
const rows = [
  { description: 'TESCO STORES 2231' },
  { description: 'PRET A MANGER LONDON' },
  { description: 'NETFLIX.COM' },
  { description: 'UBER *TRIP' },
];

for (const { provider: dbProvider, skip, reason } of testProviders) {
  describe.skipIf(skip)(`enrichImport on ${dbProvider}${skip ? ` (skipped: ${reason})` : ''}`, () => {
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

    function settingsFor(serverDefault: ServerEnrichmentDefault = { provider: 'rules' }) {
      return createEnrichmentSettings({ db: t.db, cipher, serverDefault, timeoutMs: 300 });
    }

    async function importFor(name: string, descriptions = rows) {
      const { user, connection, account } = await seedUser(t.db, `${name}-${dbProvider}`);
      const owner = { userId: user.id, connectionId: connection.id, accountId: account.id };
      return { user, ...(await seedImport(t.db, owner, descriptions)) };
    }

    // Each test its own model name: the cache is per model, and answers one test paid for are free in the next.
    async function chooseModel(userId: string, model: string, baseUrl = server.baseUrl) {
      await settingsFor().set(userId, {
        provider: 'llm',
        baseUrl,
        model,
        apiKey: server.apiKey,
        batchSize: 2,
        // The fake runs on 127.0.0.1, which counts as a free local server unless prices are given.
        inputMicrosPerMillionTokens: 150_000,
        outputMicrosPerMillionTokens: 600_000,
      });
    }

    async function rowsOf(importJobId: string) {
      return t.db.transaction.findMany({
        where: { importJobId },
        select: { description: true, category: true, enrichedBy: true, enrichedAt: true },
        orderBy: { description: 'asc' },
      });
    }

    test('the key is stored encrypted and never shown; the model enriches, priced and cached', async () => {
      const { user, importJob } = await importFor('model');
      await chooseModel(user.id, 'gpt-4o-mini');
      const stored = await t.db.enrichmentSettings.findUniqueOrThrow({ where: { userId: user.id } });
      expect(stored.apiKeyEncrypted).not.toContain(server.apiKey);
      expect(cipher.decrypt(stored.apiKeyEncrypted ?? '')).toBe(server.apiKey);
      const view = await settingsFor().get(user.id);
      expect(JSON.stringify(view)).not.toContain(server.apiKey);
      expect(view, JSON.stringify(view)).toMatchObject({
        provider: 'llm',
        hasApiKey: true,
        inputMicrosPerMillionTokens: 150_000,
      });

      const estimate = await estimateImportEnrichment(
        { db: t.db, settings: settingsFor() },
        {
          userId: user.id,
          transactionCount: 4,
        },
      );
      expect(estimate.costMicros).toBeGreaterThan(0);
      expect(estimate.basis).toContain('gpt-4o-mini');

      const before = server.requests.length;
      const jobs = await enrichImport(
        { db: t.db, settings: settingsFor() },
        { userId: user.id, importJobId: importJob.id },
      );
      expect(server.requests.length - before).toBe(2); // 4 transactions, batches of 2
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        provider: 'llm',
        model: 'gpt-4o-mini',
        status: 'completed',
        successes: 4,
      });
      expect(jobs[0]?.costMicros).toBeGreaterThan(0);
      expect(jobs[0]?.tokensIn).toBeGreaterThan(0);
      expect((await rowsOf(importJob.id)).every((r) => r.enrichedBy === 'llm:gpt-4o-mini')).toBe(true);
    });

    // Each broken endpoint ends with every row categorised by the rules and a message on the model's job.
    const broken: [string, (s: FakeLlmServer) => void, string | null, RegExp][] = [
      ['refused', () => {}, 'http://127.0.0.1:9/v1', /Could not reach the model endpoint/],
      ['slow', (s) => s.hang(true), null, /did not answer within 300 ms/],
      ['HTTP 500', (s) => s.failNext(500, 500, 500), null, /HTTP 500/],
      ['invalid JSON', (s) => s.answerBadJson(true), null, /no usable answer/],
    ];
    test.each(broken)(
      'a %s endpoint: rules take over and the job says so',
      async (name, breakIt, url, said) => {
        const { user, importJob } = await importFor(`broken-${name.replace(/\W/g, '')}`);
        await chooseModel(user.id, `broken-${name}`, url ?? server.baseUrl);
        breakIt(server);
        try {
          const jobs = await enrichImport(
            { db: t.db, settings: settingsFor() },
            { userId: user.id, importJobId: importJob.id },
          );
          expect(jobs.map((j) => j.provider)).toEqual(['llm', 'rules']);
          expect(jobs[0]?.errorMessage).toMatch(said);
          expect(jobs[0]?.errorMessage).toMatch(/The rules categorised the remaining 4 transaction\(s\)/);
          expect(jobs[0]?.errorMessage).not.toContain(server.apiKey);
          const stored = await rowsOf(importJob.id);
          expect(stored.map((r) => [r.description, r.category, r.enrichedBy])).toEqual([
            ['NETFLIX.COM', 'Subscriptions', 'rules'],
            ['PRET A MANGER LONDON', 'Eating out', 'rules'],
            ['TESCO STORES 2231', 'Groceries', 'rules'],
            ['UBER *TRIP', 'Transport', 'rules'],
          ]);
        } finally {
          server.hang(false);
          server.answerBadJson(false);
        }
      },
    );

    test('wrong categories: those rows go to the rules, the rest keep the model', async () => {
      const { user, importJob } = await importFor('wrong', [
        { description: 'TESCO STORES 2231' },
        { description: 'MYSTERY NETFLIX.COM' },
      ]);
      await chooseModel(user.id, 'wrong');
      const jobs = await enrichImport(
        { db: t.db, settings: settingsFor() },
        { userId: user.id, importJobId: importJob.id },
      );
      expect(jobs.map((j) => j.provider)).toEqual(['llm', 'rules']);
      expect(jobs[0]?.errorMessage).toMatch(
        /no usable answer .* for 1 transaction\(s\)\. The rules categorised the remaining 1/,
      );
      expect((await rowsOf(importJob.id)).map((r) => [r.category, r.enrichedBy])).toEqual([
        ['Subscriptions', 'rules'],
        ['Groceries', 'llm:wrong'],
      ]);
    });

    test('the monthly cap stops model calls; the rules take over; the estimate says it would pass the cap', async () => {
      const { user, importJob } = await importFor('capped');
      await chooseModel(user.id, 'capped');
      await setMonthlyCap(t.db, user.id, 1);
      const estimate = await estimateImportEnrichment(
        { db: t.db, settings: settingsFor() },
        {
          userId: user.id,
          transactionCount: 4,
        },
      );
      expect(estimate.basis, estimate.basis).toMatch(/would pass it/);
      const before = server.requests.length;
      const jobs = await enrichImport(
        { db: t.db, settings: settingsFor() },
        { userId: user.id, importJobId: importJob.id },
      );
      expect(server.requests.length).toBe(before);
      expect(jobs.map((j) => [j.provider, j.status])).toEqual([
        ['llm', 'capped'],
        ['rules', 'completed'],
      ]);
      expect(jobs[0]?.errorMessage).toMatch(
        /Monthly spending cap reached.*The rules categorised the remaining 4/,
      );
      expect((await rowsOf(importJob.id)).every((r) => r.enrichedBy === 'rules')).toBe(true);
    });

    test('"none" enriches nothing and estimates nothing', async () => {
      const { user, importJob } = await importFor('none');
      await settingsFor().set(user.id, { provider: 'none' });
      expect(
        await enrichImport(
          { db: t.db, settings: settingsFor() },
          { userId: user.id, importJobId: importJob.id },
        ),
      ).toEqual([]);
      expect((await rowsOf(importJob.id)).every((r) => r.enrichedAt === null)).toBe(true);
    });

    test('test connection: the reply, or a clear message without the key', async () => {
      const { user } = await importFor('conn');
      const settings = settingsFor();
      const llmInput = { provider: 'llm' as const, baseUrl: server.baseUrl, model: 'gpt-4o-mini' };
      expect(await settings.test(user.id, { ...llmInput, apiKey: server.apiKey })).toMatchObject({
        ok: true,
        model: 'gpt-4o-mini',
      });
      const wrongKey = await settings.test(user.id, { ...llmInput, apiKey: 'sk-wrong-key-999' });
      expect(wrongKey).toEqual({ ok: false, message: 'The endpoint refused the API key (HTTP 401).' });
      const refused = await settings.test(user.id, {
        ...llmInput,
        baseUrl: 'http://127.0.0.1:9/v1',
        apiKey: 'x',
      });
      expect(refused).toMatchObject({
        ok: false,
        message: expect.stringMatching(/Could not reach the endpoint/),
      });
    });

    test('an unknown hosted model needs prices; a local server is free', async () => {
      const { user } = await importFor('prices');
      await expect(
        settingsFor().set(user.id, {
          provider: 'llm',
          baseUrl: 'https://api.example.com/v1',
          model: 'mystery-1',
          apiKey: 'k',
        }),
      ).rejects.toThrow(/No list price is known for mystery-1/);
      const local = await settingsFor().set(user.id, {
        provider: 'llm',
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'llama3.2',
      });
      expect(local).toMatchObject({
        inputMicrosPerMillionTokens: 0,
        outputMicrosPerMillionTokens: 0,
        hasApiKey: false,
      });
    });
  });
}
