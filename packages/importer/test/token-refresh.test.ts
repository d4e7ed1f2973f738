import { createDb, type Db } from '@app/db';
import { testProviders } from '@app/db/testing';
import type { TokenSet } from '@app/truelayer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BankClient } from '../src/bank-client';
import { createConnectionTokens, silentLogger, type Logger } from '../src/index';
import { createHarness, type Harness } from '../src/testing';

/**
 * Two processes share one connection row: each has its own token source and (PostgreSQL, the scaled mode) its own
 * database pool, as two workers or a worker and an API replica do. On SQLite the two sources share the client:
 * better-sqlite3 waits for a lock synchronously, so two clients in one thread would wait on each other, which two
 * real processes never do. The sandbox rotates refresh tokens: each works once.
 */
describe.each(testProviders)(
  'refreshing one connection from two processes ($provider)',
  ({ provider, skip, reason }) => {
    let h: Harness;
    let otherDb: Db;
    beforeAll(async () => {
      if (skip) return;
      h = await createHarness({ provider });
      otherDb = provider === 'postgresql' ? createDb(h.database.url) : h.db;
    });
    afterAll(async () => {
      if (provider === 'postgresql') await otherDb?.$disconnect();
      await h?.close();
    });

    /** A bank client whose refreshes are counted, and held back until `gate` opens. */
    function bankFor(
      gate: () => Promise<void>,
      calls: { refreshes: number },
      arrive: () => void,
    ): BankClient {
      return {
        data: (options) => h.client.data(options),
        async refreshTokens(refreshToken: string): Promise<TokenSet> {
          arrive();
          await gate();
          calls.refreshes += 1;
          return h.client.refreshTokens(refreshToken);
        },
      };
    }

    /** Opens once both processes reached the refresh: one calls the bank, the other waits (and says so) or calls too. */
    function meetingPoint() {
      let arrivals = 0;
      let open: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const arrive = () => {
        arrivals += 1;
        if (arrivals === 2) open();
      };
      const logger: Logger = { ...silentLogger, info: () => arrive() };
      return { arrive, logger, gate: () => opened };
    }

    async function expireAccessToken(connectionId: string) {
      await h.db.bankConnection.update({
        where: { id: connectionId },
        data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
      });
    }

    test.skipIf(skip)(
      `two processes refreshing an expired token at once leave the connection active, with one refresh${skip ? ` (skipped: ${reason})` : ''}`,
      async () => {
        const { connection } = await h.connectUser(
          `both-${provider}@example.test`,
          `refresh-both-${provider}`,
        );
        await expireAccessToken(connection.id);
        const calls = { refreshes: 0 };
        const meet = meetingPoint();
        const source = (db: Db) =>
          createConnectionTokens({
            db,
            cipher: h.deps.cipher,
            bank: bankFor(meet.gate, calls, meet.arrive),
            connectionId: connection.id,
            now: () => new Date(),
            logger: meet.logger,
          });
        const [first, second] = await Promise.all([source(h.db).current(), source(otherDb).current()]);

        expect(first).toBe(second);
        expect(calls.refreshes).toBe(1);
        const stored = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
        expect(stored.status).toBe('active');
        expect(stored.tokenVersion).toBe(connection.tokenVersion + 1);
        expect(stored.refreshLeaseOwner).toBeNull();
        // the token both use is one the bank honours, and the stored refresh token is the live one
        const accounts = await h.client
          .data({ tokens: { current: async () => first, refresh: async () => first } })
          .accounts();
        expect(accounts.length).toBeGreaterThan(0);
        await expireAccessToken(connection.id);
        const later = createConnectionTokens({ ...h.deps, connectionId: connection.id });
        expect(await later.current()).not.toBe(first);
      },
    );

    test.skipIf(skip)(
      `an invalid_grant after another process stored new tokens is not an expired consent${skip ? ` (skipped: ${reason})` : ''}`,
      async () => {
        const { connection } = await h.connectUser(
          `late-${provider}@example.test`,
          `refresh-late-${provider}`,
        );
        await expireAccessToken(connection.id);
        let secondDone: () => void = () => undefined;
        const secondFinished = new Promise<void>((resolve) => (secondDone = resolve));
        const calls = { refreshes: 0 };
        // The first process claims the lease, then stalls past it; the second takes over and refreshes; only then
        // does the first send its (now spent) refresh token.
        const stalled = createConnectionTokens({
          db: h.db,
          cipher: h.deps.cipher,
          bank: bankFor(
            () => secondFinished,
            calls,
            () => undefined,
          ),
          connectionId: connection.id,
          now: () => new Date(),
          leaseMs: 1,
        });
        const stalledToken = stalled.current();
        await waitForLease(h.db, connection.id);
        const second = createConnectionTokens({ ...h.deps, db: otherDb, connectionId: connection.id });
        const secondToken = await second.current();
        secondDone();

        expect(await stalledToken).toBe(secondToken);
        expect(calls.refreshes).toBe(1);
        const stored = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
        expect(stored.status).toBe('active');
      },
    );
  },
);

/** Until the first process holds the refresh lease (reads the row; no sleeping on a clock). */
async function waitForLease(db: Db, connectionId: string) {
  for (;;) {
    const row = await db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } });
    if (row.refreshLeaseOwner !== null) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
