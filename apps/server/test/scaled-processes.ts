import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A pino line of a child process. */
export type LogRecord = { msg?: string; level?: number; [field: string]: unknown };

export type AppProcess = ReturnType<typeof spawnApp>;

/**
 * `node --import tsx src/main.ts` (an API replica) or `src/worker.ts` (a worker) as a real child process, with
 * exactly the environment given (nothing inherited but PATH). Its JSON log lines are kept for the test to wait on.
 */
export function spawnApp(name: string, entry: 'src/main.ts' | 'src/worker.ts', env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: LogRecord[] = [];
  const stderr: string[] = [];
  const waiters: { match(record: LogRecord): boolean; resolve(record: LogRecord): void }[] = [];
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const record = JSON.parse(line) as LogRecord;
      records.push(record);
      for (const waiter of waiters.filter((w) => w.match(record))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  /** Resolves with the first log record that matches, seen already or to come; rejects if the process exits. */
  function waitFor(match: (record: LogRecord) => boolean): Promise<LogRecord> {
    const seen = records.find(match);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<LogRecord>((resolve) => waiters.push({ match, resolve })),
      exited.then((code) => {
        throw new Error(`${name} exited (${code}) before the expected log line:\n${stderr.join('')}`);
      }),
    ]);
  }

  return {
    name,
    records,
    stderr,
    exited,
    waitFor,
    /** The log records whose message is `msg`, optionally with a given jobId. */
    logged: (msg: string, jobId?: string) =>
      records.filter((r) => r.msg === msg && (jobId === undefined || r.jobId === jobId)),
    kill(signal: NodeJS.Signals) {
      child.kill(signal);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A pass-through proxy in front of the sandbox bank that counts the data requests in flight, so a test sees what
 * the bank sees from every process together. `slowDown` holds each data request first, as a slow bank would: the
 * imports then spend their time waiting for the bank, and the requests of parallel accounts overlap.
 */
export async function startCountingProxy(target: string) {
  let inFlight = 0;
  let peak = 0;
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    const counted = req.url?.includes('/data/') ?? false;
    if (counted) peak = Math.max(peak, ++inFlight);
    const forward = () => {
      const upstream = http.request(
        `${target}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    res.on('close', () => {
      if (counted) inFlight -= 1;
    });
    if (counted && delayMs > 0) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** The most data requests ever in flight at once since the last reset. */
    peak: () => peak,
    resetPeak: () => {
      peak = inFlight;
    },
    slowDown: (ms: number) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
