import { EventEmitter } from 'node:events';
import type { ProgressEvent } from './progress-event';

/**
 * Fan-out of committed progress events to live subscribers. In-process in the embedded mode; Redis pub/sub in
 * the scaled mode. Events are already durable (ImportEvent) when published: the port only carries them.
 */
export interface ProgressPort {
  publish(event: ProgressEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(jobId: string, listener: (event: ProgressEvent) => void): () => void;
}

export function createInProcessProgressPort(): ProgressPort {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // thousands of subscribers on one job are expected (bench: 1,000)
  return {
    publish(event) {
      emitter.emit(event.jobId, event);
    },
    subscribe(jobId, listener) {
      emitter.on(jobId, listener);
      return () => emitter.off(jobId, listener);
    },
  };
}
