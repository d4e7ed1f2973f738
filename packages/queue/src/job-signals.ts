import type { Logger } from '@app/importer';
import { Redis } from 'ioredis';

export type InterruptListener = {
  /** Resolves once interrupt messages are being received. */
  ready: Promise<void>;
  close(): Promise<void>;
};

/**
 * Hears the interrupts of a queue (pause and cancel of a running job) and hands each job id on. Interrupts arrive
 * on a single channel per queue and carry the job id: they are rare, so every worker hearing every interrupt
 * costs nothing, and no subscription has to follow a job from worker to worker.
 */
export function listenForInterrupts(options: {
  connection: string;
  channel: string;
  logger: Logger;
  onInterrupt(jobId: string): void;
}): InterruptListener {
  const subscriber = new Redis(options.connection);
  subscriber.on('error', (err: Error) =>
    options.logger.warn({ err: err.message }, 'interrupt subscriber connection error'),
  );
  subscriber.on('message', (_channel: string, jobId: string) => options.onInterrupt(jobId));
  const ready = subscriber.subscribe(options.channel).then(() => undefined);
  return {
    ready,
    async close() {
      await subscriber.quit();
    },
  };
}

/**
 * The signal a run is given: aborted by BullMQ's own signal for the run (`worker.cancelJob`) or by the worker's
 * shutdown, always with an Error as its reason (BullMQ aborts with the string it was given, and the engine
 * rethrows the reason). `release` drops its listeners once the run is over: the shutdown signal outlives runs.
 */
export function runSignal(sources: AbortSignal[]): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const listeners = new AbortController();
  const abortFrom = (source: AbortSignal) => {
    const reason: unknown = source.reason;
    controller.abort(reason instanceof Error ? reason : new Error(String(reason ?? 'aborted')));
    listeners.abort();
  };
  for (const source of sources) {
    if (source.aborted) {
      abortFrom(source);
      break;
    }
    source.addEventListener('abort', () => abortFrom(source), { once: true, signal: listeners.signal });
  }
  return { signal: controller.signal, release: () => listeners.abort() };
}
