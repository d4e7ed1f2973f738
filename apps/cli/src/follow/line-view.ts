import { describeAccountCounts, describeJobProgress } from './describe-progress';
import type { ProgressView, StatusEvent } from './status-event';

/** One self-contained line per event, for pipes, logs and tests. */
export function describeEvent(event: StatusEvent): string {
  const prefix = `#${event.seq} ${String(event.job.percent).padStart(3)}%`;
  const { account } = event;
  if (event.kind === 'account' && account) {
    const windows = `${account.windowsDone}/${account.windowsTotal} windows`;
    const reason = account.status === 'failed' && account.lastError ? ` (${account.lastError})` : '';
    return `${prefix} ${account.displayName}: ${describeAccountCounts(account)}, ${windows}${reason}`;
  }
  if (event.kind === 'finished') return `${prefix} finished: ${event.job.status}`;
  return `${prefix} import ${describeJobProgress(event.job)}`;
}

export function createLineView(print: (line: string) => void): ProgressView {
  return {
    show: (event) => print(describeEvent(event)),
    reconnecting: (reason) => print(`Connection lost (${reason}); reconnecting…`),
    stop: () => {},
  };
}
