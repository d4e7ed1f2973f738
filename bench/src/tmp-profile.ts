import { performance } from 'node:perf_hooks';
import { createBenchDatabase } from './bench-database';
import { createBenchHarness } from './bench-harness';

const workers = Number(process.argv[2] ?? 1);
const tpm = Number(process.argv[3] ?? 830);
const accounts = Number(process.argv[4] ?? 2);
const database = await createBenchDatabase((process.argv[5] as 'sqlite' | 'postgresql') ?? 'sqlite');
const stats = new Map<string, { n: number; ms: number }>();
const timed = database.db.$extends({
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        const t = performance.now();
        try {
          return await query(args);
        } finally {
          const key = `${model}.${operation}`;
          const s = stats.get(key) ?? { n: 0, ms: 0 };
          s.n += 1;
          s.ms += performance.now() - t;
          stats.set(key, s);
        }
      },
    },
  },
});
const h = await createBenchHarness({
  database: { ...database, db: timed as unknown as typeof database.db },
  sandbox: { accounts: { current: accounts, savings: 0, cards: 0 }, transactionsPerMonth: tpm, historyMonths: 12 },
  config: { workers },
});
const owner = await h.connectUser('ingest');
const jobId = await h.queueImport(owner, 365);
stats.clear();
const t0 = performance.now();
const run = await h.runTimedImport(jobId);
console.log('fetched', run.job.totalFetched, 'wall', Math.round(run.wallMs), 'tx/s', Math.round(run.job.totalFetched / (run.wallMs / 1000)));
const total = [...stats.values()].reduce((s, v) => s + v.ms, 0);
for (const [k, v] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(k.padEnd(36), String(v.n).padStart(6), (v.ms / v.n).toFixed(2).padStart(8), 'ms/op', Math.round(v.ms).toString().padStart(8), 'ms');
console.log('sum of op time', Math.round(total), 'of', Math.round(performance.now() - t0));
await h.close();
await database.drop();
