import type { JobDetail } from '~/lib/api-types';
import { formatCostMicros, formatCount, formatDuration } from '~/lib/format';

type Props = { estimate: JobDetail['estimate']; actual: JobDetail['actual']; autoEnrich: boolean };

export function EstimateVsActual({ estimate, actual, autoEnrich }: Props) {
  const rows = [
    {
      label: 'Accounts',
      estimated: formatCount(estimate.accounts),
      actual: actual ? formatCount(estimate.accounts) : null,
    },
    {
      label: 'Transactions fetched',
      estimated: `~${formatCount(estimate.transactions)}`,
      actual: actual ? formatCount(actual.transactions) : null,
    },
    { label: 'New transactions', estimated: '—', actual: actual ? formatCount(actual.synced) : null },
    {
      label: 'Duration',
      estimated: `~${formatDuration(estimate.durationMs)}`,
      actual: actual?.durationMs != null ? formatDuration(actual.durationMs) : actual ? '—' : null,
    },
    {
      label: 'Enrichment cost',
      estimated: autoEnrich ? formatCostMicros(estimate.costMicros) : 'None',
      actual: actual ? (autoEnrich ? formatCostMicros(actual.costMicros) : 'None') : null,
    },
  ];
  return (
    <section className="card section" aria-labelledby="estimate-title">
      <h2 id="estimate-title" className="section-title">
        Estimate and result
      </h2>
      <div className="table-wrap" tabIndex={0}>
        <table className="table compare-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="num">
                Estimated
              </th>
              <th scope="col" className="num">
                Actual
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.estimated}</td>
                <td className="num">{row.actual ?? <span className="muted">after it finishes</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {estimate.basis ? (
        <details className="basis">
          <summary>How it was estimated</summary>
          <p>{estimate.basis}</p>
          {autoEnrich && estimate.costBasis ? <p>{estimate.costBasis}</p> : null}
        </details>
      ) : null}
    </section>
  );
}
