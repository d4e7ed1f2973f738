/**
 * A buffer between a push source (the progress port's listener) and a reader. It starts buffering at once, so
 * events published while the reader is busy (reading the backlog) are kept.
 */
export function createLiveQueue<T>(signal: AbortSignal) {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });

  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    /** The next item; 'idle' when none came within `idleMs`; 'aborted' once the signal aborts. */
    async next(idleMs: number): Promise<T | 'idle' | 'aborted'> {
      if (signal.aborted) return 'aborted';
      if (items.length === 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, idleMs);
        });
        clearTimeout(timer);
        wake = null;
        if (signal.aborted) return 'aborted';
      }
      const item = items.shift();
      return item === undefined ? 'idle' : item;
    },
    close() {
      signal.removeEventListener('abort', onAbort);
    },
  };
}
