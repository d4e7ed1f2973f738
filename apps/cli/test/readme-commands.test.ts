import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCliTestServer, type CliTestServer } from './cli-test-server';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** The README's CLI lines, as a person would copy them (the block after "The CLI is"). */
function readmeCommandLines(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = /The CLI is[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.split('\n').filter((line) => line.startsWith('pnpm '));
}

describe('every CLI command line in the README runs as written', () => {
  // The README's demo person, so its login line works unchanged.
  const demo = { email: 'demo@example.com', password: 'demo-password' };
  let server: CliTestServer;
  let configDir: string;

  beforeAll(async () => {
    server = await startCliTestServer(demo);
    configDir = await mkdtemp(join(tmpdir(), 'spending-readme-'));
  });
  afterAll(async () => {
    await server?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  test('the README lists login, accounts, import and history, and each exits 0 in order', async () => {
    const lines = readmeCommandLines();
    expect(lines.map((l) => l.split(' ')[2])).toEqual(
      expect.arrayContaining(['login', 'accounts', 'import']),
    );
    for (const line of lines) {
      // `<id>` is the one placeholder a person fills in: the connection `accounts` listed.
      const command = line.replace('<id>', server.connection.id);
      const { stdout } = await run('bash', ['-c', command], {
        cwd: repoRoot,
        env: { ...process.env, SPENDING_URL: server.url, SPENDING_CONFIG_DIR: configDir, NODE_ENV: 'test' },
      }).catch((error: { stderr?: string; stdout?: string }) => {
        throw new Error(`"${line}" failed: ${error.stderr ?? ''}${error.stdout ?? ''}`);
      });
      expect(stdout.length, line).toBeGreaterThan(0);
    }
  }, 300_000);
});
