import type { LimitStore } from '@app/api';
import { Redis } from 'ioredis';
import type { JobMode } from './server-config';
import { redisNamesOf } from './scaled/redis-names';

/**
 * Where the API's limits count: in this process in the embedded mode (there is one), in Redis in the scaled mode,
 * so that N API replicas allow each budget once, not N times.
 */
export function createLimitStore(mode: JobMode): { store: LimitStore; close(): Promise<void> } {
  if (mode.kind === 'embedded') return { store: { kind: 'memory' }, close: async () => undefined };
  // commands wait for a (re)connection instead of failing at once; the limiter's insurance covers an outage
  const client = new Redis(mode.scaled.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  return {
    store: { kind: 'redis', client, prefix: redisNamesOf(mode.scaled.queueName).limitPrefix },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
