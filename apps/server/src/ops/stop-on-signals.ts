import type { AppLogger } from '../logger';

type Signals = { on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };

/**
 * SIGTERM / SIGINT: a graceful stop (`close`: no new work, running imports checkpointed, WebSocket clients told
 * to reconnect, connections closed), bounded by `timeoutMs`: past it, or on a second signal, the process exits
 * at once. That is safe: every committed batch is durable and the next start resumes from it.
 */
export function stopOnSignals(
  server: { close(): Promise<void> },
  options: {
    logger: AppLogger;
    timeoutMs: number;
    /** Injected by tests; the process's own otherwise. */
    signals?: Signals;
    exit?: (code: number) => void;
  },
) {
  const { logger, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    (options.signals ?? process).on(signal, () => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: stopping now');
        return exit(1);
      }
      stopping = true;
      logger.info(
        { signal, timeoutMs },
        'stopping: running imports are checkpointed and resume at the next start',
      );
      const deadline = setTimeout(() => {
        logger.error(
          { timeoutMs },
          'shutdown took too long: exiting now (imports resume from their last checkpoint)',
        );
        exit(1);
      }, timeoutMs);
      server.close().then(
        () => {
          clearTimeout(deadline);
          exit(0);
        },
        (error: unknown) => {
          clearTimeout(deadline);
          logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
    });
  }
}
