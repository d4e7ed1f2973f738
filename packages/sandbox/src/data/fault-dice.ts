import type { FaultKnobs } from '../options';
import { createPrng } from '../prng';

export type FaultRoll =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'timeout' }
  | { kind: 'malformed' }
  | { kind: 'error'; code: string; retryAfterSeconds: number | null };

const SERVER_ERRORS = ['internal_server_error', 'provider_error', 'provider_timeout'] as const;

/**
 * Fault and latency decisions from one seeded stream: a run with the same requests in the same order sees the
 * same faults, while each request still rolls independently. Every request draws the same number of values, so
 * changing one knob does not shift the decisions of the others.
 */
export function createFaultDice(seed: number) {
  const prng = createPrng(seed, 'faults');
  return {
    roll(faults: FaultKnobs): FaultRoll {
      const roll = prng.next();
      const which = prng.next();
      let threshold = faults.rateReset;
      if (roll < threshold) return { kind: 'reset' };
      threshold += faults.rateTimeout;
      if (roll < threshold) return { kind: 'timeout' };
      threshold += faults.rate5xx;
      if (roll < threshold)
        return {
          kind: 'error',
          code: SERVER_ERRORS[Math.floor(which * SERVER_ERRORS.length)] ?? 'internal_server_error',
          retryAfterSeconds: null,
        };
      threshold += faults.rate429;
      if (roll < threshold)
        return {
          kind: 'error',
          code: 'provider_request_limit_exceeded',
          retryAfterSeconds: faults.retryAfterSeconds,
        };
      threshold += faults.rateMalformed;
      if (roll < threshold) return { kind: 'malformed' };
      return { kind: 'none' };
    },
    latencyMs(latency: { fixedMs: number; jitterMs: number }): number {
      return latency.fixedMs + prng.next() * latency.jitterMs;
    },
  };
}

export type FaultDice = ReturnType<typeof createFaultDice>;
