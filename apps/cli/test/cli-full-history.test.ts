import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCliTestServer, type CliTestServer } from './cli-test-server';
import { runCli } from './run-cli';

const person = { email: 'history@example.test', password: 'correct horse battery' };

describe('the 90-day rule from the CLI', () => {
  let server: CliTestServer;
  let configDir: string;
  const cli = (...args: string[]) =>
    runCli(args, { SPENDING_URL: server.url, SPENDING_CONFIG_DIR: configDir });

  beforeAll(async () => {
    server = await startCliTestServer(person);
    configDir = await mkdtemp(join(tmpdir(), 'spending-cli-'));
    await cli('login', '--email', person.email, '--password', person.password);
  });
  afterAll(async () => {
    await server?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  test('full-history right after connecting imports two years in one go, with nothing locked', async () => {
    const run = await cli('full-history', '--connection', server.connection.id);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const jobId = /^Planned import (\S+)$/.exec(run.lines[0] ?? '')?.[1] ?? '';
    expect(run.stdout).toMatch(/\(731 days\)/);
    expect(run.stdout).not.toContain('is locked');
    expect(run.lines.filter((line) => line.startsWith('#')).at(-1)).toMatch(/100% finished: completed$/);

    const job = await cli('job', jobId);
    expect(job.stdout).not.toContain('Locked');
  });

  test('continue on an import without locked dates says so and exits 1', async () => {
    const history = await cli('history');
    const jobId = /\b(\S{20,})\b/.exec(history.lines.find((l) => l.includes('completed')) ?? '')?.[1] ?? '';
    const run = await cli('continue', jobId);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/has no locked dates to continue with/);
  });
});
