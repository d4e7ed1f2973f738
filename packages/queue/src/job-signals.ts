import type { Logger } from '@app/importer';
import { Redis } from 'ioredis';

export type JobSignals = {
  /** Resolves once interrupt messages are being received. */
  ready: Promise<void>;
  /** A signal for one run of a job, aborted by an interrupt for that job or by `abortAll`. */
  track(jobId: string): { signal: AbortSignal; release(): void };
  /** Aborts every run, and every run tracked from now on (a job fetched just as the worker began closing). */
  abortAll(reason: Error): void;
  close(): Promise<void>;
};

/**
 * The abort signals of the runs one worker process holds. Interrupts arrive on a single channel per queue and
 * carry the job id: they are rare, so every worker hearing every interrupt costs nothing, and no subscription has
 * to follow a job from worker to worker.
 */
export function createJobSignals(options: {
  connection: string;
  channel: string;
  logger: Logger;
}): JobSignals {
  const running = new Map<string, AbortController>();
  let shutdown: Error | null = null;
  const subscriber = new Redis(options.connection);
  subscriber.on('error', (err: Error) =>
    options.logger.warn({ err: err.message }, 'interrupt subscriber connection error'),
  );
  subscriber.on('message', (_channel: string, jobId: string) =>
    running.get(jobId)?.abort(new Error('interrupted')),
  );
  const ready = subscriber.subscribe(options.channel).then(() => undefined);

  return {
    ready,
    track(jobId) {
      const controller = new AbortController();
      if (shutdown) controller.abort(shutdown);
      running.set(jobId, controller);
      return {
        signal: controller.signal,
        release() {
          if (running.get(jobId) === controller) running.delete(jobId);
        },
      };
    },
    abortAll(reason) {
      shutdown = reason;
      for (const controller of running.values()) controller.abort(reason);
    },
    async close() {
      await subscriber.quit();
    },
  };
}
