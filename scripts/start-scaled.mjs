// `pnpm start:scaled`: the scaled mode's topology on this machine's PostgreSQL and Redis: a sandbox bank, two API
// processes on consecutive ports and three workers, each prefixed in the output. Migrates first; Ctrl-C stops all
// (workers checkpoint their imports). Environment overrides: DATABASE_URL, REDIS_URL, PORT, SANDBOX_PORT (the
// sandbox bank this script starts), SANDBOX_URL (one already running), SKIP_BUILD, and the TRUELAYER_* variables
// for a real bank.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (dir) => path.join(root, dir);
const port = Number(process.env.PORT ?? 3000);
const realBank = Boolean(process.env.TRUELAYER_CLIENT_ID);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/spending',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  ...(realBank ? {} : { SANDBOX_URL: process.env.SANDBOX_URL ?? `http://127.0.0.1:${sandboxPort}` }),
};

function runStep(command, args, cwd = root) {
  const { status } = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

/** CREATE DATABASE for a PostgreSQL URL naming one that does not exist yet (the migrator needs it to exist). */
async function ensureDatabase(url) {
  const pg = createRequire(at('packages/db/package.json'))('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

if (!env.DATABASE_URL.startsWith('postgres')) {
  console.error(
    'start:scaled needs PostgreSQL: set DATABASE_URL=postgresql://… (or leave it unset for the local one)',
  );
  process.exit(1);
}
// SKIP_BUILD=1: dependencies are installed and the web app built already (the test suite, which must not have the
// assets its browser tests load rebuilt under them).
const build = process.env.SKIP_BUILD !== '1';
if (build) runStep('bash', ['scripts/ensure-deps.sh']);
await ensureDatabase(env.DATABASE_URL);
runStep('pnpm', ['--filter', '@app/db', 'migrate']);
if (build) runStep('pnpm', ['--filter', '@app/web', 'build']);

const children = new Map();
let stopping = false;

function start(name, cwd, args, extraEnv = {}) {
  // A process group of its own: Ctrl-C reaches only this script, which then stops each child once, gracefully.
  const child = spawn(process.execPath, args, {
    cwd: at(cwd),
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8').on('data', (chunk) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  children.set(name, child);
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); stopping the others`);
      stopAll(1);
    } else if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children.values()) child.kill('SIGTERM');
  if (children.size === 0) process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0)); // the terminal closed

if (!realBank && !process.env.SANDBOX_URL) {
  start('sandbox', 'packages/sandbox', ['--import', 'tsx', 'src/cli.ts', '--port', String(sandboxPort)]);
}
// The first API process alone first: it creates the development token key and the demo user the others share.
start('api-1', 'apps/server', ['--import', 'tsx', 'src/main.ts'], { PORT: String(port) });
const first = `http://127.0.0.1:${port}`;
for (;;) {
  const answer = await fetch(first).catch(() => null);
  if (stopping) break;
  if (answer && answer.status !== 503) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
if (!stopping) {
  start('api-2', 'apps/server', ['--import', 'tsx', 'src/main.ts'], { PORT: String(port + 1) });
  for (const n of [1, 2, 3]) start(`worker-${n}`, 'apps/server', ['--import', 'tsx', 'src/worker.ts']);
  console.log(
    `scaled mode: API at ${first} and http://127.0.0.1:${port + 1}, 3 workers, queue on ${env.REDIS_URL}`,
  );
}
