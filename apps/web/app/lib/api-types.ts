// Shapes the pages use, all derived from the router: nothing here is written by hand.
import type { RouterInputs, RouterOutputs } from '@app/api';

type Yielded<T> = T extends AsyncIterable<infer U> ? U : never;

/** One event of the `importStatus` subscription, as its tracked envelope carries it. */
export type ProgressEvent = Yielded<RouterOutputs['importStatus']>['data'];
export type JobSnapshot = ProgressEvent['job'];
export type AccountSnapshot = NonNullable<ProgressEvent['account']>;
export type JobStatus = JobSnapshot['status'];
export type AccountStatus = AccountSnapshot['status'];

export type Connection = RouterOutputs['connections']['list'][number];
export type BankAccount = Connection['accounts'][number];
export type ImportPlan = RouterOutputs['importPlan'];
export type ImportPlanInput = RouterInputs['importPlan'];
export type JobSummary = RouterOutputs['importHistory']['items'][number];
export type JobDetail = RouterOutputs['importJob'];
export type AccountResult = JobDetail['accounts'][number];
export type MatchDecision = JobDetail['matches'][number];
export type Schedule = RouterOutputs['schedules']['list'][number];
export type CostSummary = RouterOutputs['costs']['summary'];
export type TransactionItem = RouterOutputs['transactions']['list']['items'][number];
