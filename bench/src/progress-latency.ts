import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createApiClient } from '@app/api/client';
import { createLogger, startServer } from '@app/server';
import { WebSocket } from 'ws';
import type { Benchmark } from './bench-result';
import { createBenchDatabase } from './bench-database';
import type { SubscribersInput, SubscribersMessage } from './progress-subscribers';

const subscribersScript = fileURLToPath(new URL('./progress-subscribers.ts', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const demo = { email: 'bench@example.test', password: 'bench password 1' };
const bankLatencyMs = 100;
// Node 20 has no global WebSocket; the client wants one even when it only makes HTTP calls.
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

type FanOut = {
  subscriptions: number;
  sockets: number;
  events: number;
  latenciesMs: number[];
  errors: number;
};

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** The real server (embedded mode, its own sandbox bank and SQLite file), one import, `subscriptions` followers. */
async function measureFanOut(subscriptions: number, sockets: number, days: number): Promise<FanOut> {
  const database = await createBenchDatabase('sqlite');
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      tokenKeys: { keys: { bench: randomBytes(32).toString('base64') }, currentKeyId: 'bench' },
      bank: {
        kind: 'embedded-sandbox',
        port: 0,
        options: { seed: 7, latency: { fixedMs: bankLatencyMs }, unattendedLimit: null },
      },
      importer: { workers: 4, jobConcurrency: 4 },
      sessionTtlDays: 1,
      demoUser: demo,
      mutationsPerMinute: 10_000,
      secureCookies: false,
    },
    { logger: createLogger({ level: 'silent', pretty: false }) },
  );
  const owner = createApiClient({ url: server.url, WebSocket: NodeWebSocket });
  try {
    const { sessionToken } = await owner.auth.signIn.mutate(demo);
    const api = createApiClient({ url: server.url, sessionToken, WebSocket: NodeWebSocket });
    const [connection] = await api.connections.list.query();
    if (!connection) throw new Error('the demo user has no connection');
    const today = todayIn(londonTimeZone, new Date());
    const { jobId } = await api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: addDays(today, -days),
      toDate: today,
    });

    const input: SubscribersInput = { url: server.url, sessionToken, jobId, sockets, subscriptions };
    const child = fork(subscribersScript, [JSON.stringify(input)], {
      cwd: benchDir,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const done = new Promise<Extract<SubscribersMessage, { type: 'done' }>>((resolve, reject) => {
      child.on('message', (message: SubscribersMessage) => {
        if (message.type === 'ready') void api.importStart.mutate({ jobId }).catch(reject);
        else resolve(message);
      });
      child.on('exit', (code) =>
        reject(new Error(`the subscriber process exited (${code}) before every subscription ended`)),
      );
    });
    const result = await done;
    const job = await database.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    // Every subscription must have seen every event of the job (all came after it subscribed), and the job completed.
    const incomplete = result.eventsPerSubscription.filter((n) => n !== job.lastEventSeq).length;
    return {
      subscriptions,
      sockets,
      events: job.lastEventSeq,
      latenciesMs: result.latenciesMs,
      errors: result.failed + incomplete + (job.status === 'completed' ? 0 : 1),
    };
  } finally {
    await owner.close();
    await server.close();
    await database.drop();
  }
}

/**
 * 4. Fan-out of one job's progress to many WebSocket subscribers (typed tRPC client, in a child process), against
 * the same import followed by a single subscriber in the same run. Latency: the event's `at` (taken inside the
 * transaction that commits it) to its receipt by the subscriber.
 */
export const progressLatency: Benchmark = {
  name: 'progress-latency',
  async run({ quick, log }) {
    const size = quick
      ? { subscriptions: 50, sockets: 10, days: 90 }
      : { subscriptions: 1_000, sockets: 50, days: 365 };
    const single = await measureFanOut(1, 1, size.days);
    const many = await measureFanOut(size.subscriptions, size.sockets, size.days);
    const stats = (run: FanOut) => {
      const sorted = [...run.latenciesMs].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
    };
    const one = stats(single);
    const fan = stats(many);
    log(
      `progress-latency: ${many.subscriptions} subscriptions on ${many.sockets} sockets, ${many.events} events, p50 ${fan.p50} ms, p99 ${fan.p99} ms`,
    );
    return [
      {
        name: 'progress-latency',
        title: '4. Progress latency',
        params: {
          subscriptions: many.subscriptions,
          sockets: many.sockets,
          eventsPerSubscription: many.events,
          deliveries: many.latenciesMs.length,
          bankLatencyMs,
          days: size.days,
        },
        figures: [
          {
            name: `p50, ${many.subscriptions} subscribers`,
            value: fan.p50,
            unit: 'ms',
            baseline: { name: 'p50, 1 subscriber', value: one.p50, unit: 'ms' },
            ratio: { name: 'many / one', value: fan.p50 / one.p50 },
          },
          {
            name: `p99, ${many.subscriptions} subscribers`,
            value: fan.p99,
            unit: 'ms',
            baseline: { name: 'p99, 1 subscriber', value: one.p99, unit: 'ms' },
            ratio: { name: 'many / one', value: fan.p99 / one.p99 },
          },
          {
            name: `max, ${many.subscriptions} subscribers`,
            value: fan.max,
            unit: 'ms',
            baseline: { name: 'max, 1 subscriber', value: one.max, unit: 'ms' },
          },
        ],
        errors: single.errors + many.errors,
        notes: [
          'Timestamps have millisecond resolution; server and subscribers share one clock (same machine).',
        ],
      },
    ];
  },
};
