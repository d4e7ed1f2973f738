import type { RouterOutputs } from '@app/api/client';

type Tracked = RouterOutputs['importStatus'] extends AsyncIterable<infer T> ? T : never;

/** One importStatus event (its tracked id is its `seq`); each carries the whole job snapshot. */
export type StatusEvent = Tracked extends { data: infer Event } ? Event : never;
export type AccountSnapshot = NonNullable<StatusEvent['account']>;
export type JobSnapshot = StatusEvent['job'];
export type JobDetail = RouterOutputs['importJob'];

/** How progress is drawn: live bars on a terminal, a line per event anywhere else. */
export type ProgressView = {
  show(event: StatusEvent): void;
  reconnecting(reason: string): void;
  stop(): void;
};
