import { ensureUser } from '@app/api';
import type { Db, TokenCipher } from '@app/db';
import { connectBank } from '@app/importer';
import type { SandboxBank } from '@app/sandbox';
import type { TrueLayerClient } from '@app/truelayer';
import type { AppLogger } from './logger';

/**
 * The embedded mode's demo: a user who can sign in at once, with a sandbox bank connected so a first import
 * works without an OAuth round trip. Idempotent: an existing user keeps their password and connections.
 */
export async function seedDemo(
  deps: {
    db: Db;
    bank: TrueLayerClient;
    cipher: TokenCipher;
    sandbox: SandboxBank;
    logger: AppLogger;
    now: () => Date;
  },
  demo: { email: string; password: string },
) {
  const { user, created } = await ensureUser(deps.db, { ...demo, name: 'Demo' });
  const active = await deps.db.bankConnection.count({ where: { userId: user.id, status: 'active' } });
  if (active > 0) return;
  const issued = deps.sandbox.issueTokens('john');
  const tokens = {
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    expiresAt: new Date(deps.now().getTime() + issued.expires_in * 1000),
    scopes: issued.scope.split(' '),
  };
  const { accounts } = await connectBank(deps, { userId: user.id, tokens });
  deps.logger.info(
    { userId: user.id, created, accounts: accounts.length },
    'demo user has a sandbox bank connected',
  );
}
