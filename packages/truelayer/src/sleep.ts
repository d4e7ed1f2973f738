import { setTimeout as wait } from 'node:timers/promises';

/** Waits `ms`, or rejects with the signal's own reason (not Node's AbortError) the moment it aborts. */
export async function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await wait(ms, undefined, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
