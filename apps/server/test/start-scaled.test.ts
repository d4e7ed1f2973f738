import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiClient, type ApiClient } from '@app/api/client';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { followImport } from './follow-import';
import { daysAgo } from './server-harness';

const redisUrl = process.env.TEST_REDIS_URL ?? '';
const skipReason = !redisUrl
  ? ' (skipped: TEST_REDIS_URL is not set)'
  : !testPostgresUrl
    ? ' (skipped: TEST_POSTGRES_URL is not set)'
    : '';
const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Node 20 has no global WebSocket; the `ws` class stands in for the browser's. */
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

function isFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function anyFreePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A free port whose successor is free too: the script puts its two API processes on PORT and PORT + 1. */
async function freePortPair() {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await anyFreePort();
    if (port < 65_535 && (await isFree(port + 1))) return port;
  }
  throw new Error('no two consecutive free ports');
}

/**
 * `pnpm start:scaled` exactly as a person runs it (the one command of the scaled mode), on a database of its own
 * and a queue name of its own: it migrates, builds the web app, starts a sandbox bank, 2 API processes and
 * 3 workers. The demo user the first API process creates signs in on the second, connects the bank and imports;
 * the import can only complete on a worker, since API processes in the scaled mode run no imports.
 */
describe.skipIf(skipReason !== '')(`pnpm start:scaled runs an import end to end${skipReason}`, () => {
  let database: TestDatabase;
  let script: ReturnType<typeof spawn>;
  let exited: Promise<number | null>;
  let output = '';
  let apiUrls: string[] = [];
  let sandboxPort = 0;
  const clients: ApiClient[] = [];

  /** Resolves once the script's combined output matches, or rejects if the script exits first. */
  function outputMatches(pattern: RegExp) {
    return new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        script.stdout?.off('data', check);
        resolve(match);
      };
      script.stdout?.on('data', check);
      void exited.then((code) => reject(new Error(`start:scaled exited (${code}):\n${output}`)));
      check();
    });
  }

  /** A terminal's Ctrl-C: SIGINT to the whole foreground process group (pnpm itself ignores a lone SIGINT). */
  function pressCtrlC() {
    process.kill(-(script.pid ?? 0), 'SIGINT');
  }

  function client(replica: number, sessionToken?: string) {
    const api = createApiClient({ url: apiUrls[replica] ?? '', sessionToken, WebSocket: NodeWebSocket });
    clients.push(api);
    return api;
  }

  beforeAll(async () => {
    const webDir = path.join(repoRoot, 'apps/web');
    if (!existsSync(path.join(webDir, 'build/server/index.js')))
      execFileSync('pnpm', ['exec', 'remix', 'vite:build'], { cwd: webDir, stdio: 'pipe' });
    database = await createTestDatabase('postgresql');
    const port = await freePortPair();
    sandboxPort = await anyFreePort();
    apiUrls = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];
    script = spawn('pnpm', ['start:scaled'], {
      cwd: repoRoot,
      // What a person's shell would hold (NODE_ENV unset means development: pretty logs, the demo user).
      env: {
        NODE_ENV: 'development',
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        QUEUE_NAME: `test-start-scaled-${randomBytes(4).toString('hex')}`,
        PORT: String(port),
        SANDBOX_PORT: String(sandboxPort),
        // `npm test` installed and built before the run; a rebuild here would replace the assets that the browser
        // tests running alongside are loading
        SKIP_BUILD: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // a process group of its own, as in a terminal, so Ctrl-C can be sent the way a terminal sends it
    });
    exited = new Promise((resolve) => script.once('exit', (code) => resolve(code)));
    for (const stream of [script.stdout, script.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => void (output += chunk));
    }
    await outputMatches(/\[api-2\].*spending import is running/);
    await Promise.all(
      [1, 2, 3].map((n) => outputMatches(new RegExp(`\\[worker-${n}\\].*import worker ready`))),
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(clients.map((api) => api.close()));
    if (script?.pid && script.exitCode === null && script.signalCode === null) {
      pressCtrlC();
      await exited;
    }
    await database?.drop();
  }, 60_000);

  test('the demo user connects the sandbox bank on one API process and imports, followed live on the other', async () => {
    const { sessionToken } = await client(1).auth.signIn.mutate({
      email: 'demo@example.com',
      password: 'demo-password',
    });
    const first = client(0, sessionToken);
    const { url } = await first.connections.startOAuth.mutate({});
    const consent = await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    const connection = await first.connections.completeOAuth.mutate({
      code: callback.searchParams.get('code') ?? '',
      state: callback.searchParams.get('state') ?? '',
    });

    const { jobId } = await first.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(60),
      toDate: daysAgo(0),
      batchSize: 25,
    });
    const followed = followImport(client(1, sessionToken), jobId);
    await first.importStart.mutate({ jobId });
    const { events } = await followed;

    const job = await database.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe('completed');
    expect(job.totalErrors).toBe(0);
    expect(job.totalSynced).toBeGreaterThan(0);
    expect(job.totalFetched).toBe(job.totalSynced + job.totalDuplicates);
    const stored = await database.db.transaction.count({
      where: { account: { connectionId: connection.id } },
    });
    expect(stored).toBe(job.totalSynced);
    expect(events.at(-1)?.kind).toBe('finished');
    // A worker ran it: its lines carry the job id (the API processes only plan, start and stream).
    expect(output).toMatch(new RegExp(`\\[worker-\\d\\].*${jobId}`));
    expect(output).not.toMatch(new RegExp(`\\[api-\\d\\].*import job running`));
  }, 120_000);

  test('Ctrl-C stops every process it started, and their ports are free again', async () => {
    pressCtrlC();
    await exited;
    // The script's own stop: each worker checkpoints and says so, then every port it listened on is free.
    for (const n of [1, 2, 3]) expect(output).toMatch(new RegExp(`\\[worker-${n}\\].*import worker stopped`));
    for (const port of [...apiUrls.map((url) => Number(new URL(url).port)), sandboxPort]) {
      expect(await isFree(port)).toBe(true);
    }
  }, 60_000);
});
