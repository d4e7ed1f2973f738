import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CostSummary } from '~/lib/api-types';
import { formatCalendarDate, formatCostMicros, formatCount } from '~/lib/format';
import { useHydrated } from '~/lib/use-hydrated';

const axis = { fontSize: 12, fill: '#5f6b7a' };
const grid = '#e8ebef';
const teal = '#0d7a6b';
const blue = '#4c6ef5';
const dollarTick = (v: number) => (v === 0 ? '$0' : `$${v.toFixed(v < 1 ? 3 : 2)}`);

function tooltipValue(value: unknown, name: unknown): [string, string] {
  const label = String(name);
  return [label === 'Cost' ? formatCostMicros(Number(value) * 1_000_000) : formatCount(Number(value)), label];
}

/** Tokens and cost per day, and transactions enriched per day. Charts draw after hydration (they measure the page). */
export function CostOverTime({ days }: { days: CostSummary['days'] }) {
  const hydrated = useHydrated();
  const data = days.map((d) => ({
    label: formatCalendarDate(d.date).replace(/ \d{4}$/, ''),
    Cost: d.costMicros / 1_000_000,
    Tokens: d.tokensIn + d.tokensOut,
    Transactions: d.transactions,
  }));
  return (
    <div className="chart-pair">
      <figure className="chart">
        <figcaption>Tokens and cost per day</figcaption>
        <div className="chart-box">
          {hydrated ? (
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: 0 }}>
                <CartesianGrid stroke={grid} vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={axis}
                  tickLine={false}
                  axisLine={false}
                  interval="preserveStartEnd"
                  minTickGap={24}
                />
                <YAxis
                  yAxisId="tokens"
                  tick={axis}
                  tickLine={false}
                  axisLine={false}
                  width={48}
                  tickFormatter={(v: number) => formatCount(v)}
                />
                <YAxis
                  yAxisId="cost"
                  orientation="right"
                  tick={axis}
                  tickLine={false}
                  axisLine={false}
                  width={56}
                  tickFormatter={dollarTick}
                />
                <Tooltip formatter={tooltipValue} cursor={{ fill: 'rgba(13,122,107,0.06)' }} />
                <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
                <Bar yAxisId="tokens" dataKey="Tokens" fill={blue} radius={[4, 4, 0, 0]} maxBarSize={24} />
                <Line
                  yAxisId="cost"
                  dataKey="Cost"
                  stroke={teal}
                  strokeWidth={2}
                  dot={false}
                  type="monotone"
                />
              </ComposedChart>
            </ResponsiveContainer>
          ) : null}
        </div>
      </figure>
      <figure className="chart">
        <figcaption>Transactions enriched per day</figcaption>
        <div className="chart-box">
          {hydrated ? (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke={grid} vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={axis}
                  tickLine={false}
                  axisLine={false}
                  interval="preserveStartEnd"
                  minTickGap={24}
                />
                <YAxis
                  tick={axis}
                  tickLine={false}
                  axisLine={false}
                  width={48}
                  tickFormatter={(v: number) => formatCount(v)}
                />
                <Tooltip formatter={tooltipValue} cursor={{ fill: 'rgba(13,122,107,0.06)' }} />
                <Bar dataKey="Transactions" fill={teal} radius={[4, 4, 0, 0]} maxBarSize={24} />
              </BarChart>
            </ResponsiveContainer>
          ) : null}
        </div>
      </figure>
    </div>
  );
}

/** Each enrichment job's transactions and cost, oldest to newest. */
export function CostPerJob({ jobs }: { jobs: CostSummary['jobs'] }) {
  const hydrated = useHydrated();
  const recent = [...jobs].reverse().slice(-20);
  const data = recent.map((job) => ({
    label: new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(job.createdAt)),
    Cost: job.costMicros / 1_000_000,
    Transactions: job.transactionCount,
  }));
  return (
    <figure className="chart">
      <figcaption>Per enrichment job (last {recent.length})</figcaption>
      <div className="chart-box">
        {hydrated ? (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={grid} vertical={false} />
              <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} />
              <YAxis
                yAxisId="tx"
                tick={axis}
                tickLine={false}
                axisLine={false}
                width={48}
                tickFormatter={(v: number) => formatCount(v)}
              />
              <YAxis
                yAxisId="cost"
                orientation="right"
                tick={axis}
                tickLine={false}
                axisLine={false}
                width={56}
                tickFormatter={dollarTick}
              />
              <Tooltip formatter={tooltipValue} cursor={{ fill: 'rgba(13,122,107,0.06)' }} />
              <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
              <Bar yAxisId="tx" dataKey="Transactions" fill={teal} radius={[4, 4, 0, 0]} maxBarSize={40} />
              <Line yAxisId="cost" dataKey="Cost" stroke={blue} strokeWidth={2} type="monotone" />
            </ComposedChart>
          </ResponsiveContainer>
        ) : null}
      </div>
    </figure>
  );
}
