import { randomBytes } from 'node:crypto';
import { spawnApp } from './scaled-processes';

export type RunningApp = Awaited<ReturnType<typeof startAppProcess>>;

/** A token key for a test: `TOKEN_ENCRYPTION_KEYS` and the cipher arguments that read what the server wrote. */
export function testTokenKeys() {
  const key = randomBytes(32).toString('base64');
  return { env: `test:${key}`, keys: { test: key }, currentKeyId: 'test' };
}

/**
 * `node --import tsx src/main.ts` on a random port against a sandbox bank the test runs (SANDBOX_URL), as
 * production runs it: its own environment, JSON logs on stdout. Resolves once it says it is running.
 */
export async function startAppProcess(env: {
  DATABASE_URL: string;
  SANDBOX_URL: string;
  TOKEN_ENCRYPTION_KEYS: string;
  LOG_LEVEL?: string;
}) {
  const app = spawnApp('server', 'src/main.ts', { PORT: '0', LOG_LEVEL: 'info', ...env });
  const running = await app.waitFor((record) => record.msg === 'spending import is running');
  return { app, url: String(running.url) };
}
