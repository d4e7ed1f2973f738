import { randomBytes } from 'node:crypto';
import type { ApiClient } from '@app/api/client';
import { createTestDatabase } from '@app/db/testing';
import { createSandboxBank } from '@app/sandbox';
import { createLogger, startServer } from '@app/server';
import { createClient } from '../src/create-client';

export type CliTestServer = Awaited<ReturnType<typeof startCliTestServer>>;

const sandboxSeed = 7;
/** A second mock user of the sandbox bank, whose card always answers 403 (its ids follow from seed and name). */
const brokenUser = 'carol';

function brokenCardId(): string {
  const card = createSandboxBank({ seed: sandboxSeed }).accountsOf(brokenUser).cards[0];
  if (!card) throw new Error(`the sandbox gives ${brokenUser} no card`);
  return card.account_id;
}

/** startOAuth, the sandbox's consent page (consenting at once with `sandbox_auto=1`), then completeOAuth. */
async function connectSandboxBank(api: ApiClient, user: string) {
  const { url } = await api.connections.startOAuth.mutate({});
  const consent = await fetch(`${url}&sandbox_auto=1&user=${user}`, { redirect: 'manual' });
  const callback = new URL(consent.headers.get('location') ?? '');
  return api.connections.completeOAuth.mutate({
    code: callback.searchParams.get('code') ?? '',
    state: callback.searchParams.get('state') ?? '',
  });
}

/**
 * The real server on a random port with the embedded sandbox bank and a fresh SQLite file, like the server's own
 * harness, and a person who connected two sandbox banks through the API: one healthy, one with a locked card.
 */
export async function startCliTestServer(person: { email: string; password: string }, bankLatencyMs = 0) {
  const database = await createTestDatabase('sqlite');
  const failingAccounts = { [brokenCardId()]: { status: 403, error: 'account_temporarily_locked' } };
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      tokenKeys: { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' },
      bank: {
        kind: 'embedded-sandbox',
        port: 0,
        options: {
          seed: sandboxSeed,
          latency: { fixedMs: bankLatencyMs, jitterMs: 0 },
          faults: { failingAccounts },
        },
      },
      truelayerTuning: { retryBaseMs: 5, retryMaxMs: 50, timeoutMs: 5_000 },
      importer: { workers: 4, jobConcurrency: 4 },
      sessionTtlDays: 30,
      demoUser: null,
      mutationsPerMinute: 10_000,
      secureCookies: false,
    },
    { logger: createLogger({ level: 'silent', pretty: false }) },
  );

  const anonymous = createClient(server.url);
  const { sessionToken } = await anonymous.auth.signUp.mutate(person);
  await anonymous.close();
  const api = createClient(server.url, sessionToken);
  const connection = await connectSandboxBank(api, 'john');
  const brokenConnection = await connectSandboxBank(api, brokenUser);

  async function close() {
    await api.close();
    await server.close();
    await database.drop();
  }

  return {
    url: server.url,
    connection,
    brokenConnection,
    /** Drops every WebSocket from the server's side, as a network failure would. */
    dropWebSockets: () => server.terminateWebSockets(),
    close,
  };
}
