import type { ImporterDeps, JobTransport, ProgressPort } from '@app/importer';

/** One mode's answer to "where do jobs run and how is their progress heard", built in one place. */
export type JobInfrastructure = {
  mode: 'embedded' | 'scaled';
  /** Where started and resumed jobs go, and how pause and cancel reach a running one. */
  transport: JobTransport;
  /** Where committed progress events are published and heard. */
  progress: ProgressPort;
  /** The importer's dependencies with this mode's progress port (and request limiter, in a worker). */
  importerDeps: ImporterDeps;
  /** Picks up the jobs a previous process left queued or running; returns how many. */
  recover(): Promise<number>;
  /** Stops taking jobs; running ones are checkpointed and stay queued. */
  close(): Promise<void>;
  /** Closed last, after the WebSockets: their subscriptions unsubscribe as they end. */
  closeProgress(): Promise<void>;
};
