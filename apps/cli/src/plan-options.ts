import type { RouterInputs } from '@app/api/client';
import { InvalidArgumentError, type Command } from 'commander';
import { londonTimeZone, todayIn } from '@app/domain';
import { resolveDateRange } from './dates/date-range';
import { UsageError } from './errors';

export type PlanOptions = {
  connection: string;
  from?: string;
  to?: string;
  last?: string;
  incremental?: boolean;
  accounts?: string[];
  enrich?: boolean;
  batchSize?: number;
};

/**
 * The importer's calendar (its default time zone): "today" must not run ahead of the server's, or `--last` would
 * ask for a day it calls the future.
 */
const importerTimeZone = londonTimeZone;

export function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Use a whole number.');
  return Number(value);
}

function parseIdList(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) throw new InvalidArgumentError('List account ids separated by commas.');
  return ids;
}

/** The options `plan` and `import` share. */
export function addPlanOptions(command: Command): Command {
  return command
    .requiredOption('--connection <id>', 'the bank connection (see `spending accounts`)')
    .option('--from <date>', 'first day to import, YYYY-MM-DD')
    .option('--to <date>', 'last day to import, YYYY-MM-DD')
    .option('--last <period>', 'instead of --from/--to: the period ending today, e.g. 7d, 30d, 3m, 1y')
    .option('--incremental', 'instead of dates: from each account’s last sync (a few days’ overlap) to today')
    .option('--accounts <ids>', 'only these accounts and cards, comma-separated (default: all)', parseIdList)
    .option('--enrich', 'categorise the new transactions after the import (costs money)')
    .option('--batch-size <n>', 'transactions written per batch (default 50)', parseWholeNumber);
}

export function toPlanInput(options: PlanOptions, now: Date): RouterInputs['importPlan'] {
  if (options.incremental && (options.from ?? options.to ?? options.last) !== undefined)
    throw new UsageError('Give either --incremental or dates, not both.');
  return {
    connectionId: options.connection,
    ...(options.incremental
      ? { jobType: 'incremental' as const }
      : resolveDateRange(options, todayIn(importerTimeZone, now))),
    accountIds: options.accounts,
    autoEnrich: options.enrich ?? false,
    batchSize: options.batchSize,
  };
}
