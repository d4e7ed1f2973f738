import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCliTestServer, type CliTestServer } from './cli-test-server';
import { runCli } from './run-cli';

const person = { email: 'reconnect@example.test', password: 'correct horse battery' };

describe('when the connection drops while following an import', () => {
  let server: CliTestServer;
  let configDir: string;
  const cli = (args: string[], onOutput?: (stdout: string) => void) =>
    runCli(args, { SPENDING_URL: server.url, SPENDING_CONFIG_DIR: configDir }, onOutput);

  beforeAll(async () => {
    // a slow bank, so the import is still running when the follower's connection is cut
    server = await startCliTestServer(person, 200);
    configDir = await mkdtemp(join(tmpdir(), 'spending-cli-'));
    expect((await cli(['login', '--email', person.email, '--password', person.password])).code).toBe(0);
  });
  afterAll(async () => {
    await server?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  test('follow reconnects and resumes after the last event: every event once, in order, then the summary', async () => {
    const plan = await cli([
      'plan',
      '--connection',
      server.connection.id,
      '--last',
      '1y',
      '--batch-size',
      '10',
    ]);
    const jobId = /^Planned import (\S+)$/.exec(plan.lines[0] ?? '')?.[1] ?? '';
    expect((await cli(['start', jobId])).code).toBe(0);

    let dropped = false;
    const run = await cli(['follow', jobId], (stdout) => {
      if (!dropped && stdout.includes('\n#')) {
        dropped = true;
        server.dropWebSockets();
      }
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lost = run.lines.findIndex((line) => line.startsWith('Connection lost ('));
    expect(lost).toBeGreaterThan(0);
    expect(run.lines.slice(lost).some((line) => line.startsWith('#'))).toBe(true); // events went on arriving
    const events = run.lines.filter((line) => line.startsWith('#'));
    expect(events.map((line) => Number(/^#(\d+)/.exec(line)?.[1]))).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)).toBe(`#${events.length} 100% finished: completed`);
    expect(run.lines.at(-1)).toMatch(/^Import completed: 3 accounts/);
  });
});
