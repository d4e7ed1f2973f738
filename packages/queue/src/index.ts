export { createBullTransport, type BullTransport, type BullTransportOptions } from './bull-transport';
export { defaultQueueName } from './import-queue';
export { createImportWorker, type ImportWorker, type ImportWorkerOptions } from './import-worker';
export { recoverQueuedJobs } from './recover-queued-jobs';
export {
  createRedisProgressPort,
  type RedisProgressPort,
  type RedisProgressPortOptions,
} from './redis-progress-port';
export {
  createRedisRequestLimiter,
  type RedisRequestLimiter,
  type RedisRequestLimiterOptions,
} from './redis-request-limiter';
