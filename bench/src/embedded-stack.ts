import { randomBytes } from 'node:crypto';
import { createApiClient, type ApiClient } from '@app/api/client';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import { createLogger, startServer, type WebHandlerFactory } from '@app/server';
import { WebSocket } from 'ws';
import { createBenchDatabase } from './bench-database';

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

export type EmbeddedStack = Awaited<ReturnType<typeof startEmbeddedStack>>;

/**
 * The embedded server (one process, SQLite) in this process, on a random port, with a sandbox bank of its own and
 * limits high enough that they shape nothing but what a run measures on purpose. `close` ends every client it made.
 */
export async function startEmbeddedStack(options: {
  seed: number;
  jobConcurrency: number;
  web?: WebHandlerFactory;
}) {
  const bank: SandboxBank = await createSandboxBank({
    seed: options.seed,
    latency: { fixedMs: 10, jitterMs: 5 },
    unattendedLimit: null,
  }).listen(0, '127.0.0.1');
  const database = await createBenchDatabase('sqlite');
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      tokenKeys: { keys: { load: randomBytes(32).toString('base64') }, currentKeyId: 'load' },
      bank: {
        kind: 'shared-sandbox',
        url: bank.url,
        clientId: bank.clientId,
        clientSecret: bank.clientSecret,
      },
      // enough retries that 5 % faults never exhaust them; a 1 s Retry-After is waited for, not handed back
      truelayerTuning: { retryBaseMs: 10, retryMaxMs: 2_000, timeoutMs: 10_000, maxRetries: 8 },
      importer: { workers: 4, jobConcurrency: options.jobConcurrency },
      sessionTtlDays: 1,
      demoUser: null,
      mutationsPerMinute: 100_000,
      secureCookies: false,
    },
    { logger: createLogger({ level: 'silent', pretty: false }), web: options.web },
  );
  const clients: ApiClient[] = [];
  /** A client the caller closes (a long run opens many: tracking each would grow without end). */
  const openClient = (sessionToken?: string) =>
    createApiClient({ url: server.url, sessionToken, WebSocket: NodeWebSocket });
  /** A client closed with the stack. */
  const client = (sessionToken?: string) => {
    const api = openClient(sessionToken);
    clients.push(api);
    return api;
  };

  /** Signs `email` up and connects the sandbox bank through its consent page (auto-approved). */
  async function connectUser(email: string, password: string) {
    const { sessionToken } = await client().auth.signUp.mutate({ email, password });
    const api = client(sessionToken);
    const { url } = await api.connections.startOAuth.mutate({});
    const callback = new URL(
      (await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const connection = await api.connections.completeOAuth.mutate({
      code: callback.searchParams.get('code') ?? '',
      state: callback.searchParams.get('state') ?? '',
    });
    return { api, sessionToken, connectionId: connection.id };
  }

  async function close() {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
    await bank.close();
    await database.drop();
  }

  return { bank, database, server, client, openClient, connectUser, close };
}
