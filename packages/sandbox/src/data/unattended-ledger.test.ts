import { expect, test } from 'vitest';
import { createUnattendedLedger } from './unattended-ledger';

const HOUR = 3_600_000;

test('refuses the call over the limit until the oldest call is 24 hours old', () => {
  const ledger = createUnattendedLedger();
  for (let i = 0; i < 4; i += 1) expect(ledger.admit('a', i * HOUR, 4)).toEqual({ ok: true });
  expect(ledger.admit('a', 5 * HOUR, 4)).toEqual({ ok: false, retryAfterSeconds: 19 * 3600 });
  expect(ledger.admit('b', 5 * HOUR, 4)).toEqual({ ok: true });
  expect(ledger.admit('a', 24 * HOUR + 1, 4)).toEqual({ ok: true });
});

test('a limit of 0 refuses every unattended call', () => {
  expect(createUnattendedLedger().admit('a', 0, 0)).toEqual({ ok: false, retryAfterSeconds: 86_400 });
});
