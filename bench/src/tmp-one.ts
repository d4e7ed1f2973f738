import { createBenchDatabase } from './bench-database';
import { createBenchHarness } from './bench-harness';
const database = await createBenchDatabase((process.argv[2] as 'sqlite' | 'postgresql') ?? 'sqlite');
const h = await createBenchHarness({ logger: { info() {}, warn() {}, error: (f: object) => console.error(f) }, database, sandbox: { accounts: { current: 1, savings: 0, cards: 0 }, transactionsPerMonth: 50, historyMonths: 12 } });
const owner = await h.connectUser('one');
const run = await h.runTimedImport(await h.queueImport(owner, 60));
console.log(run.status, run.job.errorMessage, run.job.totalFetched, run.job.totalSynced);
console.log(await h.db.transaction.findFirst());
await h.close(); await database.drop();
