import { isJobStatus, jobStatuses, connectionName } from '@app/domain';
import type { RouterInputs } from '@app/api/client';
import { InvalidArgumentError, type Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { formatCount, formatDateRange, formatDateTime } from '../format';
import { formatTable } from '../format-table';
import { parseWholeNumber } from '../plan-options';

type JobStatus = NonNullable<Exclude<RouterInputs['importHistory'], void>['status']>;
type HistoryOptions = { status?: JobStatus; limit?: number };

/** The statuses the router takes (one list in @app/domain), so a typo fails before a request. */
function parseJobStatus(value: string): JobStatus {
  if (!isJobStatus(value)) throw new InvalidArgumentError(`Use one of: ${jobStatuses.join(', ')}.`);
  return value;
}

export function registerHistory(program: Command, env: CliEnv) {
  program
    .command('history')
    .description('your imports, newest first')
    .option(
      '--status <status>',
      `only imports in this state: ${Object.keys(jobStatuses).join(', ')}`,
      parseJobStatus,
    )
    .option('--limit <n>', 'how many to show (default 20)', parseWholeNumber)
    .action((options: HistoryOptions, command: Command) =>
      runCommand(command, env, async (scope) => {
        const api = await scope.signedIn();
        const page = await api.importHistory.query({ status: options.status, limit: options.limit });
        if (page.items.length === 0) {
          scope.print('No imports yet.');
          return;
        }
        const rows = page.items.map((job) => [
          job.id,
          job.status,
          connectionName(job.connection),
          formatDateRange(job.fromDate, job.toDate),
          `${job.accountsCompleted}/${job.accountsTotal}${job.accountsFailed > 0 ? ` (${job.accountsFailed} failed)` : ''}`,
          formatCount(job.totalSynced),
          formatDateTime(job.createdAt),
        ]);
        const header = ['Job', 'Status', 'Bank', 'Dates', 'Accounts', 'New', 'Created'];
        for (const line of formatTable(header, rows, [5])) scope.print(line);
        if (page.nextCursor) scope.print(`(older imports not shown: raise --limit)`);
      }),
    );
}
