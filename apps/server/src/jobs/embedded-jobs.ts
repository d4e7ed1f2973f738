import { createInProcessProgressPort, createJobRunner } from '@app/importer';
import type { EngineDeps } from '../engine-deps';
import type { AppLogger } from '../logger';
import type { JobInfrastructure } from './job-infrastructure';

/** The embedded mode: jobs run in this process through the in-process runner; progress fans out in memory. */
export function createEmbeddedJobs(engine: EngineDeps, logger: AppLogger): JobInfrastructure {
  const progress = createInProcessProgressPort();
  const importerDeps = { ...engine, progress };
  const runner = createJobRunner(importerDeps, {
    onFinished: (jobId, status) => logger.info({ jobId, status }, 'import job finished its run'),
  });
  return {
    mode: 'embedded',
    transport: runner,
    progress,
    importerDeps,
    recover: () => runner.recover(),
    close: () => runner.close(),
    closeProgress: async () => undefined,
  };
}
