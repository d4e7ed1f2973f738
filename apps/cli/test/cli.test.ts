import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCliTestServer, type CliTestServer } from './cli-test-server';
import { runCli } from './run-cli';

const demo = { email: 'demo@example.test', password: 'correct horse battery' };

describe('the spending CLI against a real server', () => {
  let server: CliTestServer;
  let configDir: string;
  const cli = (...args: string[]) =>
    runCli(args, { SPENDING_URL: server.url, SPENDING_CONFIG_DIR: configDir });

  beforeAll(async () => {
    server = await startCliTestServer(demo);
    configDir = await mkdtemp(join(tmpdir(), 'spending-cli-'));
  });
  afterAll(async () => {
    await server?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  test('a command before login asks to sign in and exits 1', async () => {
    const run = await cli('accounts');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Not signed in: run `spending login --email … --password …`.\n');
  });

  test('a wrong password is refused with the server’s message', async () => {
    const run = await cli('login', '--email', demo.email, '--password', 'not the password');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('The email or the password is wrong.\n');
  });

  test('login keeps the session token in a file only its owner can read', async () => {
    const run = await cli('login', '--email', demo.email, '--password', demo.password);
    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatch(`Signed in to ${server.url} as ${demo.email}`);
    const file = join(configDir, 'session.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      url: server.url,
      sessionToken: expect.any(String),
    });
  });

  test('accounts lists the connected bank with its accounts and cards', async () => {
    const run = await cli('accounts');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`(connection ${server.connection.id}, active)`);
    expect(run.stdout).toContain(`(connection ${server.brokenConnection.id}, active)`);
    for (const account of server.connection.accounts) expect(run.stdout).toContain(account.id);
    expect(run.stdout).not.toContain('! '); // a fresh consent has no warning
  });

  test('rename names a connection; accounts then shows that name, and a blank name is refused', async () => {
    const run = await cli('rename', server.brokenConnection.id, '  Joint account  ');
    expect(run).toMatchObject({
      code: 0,
      stdout: `Connection ${server.brokenConnection.id} is now called Joint account.\n`,
    });
    expect((await cli('accounts')).stdout).toContain(
      `Joint account  (connection ${server.brokenConnection.id}, active)`,
    );
    const blank = await cli('rename', server.brokenConnection.id, '   ');
    expect(blank.code).toBe(1);
    expect(blank.stderr).toMatch(/name/i);
  });

  test('plan, then start --follow, imports to completion: a line per event, the summary last, exit 0', async () => {
    const plan = await cli(
      'plan',
      '--connection',
      server.connection.id,
      '--last',
      '30d',
      '--batch-size',
      '25',
    );
    expect(plan.code).toBe(0);
    const jobId = /^Planned import (\S+)$/.exec(plan.lines[0] ?? '')?.[1] ?? '';
    expect(jobId).not.toBe('');
    expect(plan.stdout).toMatch(/Transactions {2}~[\d,]+/);
    expect(plan.lines.at(-1)).toBe(`Start it with: spending start ${jobId} --follow`);

    const run = await cli('start', jobId, '--follow');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe(`Import ${jobId} queued.`);
    const events = run.lines.filter((line) => line.startsWith('#'));
    expect(events.map((line) => Number(/^#(\d+)/.exec(line)?.[1]))).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)).toBe(`#${events.length} 100% finished: completed`);
    expect(run.lines.at(-1)).toMatch(
      /^Import completed: 3 accounts, [\d,]+ new transactions?, [\d,]+ duplicates?, 0 errors/,
    );
  });

  test('import plans, starts and follows in one command; history and job show it afterwards', async () => {
    const run = await cli('import', '--connection', server.connection.id, '--last', '3m');
    expect(run.code).toBe(0);
    const jobId = /^Planned import (\S+)$/.exec(run.lines[0] ?? '')?.[1] ?? '';
    expect(run.lines.at(-1)).toMatch(/^Import completed: 3 accounts/);

    const history = await cli('history', '--status', 'completed', '--limit', '5');
    expect(history.code).toBe(0);
    expect(history.lines[0]).toMatch(/^Job +Status +Bank +Dates +Accounts +New +Created$/);
    expect(history.lines[1]).toMatch(new RegExp(`^${jobId} +completed +.+ 3/3 `));
    expect(history.lines).toHaveLength(3);

    const job = await cli('job', jobId);
    expect(job.code).toBe(0);
    expect(job.lines[0]).toBe(`Import ${jobId}  completed`);
    expect(job.stdout).toContain('Receipts');
    expect(job.stdout).toMatch(/fetched [\d,]+; new [\d,]+; duplicates/);
    expect(job.stdout).toMatch(/Bank call budget \(you were present: these calls did not count\)/);
    expect(job.stdout).toMatch(/0 of 4 background calls used in 24 h, 3 left \(\+1 kept for you\)/);
  });

  test('plan --incremental starts from the last sync; extend reconfirms the consent', async () => {
    const plan = await cli('plan', '--connection', server.connection.id, '--incremental');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/Dates {9}\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2} \(4 days\)/);
    const both = await cli('plan', '--connection', server.connection.id, '--incremental', '--last', '7d');
    expect([both.code, both.stderr]).toEqual([1, 'Give either --incremental or dates, not both.\n']);

    const extend = await cli('extend', server.connection.id);
    expect(extend.code).toBe(0);
    expect(extend.stdout).toMatch(/^Consent for MOCK extended: it ends .+ \((89|90) days left\)\.\n$/);
  });

  test('an account the bank refuses: its reason is printed, the summary says so and the exit code is 2', async () => {
    const run = await cli('import', '--connection', server.brokenConnection.id, '--last', '30d');
    expect(run.code).toBe(2);
    const failed = run.lines.indexOf('Failed accounts:');
    expect(failed).toBeGreaterThan(0);
    expect(run.lines[failed + 1]).toMatch(/^ {2}✗ CREDIT CARD 1: .+/);
    expect(run.lines.at(-1)).toMatch(/^Import completed with errors: 1 of 3 accounts failed; /);
  });

  test('a date that is not on the calendar is refused with a readable message and exit 1', async () => {
    const run = await cli(
      'plan',
      '--connection',
      server.connection.id,
      '--from',
      '2025-02-30',
      '--to',
      '2025-03-31',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '--from: "2025-02-30" is not a calendar date; use YYYY-MM-DD, e.g. 2025-01-31.\n',
    );
  });

  test('the server’s refusals read as their messages, with the option to change, and no stack', async () => {
    const future = await cli(
      'plan',
      '--connection',
      server.connection.id,
      '--from',
      '2025-01-01',
      '--to',
      '2999-01-01',
    );
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(
      /^The end date cannot be in the future \(today is \d{4}-\d{2}-\d{2}\)\.\n$/,
    );

    const batch = await cli(
      'plan',
      '--connection',
      server.connection.id,
      '--last',
      '7d',
      '--batch-size',
      '5',
    );
    expect(batch.code).toBe(1);
    expect(batch.stderr).toMatch(/^--batch-size: .+\n$/);

    const missing = await cli('job', 'no-such-job');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Import job no-such-job was not found.\n');
  });

  test('--debug adds the stack to the message', async () => {
    const run = await cli('--debug', 'job', 'no-such-job');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Import job no-such-job was not found\.\nTRPCClientError: .+\n\s+at /);
  });

  test('logout ends the session on the server and forgets it here', async () => {
    const token = JSON.parse(await readFile(join(configDir, 'session.json'), 'utf8')).sessionToken as string;
    const run = await cli('logout');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Signed out of ${server.url}.\n`);
    await expect(stat(join(configDir, 'session.json'))).rejects.toThrow('ENOENT');
    const replay = await fetch(`${server.url}/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await replay.json()).toMatchObject({ result: { data: { json: null } } });
  });
});
