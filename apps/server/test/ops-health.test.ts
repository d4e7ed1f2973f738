import { listMigrationNames } from '@app/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

describe('health and readiness', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  test('/healthz says the process is alive', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test('/readyz is ready when the database answers and has every migration', async () => {
    const response = await fetch(`${t.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: {
        database: { ok: true },
        migrations: { ok: true, applied: listMigrationNames(t.database.url).length },
      },
    });
  });

  test('/readyz names the migrations a database lacks, and answers 503', async () => {
    const latest = listMigrationNames(t.database.url).at(-1) ?? '';
    const [row] = await t.db.$queryRaw<
      { id: string }[]
    >`SELECT id FROM _prisma_migrations WHERE migration_name = ${latest}`;
    await t.db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE id = ${row?.id}`;
    try {
      const response = await fetch(`${t.url}/readyz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        ready: boolean;
        reason: string;
        checks: Record<string, unknown>;
      };
      expect(body.ready).toBe(false);
      expect(body.reason).toBe('not ready: migrations');
      expect(body.checks.migrations).toMatchObject({ ok: false, pending: [latest] });
      expect(body.checks.database).toEqual({ ok: true });
    } finally {
      await t.db.$executeRaw`UPDATE _prisma_migrations SET finished_at = started_at WHERE id = ${row?.id}`;
    }
  });

  test('/metrics is off unless configured', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    expect(t.server.metricsUrl).toBeNull();
  });

  test('every response carries a request id, the caller’s when it sent a plausible one', async () => {
    const given = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'edge-42' } });
    expect(given.headers.get('x-request-id')).toBe('edge-42');
    const replaced = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('when metrics have a port of their own', () => {
  test('they are served there and not on the main port', async () => {
    const t = await startTestServer({ ops: { metrics: { port: 0 } } });
    try {
      const metricsUrl = t.server.metricsUrl ?? '';
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(new URL(metricsUrl).port).not.toBe(new URL(t.url).port);
      const response = await fetch(metricsUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toContain('# TYPE spending_imports_finished_total counter');
      expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
