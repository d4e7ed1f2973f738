const WINDOW_MS = 86_400_000;

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * PSD2's unattended-access cap: at most `limit` calls per account per rolling 24 h (sandbox clock) without the
 * user present. Rejected calls are not counted; they never reached the bank.
 */
export function createUnattendedLedger() {
  const calls = new Map<string, number[]>();
  return {
    admit(accountId: string, nowMs: number, limit: number): Admission {
      const recent = (calls.get(accountId) ?? []).filter((at) => at > nowMs - WINDOW_MS);
      calls.set(accountId, recent);
      if (recent.length >= limit) {
        // With a limit of 0 there is no oldest call to wait for: a whole window.
        const oldest = recent[0] ?? nowMs;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - nowMs) / 1000)) };
      }
      recent.push(nowMs);
      return { ok: true };
    },
  };
}

export type UnattendedLedger = ReturnType<typeof createUnattendedLedger>;
