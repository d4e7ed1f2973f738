import type { Benchmark, BenchResult } from './bench-result';
import { benchProviders } from './bench-database';
import { measurePostgresRawInsert } from './raw-insert-postgres';
import { measureSqliteRawInsert } from './raw-insert-sqlite';

/**
 * 2. Import rate end to end (fetch, validate, dedup, store, progress) against a zero-latency bank, versus the raw
 * insert rate of the very rows it stored, on the same database in the same run.
 */
export const ingestRate: Benchmark = {
  name: 'ingest-rate',
  async run({ scenarios, log }) {
    const results: BenchResult[] = [];
    for (const provider of benchProviders()) {
      const scenario = await scenarios.get(provider);
      const first = await scenario.firstImport();
      const { url } = scenario.harness.database;
      const raw =
        provider === 'sqlite'
          ? measureSqliteRawInsert(url, first.jobId)
          : await measurePostgresRawInsert(url, first.jobId);
      const { batchSize } = first.job;
      // SQLite only: the same inserts committed batch by batch, as an import must (a crash loses no batch).
      const rawPerBatch = provider === 'sqlite' ? measureSqliteRawInsert(url, first.jobId, batchSize) : null;
      const importRate = first.job.totalFetched / (first.wallMs / 1000);
      const rawRate = raw.rows / (raw.wallMs / 1000);
      const rawPerBatchRate = rawPerBatch ? rawPerBatch.rows / (rawPerBatch.wallMs / 1000) : null;
      const cpuRate = first.job.totalFetched / (first.cpuMs / 1000);
      log(
        `ingest-rate (${provider}): ${first.job.totalFetched} tx in ${Math.round(first.wallMs)} ms; raw ${raw.rows} rows in ${Math.round(raw.wallMs)} ms${rawPerBatch ? `, ${Math.round(rawPerBatch.wallMs)} ms committing every ${batchSize}` : ''}`,
      );
      const rawName =
        provider === 'sqlite'
          ? 'raw better-sqlite3 prepared inserts, one transaction'
          : 'raw pg multi-row INSERT ... ON CONFLICT DO NOTHING';
      results.push({
        name: `ingest-rate-${provider}`,
        title: `2. Ingest rate (${provider})`,
        params: {
          provider,
          accounts: scenario.size.accounts,
          transactionsPerMonth: scenario.size.transactionsPerMonth,
          days: scenario.size.days,
          fetched: first.job.totalFetched,
          stored: first.job.totalSynced,
          rawRows: raw.rows,
          workers: scenario.harness.deps.config.workers,
          batchSize,
        },
        figures: [
          {
            name: 'import wall time',
            value: first.wallMs,
            unit: 'ms',
            baseline: { name: 'raw insert of the same rows', value: raw.wallMs, unit: 'ms' },
          },
          {
            name: 'import rate, end to end',
            value: importRate,
            unit: 'tx/s',
            baseline: { name: rawName, value: rawRate, unit: 'tx/s' },
            ratio: { name: 'import / raw', value: importRate / rawRate },
          },
          ...(rawPerBatchRate !== null
            ? [
                {
                  name: 'import rate, end to end',
                  value: importRate,
                  unit: 'tx/s',
                  baseline: {
                    name: `raw prepared inserts committed every ${batchSize} rows`,
                    value: rawPerBatchRate,
                    unit: 'tx/s',
                  },
                  ratio: { name: 'import / raw per batch', value: importRate / rawPerBatchRate },
                },
              ]
            : []),
          // A busy machine stretches wall time, not CPU time. better-sqlite3 runs on this thread, so its rate is per
          // CPU-second too; PostgreSQL works in its own processes, outside this one's CPU time: no such figure there.
          ...(provider === 'sqlite'
            ? [
                {
                  name: 'import rate per CPU-second',
                  value: cpuRate,
                  unit: 'tx/s',
                  baseline: { name: 'raw insert rate', value: rawRate, unit: 'tx/s' },
                  ratio: { name: 'import / raw', value: cpuRate / rawRate },
                },
              ]
            : []),
        ],
        errors:
          (first.status === 'completed' ? 0 : 1) +
          first.job.totalErrors +
          (raw.rows === first.job.totalSynced ? 0 : 1),
        notes: ['The raw table has the same columns, keys, foreign keys and indexes as "Transaction".'],
      });
    }
    return results;
  },
};
