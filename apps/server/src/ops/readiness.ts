import type { AppLogger } from '../logger';

export type CheckResult = { ok: boolean; reason?: string; [detail: string]: unknown };

/** One condition for taking traffic. `run` answers with a reason a person can act on; a throw is logged. */
export type ReadinessCheck = { name: string; run(): Promise<CheckResult> };

export type Readiness = {
  ready: boolean;
  reason?: string;
  checks: Record<string, CheckResult>;
};

function withinTimeout(check: ReadinessCheck, logger: AppLogger, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const answered = check.run().catch((error: unknown): CheckResult => {
    // The reason goes to the prober; the error (which may name hosts) only to the log.
    logger.warn({ check: check.name, err: error }, 'readiness check failed');
    return { ok: false, reason: 'failed (see the server log)' };
  });
  return Promise.race([answered, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * `/readyz`: ready when every check passes and the process is not draining. Checks run at each probe, in
 * parallel, each bounded in time, so a hung dependency answers "not ready" instead of hanging the prober.
 */
export function createReadiness(
  logger: AppLogger,
  initial: ReadinessCheck[],
  options: { timeoutMs?: number } = {},
) {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const checks = [...initial];
  let draining = false;
  return {
    /** The scaled mode adds Redis and worker checks here. */
    addCheck(check: ReadinessCheck) {
      checks.push(check);
    },
    /** Shutdown has begun: load balancers should send the traffic elsewhere. */
    drain() {
      draining = true;
    },
    async check(): Promise<Readiness> {
      const results = await Promise.all(checks.map((check) => withinTimeout(check, logger, timeoutMs)));
      const byName = Object.fromEntries(checks.map((check, i) => [check.name, results[i] ?? { ok: false }]));
      if (draining) return { ready: false, reason: 'shutting down', checks: byName };
      const failing = checks.filter((_, i) => !results[i]?.ok).map((check) => check.name);
      return failing.length === 0
        ? { ready: true, checks: byName }
        : { ready: false, reason: `not ready: ${failing.join(', ')}`, checks: byName };
    },
  };
}
