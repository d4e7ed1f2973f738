import { createEnrichmentSettings, enrichImport, estimateImportEnrichment } from '@app/enrichment';
import { startFakeLlmServer, type FakeLlmServer } from '@app/enrichment/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

// Issue 18's "done when": with an endpoint configured (the local fake), the plan shows a non-zero cost, the
// import is enriched through the model, the Costs page has the job's tokens and cost, and the cap stops
// further model calls with the rules taking over. The same flow on PostgreSQL: enrichment/test/enrich-import.
describe('enrichment through the model a person chose', () => {
  let h: ApiHarness;
  let server: FakeLlmServer;
  let api: Awaited<ReturnType<ApiHarness['signUp']>>['api'];
  let connectionId: string;
  const prices = { inputMicrosPerMillionTokens: 150_000, outputMicrosPerMillionTokens: 600_000 };

  beforeAll(async () => {
    h = await createApiHarness();
    server = await startFakeLlmServer();
    const settings = createEnrichmentSettings({
      db: h.db,
      cipher: h.cipher,
      serverDefault: { provider: 'rules' },
    });
    h.setEnrichmentSettings(settings);
    const deps = { db: h.db, settings };
    h.setEnrichment(
      {
        enrichImport: async (input) => void (await enrichImport(deps, input)),
        estimate: (input) => estimateImportEnrichment(deps, input),
      },
      { runs: true },
    );
    ({ api } = await h.signUp('model@example.test'));
    connectionId = (await h.connectBank(api)).id;
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  async function importDays(from: number, to: number) {
    const plan = await api.importPlan({
      connectionId,
      fromDate: daysAgo(from),
      toDate: daysAgo(to),
      autoEnrich: true,
    });
    await api.importStart({ jobId: plan.jobId });
    await h.runner.idle();
    return plan;
  }

  test('the key goes in and never comes out; test connection answers with the reply', async () => {
    const view = await api.enrichmentSettings.set({
      provider: 'llm',
      baseUrl: server.baseUrl,
      model: 'fake-model',
      apiKey: server.apiKey,
      ...prices,
    });
    expect(view).toMatchObject({ source: 'yours', provider: 'llm', model: 'fake-model', hasApiKey: true });
    expect(JSON.stringify(await api.enrichmentSettings.get())).not.toContain(server.apiKey);
    const stored = await h.db.enrichmentSettings.findFirstOrThrow();
    expect(stored.apiKeyEncrypted).not.toContain(server.apiKey);
    expect(await api.enrichmentSettings.test()).toMatchObject({ ok: true, model: 'fake-model' });
    expect(h.errors.map((e) => JSON.stringify(e)).join()).not.toContain(server.apiKey);

    const other = await h.signUp('other@example.test');
    expect(await other.api.enrichmentSettings.get()).toMatchObject({ source: 'server', provider: 'rules' });
  });

  test('a non-zero plan, the import enriched through the model, the Costs page with its tokens and cost', async () => {
    const before = server.requests.length;
    const plan = await importDays(20, 0);
    expect(plan.estimate.costMicros).toBeGreaterThan(0);
    expect(plan.estimate.costBasis).toContain('fake-model');
    expect(server.requests.length).toBeGreaterThan(before);

    const costs = await api.costs.summary({ days: 7 });
    const job = costs.jobs.find((j) => j.importJobId === plan.jobId);
    expect(job).toMatchObject({ provider: 'llm', model: 'fake-model', status: 'completed' });
    expect(job?.tokensIn).toBeGreaterThan(0);
    expect(job?.costMicros).toBeGreaterThan(0);
    const rows = await h.db.transaction.findMany({
      where: { importJobId: plan.jobId },
      select: { enrichedBy: true },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.enrichedBy))).toEqual(new Set(['llm:fake-model']));
  });

  test('at the monthly cap no model is asked: the rules categorise and the job says why', async () => {
    await api.costs.setMonthlyCap({ capMicros: 1 });
    const plan = await importDays(60, 21);
    expect(plan.estimate.costBasis).toMatch(/would pass it/);
    expect(plan.estimate.warnings.map((w) => w.code)).toContain('ENRICHMENT_CAP');
    const before = server.requests.length;
    const costs = await api.costs.summary({ days: 7 });
    const jobs = costs.jobs.filter((j) => j.importJobId === plan.jobId);
    expect(jobs.map((j) => [j.provider, j.status]).sort()).toEqual([
      ['llm', 'capped'],
      ['rules', 'completed'],
    ]);
    expect(jobs.find((j) => j.provider === 'llm')?.errorMessage).toMatch(
      /Monthly spending cap reached.*rules categorised/,
    );
    expect(server.requests.length).toBe(before);
  });
});
