import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

// Two API replicas of the scaled mode share one Redis: the mutation budget and the sign-in limits hold across
// both, not once per process; sign-in has its own limit with growing delays, apart from the mutation budget.

const redisUrl = process.env.TEST_REDIS_URL;
const postgresUrl = process.env.TEST_POSTGRES_URL;
const password = 'correct horse battery';

/** Wrong passwords sent from this test's address (127.0.0.1) so far, by every test of this file. */
let failuresFromHere = 0;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    const code = (error as { data?: { code?: string } }).data?.code ?? String(error);
    if (code === 'UNAUTHORIZED') failuresFromHere += 1;
    return code;
  }
}

/** The wait a held-back sign-in is told, in seconds. */
async function heldSeconds(call: Promise<unknown>): Promise<number> {
  const error = (await call.then(
    () => null,
    (failure: unknown) => failure,
  )) as { data?: { code?: string }; message?: string } | null;
  expect(error?.data?.code).toBe('TOO_MANY_REQUESTS');
  return Number(/try again in (\d+) s/.exec(error?.message ?? '')?.[1]);
}

describe.skipIf(!redisUrl || !postgresUrl)(
  'limits shared by two API replicas (needs TEST_REDIS_URL and TEST_POSTGRES_URL)',
  () => {
    let database: TestDatabase;
    let a: TestServer;
    let b: TestServer;
    const perMinute = 6;
    beforeAll(async () => {
      database = await createTestDatabase('postgresql');
      const scaled = {
        redisUrl: redisUrl ?? '',
        queueName: `limits-${randomUUID()}`,
        lockDurationMs: 30_000,
      };
      a = await startTestServer({ database, scaled, mutationsPerMinute: perMinute });
      b = await startTestServer({ database, scaled, mutationsPerMinute: perMinute });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await database?.drop();
    });

    test('the mutation budget is one budget across the replicas', async () => {
      const { sessionToken } = await a.signUp('budget@example.test');
      const onA = a.client(sessionToken);
      const onB = b.client(sessionToken);
      const codes: string[] = [];
      for (let i = 0; i < perMinute + 2; i += 1)
        codes.push(
          await codeOf((i % 2 ? onB : onA).costs.setMonthlyCap.mutate({ capMicros: 1_000_000 + i })),
        );
      // per process it would be 2 x 6 allowed; shared, the 7th call on either replica is refused
      expect(codes).toEqual([...Array(perMinute).fill('OK'), 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    });

    test('wrong passwords for one account hold it back on every replica, with growing delays', async () => {
      const email = 'guessed@example.test';
      await b.signUp(email);
      const signIn = (server: TestServer, pass: string) =>
        codeOf(server.client().auth.signIn.mutate({ email, password: pass }));
      // 5 free failures, alternating replicas; more sign-ins than the mutation budget (6) allows: its own limit
      for (let i = 0; i < 5; i += 1)
        expect(await signIn(i % 2 ? b : a, 'wrong password')).toBe('UNAUTHORIZED');
      expect(await signIn(b, password)).toBe('OK'); // a success forgets the account's failures
      for (let i = 0; i < 5; i += 1)
        expect(await signIn(i % 2 ? a : b, 'wrong password')).toBe('UNAUTHORIZED');
      expect(await signIn(a, 'wrong password')).toBe('UNAUTHORIZED'); // the 6th: held back 2 s from now
      // held back on the other replica too, even with the right password
      const firstHold = await heldSeconds(b.client().auth.signIn.mutate({ email, password }));
      expect(firstHold).toBeGreaterThan(0);
      expect(firstHold).toBeLessThanOrEqual(2);
      await new Promise((resolve) => setTimeout(resolve, 2_100)); // the hold is a state with an end
      expect(await signIn(b, 'wrong password')).toBe('UNAUTHORIZED'); // the 7th: held back 4 s
      const secondHold = await heldSeconds(a.client().auth.signIn.mutate({ email, password }));
      expect(secondHold).toBeGreaterThan(2);
      expect(secondHold).toBeLessThanOrEqual(4);
      // other accounts are not held back by this one (their own and the address's failures are few)
      await a.signUp('bystander@example.test');
      expect(await codeOf(a.client().auth.signIn.mutate({ email: 'bystander@example.test', password }))).toBe(
        'OK',
      );
    });

    test('wrong passwords from one address for many accounts hold the address back', async () => {
      await a.signUp('fresh@example.test');
      // 20 failures from one address are free (whichever tests sent them); the 21st holds the address back
      const codes: string[] = [];
      for (let i = 0; failuresFromHere < 21; i += 1)
        codes.push(
          await codeOf(
            (i % 2 ? a : b).client().auth.signIn.mutate({ email: `nobody-${i}@example.test`, password }),
          ),
        );
      expect(codes.every((code) => code === 'UNAUTHORIZED')).toBe(true);
      await expect(
        b.client().auth.signIn.mutate({ email: 'fresh@example.test', password }),
      ).rejects.toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
    });
  },
);
