import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TRPCClientError } from '@app/api/client';
import { createRemixWebHandler } from '@app/server';
import { startEmbeddedStack } from './embedded-stack';
import { percentile } from './progress-latency';

const mib = 1024 * 1024;
const webBuild = fileURLToPath(new URL('../../apps/web/build/', import.meta.url));
/**
 * Pages of the web app (apps/web/app/routes), loaded as a browser would: HTML, signed in with the `sid` cookie
 * except the sign-in page (`/` only redirects to /imports).
 */
const pages = [
  { path: '/imports', signedIn: true },
  { path: '/transactions', signedIn: true },
  { path: '/connections', signedIn: true },
  { path: '/account', signedIn: true },
  { path: '/settings', signedIn: true },
  { path: '/costs', signedIn: true },
  { path: '/schedules', signedIn: true },
  { path: '/sign-in', signedIn: false },
];
/**
 * Wrong passwords in the whole run, all from 127.0.0.1: below the sign-in limit's 20 free failures per address
 * (packages/api/src/sign-in-limit.ts), and spread over several accounts whose right sign-ins forget their failures,
 * so no sign-in is ever held back and a refusal is an error.
 */
const maxWrongPasswords = 12;

export type RouteFigures = { count: number; errors: number; p50Ms: number; p99Ms: number; maxMs: number };
export type SoakResult = {
  durationMs: number;
  web: 'remix' | 'placeholder';
  routes: Record<string, RouteFigures>;
  errors: number;
  /** The first few errors, for the report. */
  errorSamples: string[];
  importsCompleted: number;
  wrongPasswords: number;
  bankRequests: number;
  faultedRequests: number;
  /** RSS (MiB) after the warm-up and at the end, each the median of three samples; growth as a fraction. */
  rss: { warmUpMs: number; startMiB: number; endMiB: number; growth: number; samples: number };
};

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * The soak: for `durationMs`, mixed traffic on the embedded server in this process, each kind in its own loop:
 * imports of 30 days from a bank that faults 5 % of its requests, each followed live by three subscriptions to its
 * end; page loads of the web app; sign-ins (one in five with a wrong password, within the sign-in limit) and
 * sign-outs. Every answer that is not the expected one is an error. RSS is sampled after a warm-up and at the end.
 */
export async function runSoak(options: {
  durationMs: number;
  log?: (message: string) => void;
}): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const webBuilt = existsSync(`${webBuild}server/index.js`);
  const stack = await startEmbeddedStack({
    seed: 21,
    jobConcurrency: 4,
    web: webBuilt ? createRemixWebHandler({ buildDir: webBuild }) : undefined,
  });
  const { bank, database, server } = stack;
  const timings = new Map<string, number[]>();
  const failures = new Map<string, number>();
  const errorSamples: string[] = [];
  const fail = (route: string, message: string) => {
    failures.set(route, (failures.get(route) ?? 0) + 1);
    if (errorSamples.length < 10) errorSamples.push(`${route}: ${message}`);
  };
  /** Times `work` under `route`; a throw is an error of that route. */
  async function timed<T>(route: string, work: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const value = await work();
      const list = timings.get(route) ?? [];
      list.push(performance.now() - started);
      timings.set(route, list);
      return value;
    } catch (error) {
      fail(route, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  try {
    const password = 'soak-password';
    const today = todayIn(londonTimeZone, new Date());
    const range = { fromDate: addDays(today, -30), toDate: today };
    const importers = await Promise.all(
      [0, 1].map((i) => stack.connectUser(`soak-import-${i}@bench.test`, password)),
    );
    const signInUsers = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const email = `soak-signin-${i}@bench.test`;
        await stack.client().auth.signUp.mutate({ email, password });
        return email;
      }),
    );
    const pageSession = importers[0]?.sessionToken ?? '';
    bank.resetStats();
    bank.setFaults({
      rate5xx: 0.01,
      rate429: 0.01,
      retryAfterSeconds: 1,
      rateReset: 0.01,
      rateMalformed: 0.01,
      rateTimeout: 0.01,
      timeoutMs: 60_000,
    });

    const started = performance.now();
    const running = () => performance.now() - started < options.durationMs;
    let importsCompleted = 0;
    let wrongPasswords = 0;

    const importLoop = async (owner: (typeof importers)[number]) => {
      while (running()) {
        const plan = await timed('trpc importPlan', () =>
          owner.api.importPlan.mutate({ connectionId: owner.connectionId, ...range }),
        );
        if (!plan) continue;
        const { jobId } = plan;
        const followed = performance.now();
        // three live followers of the job, each to its end
        const followers = [0, 1, 2].map(
          () =>
            new Promise<void>((resolve) => {
              owner.api.importStatus.subscribe(
                { jobId },
                {
                  onComplete: () => {
                    const list = timings.get('subscription to job end') ?? [];
                    list.push(performance.now() - followed);
                    timings.set('subscription to job end', list);
                    resolve();
                  },
                  onError: (error) => {
                    fail('subscription to job end', error.message);
                    resolve();
                  },
                },
              );
            }),
        );
        await timed('trpc importStart', () => owner.api.importStart.mutate({ jobId }));
        await Promise.all(followers);
        const job = await database.db.importJob.findUniqueOrThrow({
          where: { id: jobId },
          select: { status: true },
        });
        if (job.status === 'completed') importsCompleted += 1;
        else fail('import', `job ${jobId} ended ${job.status}`);
      }
    };

    const loaded = webBuilt ? pages : [{ path: '/', signedIn: false }]; // the placeholder answers only /
    const pageLoop = async () => {
      for (let i = 0; running(); i += 1) {
        const { path, signedIn } = loaded[i % loaded.length] ?? { path: '/', signedIn: false };
        await timed(`page ${path}`, async () => {
          const response = await fetch(`${server.url}${path}`, {
            headers: signedIn ? { cookie: `sid=${pageSession}` } : {},
            redirect: 'manual',
          });
          const body = await response.text();
          const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
          if (response.status !== 200 || !html || !body.includes('</html>'))
            throw new Error(`${response.status} ${response.headers.get('content-type')}`);
        });
        await sleep(100);
      }
    };

    const signInLoop = async () => {
      const anonymous = stack.openClient();
      for (let i = 0; running(); i += 1) {
        const email = signInUsers[i % signInUsers.length] ?? '';
        if (i % 5 === 4 && wrongPasswords < maxWrongPasswords) {
          wrongPasswords += 1;
          await timed('trpc auth.signIn (wrong password)', async () => {
            const refused = await anonymous.auth.signIn.mutate({ email, password: 'not-it' }).then(
              () => null,
              (error: unknown) => error,
            );
            if (!(refused instanceof TRPCClientError) || refused.data?.code !== 'UNAUTHORIZED')
              throw new Error(`a wrong password was answered ${String(refused)}`);
          });
        } else {
          const signedIn = await timed('trpc auth.signIn', () =>
            anonymous.auth.signIn.mutate({ email, password }),
          );
          if (signedIn) {
            const session = stack.openClient(signedIn.sessionToken);
            await timed('trpc auth.signOut', () => session.auth.signOut.mutate());
            await session.close();
          }
        }
        await sleep(250);
      }
      await anonymous.close();
    };

    // RSS in this process (server, bank and clients together), sampled on a timer; the warm-up is left out
    const warmUpMs = Math.min(60_000, options.durationMs / 4);
    const everyMs = Math.min(15_000, Math.max(1_000, options.durationMs / 40));
    const rssSamples: { atMs: number; rss: number }[] = [];
    const sampler = setInterval(() => {
      rssSamples.push({ atMs: performance.now() - started, rss: process.memoryUsage.rss() });
      log(
        `soak: ${Math.round((performance.now() - started) / 1000)} s, RSS ${Math.round(process.memoryUsage.rss() / mib)} MiB`,
      );
    }, everyMs);
    await Promise.all([...importers.map(importLoop), pageLoop(), signInLoop()]);
    clearInterval(sampler);
    const durationMs = performance.now() - started;

    const afterWarmUp = rssSamples.filter((s) => s.atMs >= warmUpMs).map((s) => s.rss);
    const startRss = median(afterWarmUp.slice(0, 3));
    const endRss = median(afterWarmUp.slice(-3));
    const routes: Record<string, RouteFigures> = {};
    for (const route of new Set([...timings.keys(), ...failures.keys()])) {
      const sorted = [...(timings.get(route) ?? [])].sort((a, b) => a - b);
      routes[route] = {
        count: sorted.length,
        errors: failures.get(route) ?? 0,
        p50Ms: Math.round(percentile(sorted, 50)),
        p99Ms: Math.round(percentile(sorted, 99)),
        maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
      };
    }
    const stats = bank.stats();
    const result: SoakResult = {
      durationMs: Math.round(durationMs),
      web: webBuilt ? 'remix' : 'placeholder',
      routes,
      errors: [...failures.values()].reduce((sum, n) => sum + n, 0),
      errorSamples,
      importsCompleted,
      wrongPasswords,
      bankRequests: stats.total,
      faultedRequests: Object.entries(stats.byStatus)
        .filter(([status]) => status !== '200')
        .reduce((sum, [, count]) => sum + count, 0),
      rss: {
        warmUpMs: Math.round(warmUpMs),
        startMiB: Math.round(startRss / mib),
        endMiB: Math.round(endRss / mib),
        growth: Number(((endRss - startRss) / startRss).toFixed(3)),
        samples: afterWarmUp.length,
      },
    };
    log(`soak: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await stack.close();
  }
}
