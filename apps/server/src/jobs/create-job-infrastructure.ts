import type { EngineDeps } from '../engine-deps';
import type { AppLogger } from '../logger';
import type { JobMode } from '../server-config';
import { createEmbeddedJobs } from './embedded-jobs';
import type { JobInfrastructure } from './job-infrastructure';
import { createScaledJobs } from './scaled-jobs';

/**
 * The one place a server process's mode decides its job infrastructure: transport, progress port, recovery and
 * close. A worker process builds its side in worker-jobs.ts.
 */
export function createJobInfrastructure(
  mode: JobMode,
  engine: EngineDeps,
  logger: AppLogger,
): JobInfrastructure {
  switch (mode.kind) {
    case 'embedded':
      return createEmbeddedJobs(engine, logger);
    case 'scaled':
      return createScaledJobs(engine, mode.scaled, logger);
  }
}
