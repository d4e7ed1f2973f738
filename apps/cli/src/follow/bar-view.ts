import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { describeAccountCounts, describeJobProgress } from './describe-progress';
import type { JobDetail, ProgressView } from './status-event';

type AccountRow = JobDetail['accounts'][number];
/** What the bars start from: the job's accounts as it stands before the first event. */
export type BarViewStart = {
  accounts: (Pick<AccountRow, 'accountId' | 'status' | 'synced' | 'duplicates' | 'errors'> & {
    account: Pick<AccountRow['account'], 'displayName'>;
  })[];
  snapshot: JobDetail['snapshot'];
};

/** Live bars on a terminal: one per account (status and counts) and an overall one with the server's ETA. */
export function createBarView(detail: BarViewStart, stream: NodeJS.WritableStream): ProgressView {
  const names = detail.accounts.map((a) => a.account.displayName);
  const width = Math.max('Overall'.length, ...names.map((name) => name.length));
  const bars = new MultiBar(
    {
      stream,
      format: '{name} {bar} {percentage}% | {detail}',
      barsize: 24,
      hideCursor: true,
      autopadding: true,
    },
    Presets.shades_classic,
  );
  const byAccount = new Map<string, SingleBar>();
  for (const row of detail.accounts) {
    const payload = { name: row.account.displayName.padEnd(width), detail: describeAccountCounts(row) };
    byAccount.set(row.accountId, bars.create(100, 0, payload));
  }
  const overall = bars.create(100, detail.snapshot.percent, {
    name: 'Overall'.padEnd(width),
    detail: describeJobProgress(detail.snapshot),
  });

  return {
    show(event) {
      const { account } = event;
      if (account) {
        const payload = { name: account.displayName.padEnd(width), detail: describeAccountCounts(account) };
        const bar = byAccount.get(account.accountId);
        if (bar) bar.update(account.percent, payload);
        else byAccount.set(account.accountId, bars.create(100, account.percent, payload));
      }
      overall.update(event.job.percent, { detail: describeJobProgress(event.job) });
    },
    reconnecting: (reason) => void bars.log(`Connection lost (${reason}); reconnecting…\n`),
    stop: () => bars.stop(),
  };
}
