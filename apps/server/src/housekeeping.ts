import { purgeExpiredAuth } from '@app/api';
import type { Db } from '@app/db';
import type { AppLogger } from './logger';

const everySixHours = 6 * 3_600_000;

/** Purges expired sessions and OAuth states now and then. */
export function startHousekeeping(deps: { db: Db; logger: AppLogger; now: () => Date }) {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = purgeExpiredAuth(deps.db, deps.now()).then(
      (purged) => {
        if (purged.sessions + purged.oauthStates > 0) deps.logger.info(purged, 'expired sessions purged');
      },
      // a timer has no caller to report to: the next run tries again
      (error: unknown) => deps.logger.error({ err: error }, 'purging expired sessions failed'),
    );
  };
  run();
  const timer = setInterval(run, everySixHours);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
