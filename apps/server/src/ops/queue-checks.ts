import type { ReadinessCheck } from './readiness';

/** What the scaled mode's checks read (see queue-probe.ts). */
export type QueueProbe = {
  ping(): Promise<unknown>;
  /** Redis CLIENT LIST entries of the queue's workers (`idle`: seconds since the client's last command). */
  getWorkers(): Promise<Record<string, string>[]>;
};

/** Redis answers a PING. */
export function redisReachable(queue: QueueProbe): ReadinessCheck {
  return {
    name: 'redis',
    async run() {
      await queue.ping();
      return { ok: true };
    },
  };
}

/**
 * At least one worker was heard from recently. BullMQ workers hold a named Redis connection and block on the
 * queue in short rounds (and renew their run locks), so a live worker's connection is never idle for long: the
 * connection's idle time is its heartbeat.
 */
export function workerHeartbeat(queue: QueueProbe, maxIdleSeconds = 60): ReadinessCheck {
  return {
    name: 'workers',
    async run() {
      const workers = await queue.getWorkers();
      const recent = workers.filter((worker) => Number(worker.idle ?? Infinity) <= maxIdleSeconds);
      if (recent.length > 0) return { ok: true, workers: recent.length };
      return {
        ok: false,
        reason:
          workers.length === 0
            ? 'no worker is connected to the queue'
            : `no worker heard from in the last ${maxIdleSeconds} s`,
        workers: 0,
      };
    },
  };
}
