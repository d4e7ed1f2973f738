// `pnpm worker`: one scaled-mode worker process (run as many as the load needs, on any machine).
import { loadEnv } from './env';
import { createLogger } from './logger';
import { startWorker } from './scaled/start-worker';
import { configFromEnv } from './server-config';

const env = loadEnv();
const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' });
const config = configFromEnv(env, logger);
if (!config.scaled) {
  logger.error('a worker runs the scaled mode: set REDIS_URL (and a PostgreSQL DATABASE_URL)');
  process.exit(1);
}
const worker = await startWorker({ ...config, scaled: config.scaled }, { logger });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    logger.info({ signal }, 'stopping: running imports are checkpointed and handed to another worker');
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'worker shutdown failed');
        process.exit(1);
      },
    );
  });
}
