import { ensureUser } from '@app/api';
import { isUniqueViolation, type Db } from '@app/db';
import type { AppLogger } from '../logger';

/**
 * The demo user of a deployment on a shared sandbox bank: created without a connection (only the bank's own
 * process can mint its tokens), they connect it through the sandbox's consent page. Replicas start together, so
 * losing the race to create the user is fine.
 */
export async function seedSharedSandboxDemo(
  db: Db,
  demo: { email: string; password: string },
  logger: AppLogger,
) {
  try {
    const { user, created } = await ensureUser(db, { ...demo, name: 'Demo' });
    if (created)
      logger.info({ userId: user.id }, 'demo user created; connect the sandbox bank from the Banks page');
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
