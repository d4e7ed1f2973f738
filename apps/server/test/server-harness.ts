import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { randomBytes } from 'node:crypto';
import { createApiClient, type ApiClient } from '@app/api/client';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import type { SandboxOptions } from '@app/sandbox';
import { WebSocket } from 'ws';
import { createLogger, type AppLogger } from '../src/logger';
import type { ServerConfig, ServerRuntime } from '../src/server-config';
import { startServer, type RunningServer } from '../src/start-server';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Node 20 has no global WebSocket; the `ws` class stands in for the browser's. */
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

/** The real server on a random port, with the embedded sandbox bank (random port) and a fresh SQLite file. */
export async function startTestServer(
  options: {
    sandbox?: SandboxOptions;
    database?: TestDatabase;
    logger?: AppLogger;
    ops?: ServerConfig['ops'];
    tokenKeys?: ServerConfig['tokenKeys'];
    /** The Remix app, for tests of pages (a placeholder page otherwise). */
    web?: ServerRuntime['web'];
    mutationsPerMinute?: number;
    publicUrl?: string;
    /** The scaled mode's queue and Redis (no workers run: tests of the API replicas). */
    scaled?: ServerConfig['scaled'];
  } = {},
) {
  const database = options.database ?? (await createTestDatabase('sqlite'));
  const server: RunningServer = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      publicUrl: options.publicUrl,
      databaseUrl: database.url,
      tokenKeys: options.tokenKeys ?? {
        keys: { test: randomBytes(32).toString('base64') },
        currentKeyId: 'test',
      },
      bank: { kind: 'embedded-sandbox', port: 0, options: { seed: 7, ...options.sandbox } },
      truelayerTuning: { retryBaseMs: 5, retryMaxMs: 50, timeoutMs: 5_000 },
      importer: { workers: 4, jobConcurrency: 4 },
      sessionTtlDays: 30,
      demoUser: null,
      mutationsPerMinute: options.mutationsPerMinute ?? 10_000,
      secureCookies: false,
      ops: options.ops,
      scaled: options.scaled,
    },
    { web: options.web, logger: options.logger ?? createLogger({ level: 'silent', pretty: false }) },
  );
  const clients: ApiClient[] = [];

  function client(sessionToken?: string): ApiClient {
    const api = createApiClient({ url: server.url, sessionToken, WebSocket: NodeWebSocket });
    clients.push(api);
    return api;
  }

  async function signUp(email: string) {
    const { user, sessionToken } = await client().auth.signUp.mutate({
      email,
      password: 'correct horse battery',
    });
    return { user, sessionToken, api: client(sessionToken) };
  }

  /** startOAuth, then the sandbox's consent link (consenting at once with `sandbox_auto=1`), then completeOAuth. */
  async function connectBank(api: ApiClient) {
    const { url } = await api.connections.startOAuth.mutate({});
    const consent = await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    const connection = await api.connections.completeOAuth.mutate({
      code: callback.searchParams.get('code') ?? '',
      state: callback.searchParams.get('state') ?? '',
    });
    return { connection, callback };
  }

  async function close() {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    if (!options.database) await database.drop();
  }

  return { server, url: server.url, db: database.db, database, client, signUp, connectBank, close };
}

export function daysAgo(days: number): string {
  return addDays(todayIn(londonTimeZone, new Date()), -days);
}
