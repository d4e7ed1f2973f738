import type { JobDetail } from '~/lib/api-types';
import { formatCostMicros, formatCount, formatDateTime } from '~/lib/format';

type EnrichmentJob = JobDetail['enrichmentJobs'][number];

const statusText: Record<EnrichmentJob['status'], { label: string; tone: string }> = {
  queued: { label: 'Queued', tone: 'info' },
  running: { label: 'Running', tone: 'progress' },
  completed: { label: 'Completed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  capped: { label: 'Stopped at the cost cap', tone: 'warning' },
};

export function EnrichmentJobs({
  jobs,
  autoEnrich,
  finished,
}: {
  jobs: readonly EnrichmentJob[];
  autoEnrich: boolean;
  finished: boolean;
}) {
  return (
    <section className="card section" aria-labelledby="enrichment-title">
      <h2 id="enrichment-title" className="section-title">
        Enrichment
      </h2>
      {jobs.length === 0 ? (
        <p className="muted">
          {!autoEnrich
            ? 'Auto-enrichment was off for this import: transactions keep the bank’s own categories.'
            : finished
              ? 'No enrichment ran for this import (there were no new transactions to categorise).'
              : 'New transactions are categorised once the import finishes.'}
        </p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
                <th scope="col">Provider</th>
                <th scope="col" className="num">
                  Transactions
                </th>
                <th scope="col" className="num">
                  Categorised
                </th>
                <th scope="col" className="num">
                  From cache
                </th>
                <th scope="col" className="num">
                  Tokens in / out
                </th>
                <th scope="col" className="num">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const status = statusText[job.status];
                return (
                  <tr key={job.id}>
                    <td>{formatDateTime(job.startedAt ?? job.createdAt)}</td>
                    <td>
                      <span className={`badge badge-${status.tone}`}>
                        <span className="badge-dot" aria-hidden="true" />
                        {status.label}
                      </span>
                      {job.errorMessage ? <div className="tone-danger small">{job.errorMessage}</div> : null}
                    </td>
                    <td>
                      {job.provider}
                      {job.model ? <span className="muted small"> · {job.model}</span> : null}
                    </td>
                    <td className="num">{formatCount(job.transactionCount)}</td>
                    <td className="num">
                      {formatCount(job.successes)}
                      {job.failures > 0 ? (
                        <span className="tone-danger small"> ({formatCount(job.failures)} failed)</span>
                      ) : null}
                    </td>
                    <td className="num">{formatCount(job.cacheHits)}</td>
                    <td className="num">
                      {formatCount(job.tokensIn)} / {formatCount(job.tokensOut)}
                    </td>
                    <td className="num">
                      {formatCostMicros(job.costMicros)}
                      {job.capMicros !== null ? (
                        <div className="muted small">cap {formatCostMicros(job.capMicros)}</div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
