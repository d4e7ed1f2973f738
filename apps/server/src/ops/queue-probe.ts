import { Queue } from 'bullmq';
import type { AppLogger } from '../logger';
import type { QueueCounts } from './metrics';
import type { QueueProbe } from './queue-checks';

/**
 * The scaled mode's queue as ops reads it (depth for /metrics, Redis and workers for /readyz), on a connection of
 * its own so probing never competes with the transport's.
 */
export function openQueueProbe(options: {
  redisUrl: string;
  queueName: string;
  logger: AppLogger;
}): QueueCounts & QueueProbe & { close(): Promise<void> } {
  const queue = new Queue(options.queueName, { connection: { url: options.redisUrl } });
  let reported = false;
  queue.on('error', (error) => {
    // ioredis retries on its own and /readyz reports Redis meanwhile: one warning, not one per reconnect attempt
    if (reported) return options.logger.debug({ err: error }, 'queue probe: Redis error');
    reported = true;
    options.logger.warn(
      { err: error },
      'queue probe: Redis error (readiness reports it until Redis answers)',
    );
  });
  return {
    getJobCounts: (...states) => queue.getJobCounts(...states),
    getWorkers: () => queue.getWorkers(),
    // BullMQ's client interface has no PING: any round trip shows Redis answers
    ping: async () => (await queue.getBackend().client).llen(queue.toKey('wait')),
    close: () => queue.close(),
  };
}
