import type { RouterOutputs } from '@app/api/client';
import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { formatCostMicros, formatCount, formatDateRange, formatDateTime, formatDuration } from '../format';
import { formatTable } from '../format-table';

type JobDetail = RouterOutputs['importJob'];
type AccountRow = JobDetail['accounts'][number];

/** What an account's import did, from its receipt; why nothing came in when nothing did. */
function describeReceipt({ receipt }: AccountRow): string {
  if (!receipt) return '';
  const { duplicatesByRule: dup } = receipt;
  const parts = [
    `fetched ${formatCount(receipt.fetched)}`,
    `new ${formatCount(receipt.new)}`,
    `duplicates ${formatCount(dup.normalised + dup.provider + dup.fingerprint)} (normalised ${dup.normalised}, provider ${dup.provider}, fingerprint ${dup.fingerprint})`,
    `pending reconciled ${receipt.pendingReconciled}, removed ${receipt.pendingRemoved}, awaiting booking ${receipt.pendingAwaitingBooking}`,
    `${formatCount(receipt.callsUsed)} bank calls (${receipt.callsRetried} retried)`,
  ];
  if (receipt.zeroReason)
    parts.push(
      receipt.zeroReason === 'bank_returned_nothing'
        ? 'the bank returned nothing'
        : 'nothing new after de-duplication',
    );
  return parts.join('; ');
}

function printJob(detail: JobDetail, print: (line?: string) => void) {
  const { job, estimate, actual } = detail;
  print(`Import ${job.id}  ${job.status}${job.requestedAction ? ` (${job.requestedAction} requested)` : ''}`);
  print(`  Bank          ${job.connection.providerName} (connection ${job.connection.id})`);
  print(`  Dates         ${formatDateRange(job.fromDate, job.toDate)}`);
  print(
    `  Created       ${formatDateTime(job.createdAt)}; started ${formatDateTime(job.startedAt)}; finished ${formatDateTime(job.finishedAt)}`,
  );
  print(
    `  Transactions  estimated ~${formatCount(estimate.transactions)}; ${actual ? `fetched ${formatCount(actual.transactions)}, new ${formatCount(actual.synced)}` : `new so far ${formatCount(job.totalSynced)}`}`,
  );
  print(
    `  Duration      estimated ~${formatDuration(estimate.durationMs ?? 0)}${typeof actual?.durationMs === 'number' ? `; took ${formatDuration(actual.durationMs)}` : ''}`,
  );
  if (job.autoEnrich)
    print(
      `  Cost          estimated ${formatCostMicros(estimate.costMicros)}${actual ? `; spent ${formatCostMicros(actual.costMicros)}` : ''}`,
    );
  if (job.errorMessage) print(`  Error         ${job.errorMessage}`);
  for (const warning of estimate.warnings) print(`  ! ${warning.message}`);
  print();
  const rows = detail.accounts.map((a) => [
    a.account.displayName,
    a.status,
    formatCount(a.synced),
    formatCount(a.duplicates),
    formatCount(a.errors),
    a.lastError ?? '',
  ]);
  for (const line of formatTable(
    ['Account', 'Status', 'New', 'Duplicates', 'Errors', 'Reason'],
    rows,
    [2, 3, 4],
  ))
    print(`  ${line}`);
  const receipts = detail.accounts.filter((a) => a.receipt);
  if (receipts.length > 0) {
    print();
    print('Receipts');
    for (const a of receipts) print(`  ${a.account.displayName}: ${describeReceipt(a)}`);
  }
}

export function registerJob(program: Command, env: CliEnv) {
  program
    .command('job')
    .description('one import in detail, with what each account did')
    .argument('<jobId>', 'the import to show')
    .action((jobId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        printJob(await (await scope.signedIn()).importJob.query({ jobId }), scope.print);
      }),
    );
}
