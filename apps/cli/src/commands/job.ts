import { connectionName } from '@app/domain';
import type { RouterOutputs } from '@app/api/client';
import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { formatCostMicros, formatCount, formatDateRange, formatDateTime, formatDuration } from '../format';
import { formatTable } from '../format-table';

type JobDetail = RouterOutputs['importJob'];
type AccountRow = JobDetail['accounts'][number];

const zeroReasons = {
  bank_returned_nothing: 'the bank returned nothing',
  nothing_new_after_dedup: 'nothing new after de-duplication',
  deferred_by_call_budget: 'waiting for the bank’s daily limit',
  consent_expired: 'the bank consent has ended: reconnect the bank',
  history_locked:
    'the dates are older than the bank shares on this consent: reconnect, then `spending continue`',
  not_offered_by_bank: 'not offered by this bank',
} as const;

/** What an account's import did, from its receipt; why nothing came in when nothing did. */
function describeReceipt({ receipt }: AccountRow): string {
  if (!receipt) return '';
  const { duplicatesByRule: dup, enrichment } = receipt;
  const parts = [
    `fetched ${formatCount(receipt.fetched)}`,
    `new ${formatCount(receipt.new)}`,
    `duplicates ${formatCount(dup.normalised + dup.provider + dup.fingerprint)} (normalised ${dup.normalised}, provider ${dup.provider}, fingerprint ${dup.fingerprint})`,
    `updated ${formatCount(receipt.updated)}`,
    `pending reconciled ${receipt.pendingReconciled}, removed ${receipt.pendingRemoved}, awaiting booking ${receipt.pendingAwaitingBooking}`,
    `${formatCount(receipt.callsUsed)} bank calls (${receipt.callsRetried} retried, ${receipt.callsRateLimited} refused as too many)`,
    `enrichment ${formatCount(enrichment.tokensIn)}/${formatCount(enrichment.tokensOut)} tokens, ${formatCostMicros(enrichment.costMicros)}`,
  ];
  if (receipt.matchesToReview > 0) parts.push(`${receipt.matchesToReview} look-alike pair(s) to review`);
  if (receipt.zeroReason) parts.push(zeroReasons[receipt.zeroReason]);
  // Zeros the bank explains itself: it does not offer the endpoint (501), so they are no error.
  if (receipt.notOffered.includes('pending')) parts.push('pending: not offered by this bank');
  if (receipt.directionBySign > 0)
    parts.push(`${formatCount(receipt.directionBySign)} signed by the amount (card feed without a type)`);
  return parts.join('; ');
}

/** The account's unattended-call budget now: what background imports may still use today. */
function describeBudget({ budget, status, deferredUntil }: AccountRow): string {
  if (status === 'deferred' && deferredUntil) return `waits until ${formatDateTime(deferredUntil)}`;
  if (!budget || budget.limit === null || budget.left === null) return 'no daily limit';
  const next = budget.nextFreeAt ? `; next frees ${formatDateTime(budget.nextFreeAt)}` : '';
  return `${budget.used} of ${budget.limit} background calls used in 24 h, ${budget.left} left (+${budget.reserve} kept for you)${next}`;
}

function printJob(detail: JobDetail, print: (line?: string) => void) {
  const { job, estimate, actual } = detail;
  print(`Import ${job.id}  ${job.status}${job.requestedAction ? ` (${job.requestedAction} requested)` : ''}`);
  print(`  Bank          ${connectionName(job.connection)} (connection ${job.connection.id})`);
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
  const { locked } = detail.lockedHistory;
  if (locked)
    print(
      `  Locked        ${formatDateRange(locked.from, locked.to)}: reconnect the bank, then \`spending continue ${job.id}\``,
    );
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
  print();
  print(`Bank call budget${job.attended ? ' (you were present: these calls did not count)' : ''}`);
  for (const a of detail.accounts) print(`  ${a.account.displayName}: ${describeBudget(a)}`);
  const review = detail.matches.filter((m) => m.state === 'review').length;
  const merged = detail.matches.filter((m) => m.state === 'merged').length;
  if (detail.matches.length > 0) {
    print();
    print(
      `Matches: ${merged} merged (undo on the job page), ${review} look-alike pair(s) waiting for your decision`,
    );
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
