import { z } from 'zod';

const rateSchema = z.number().min(0).max(1).default(0);

const FailingAccountSchema = z.object({
  status: z.number().int().min(400).max(599),
  error: z.string().min(1),
});

/** Fault knobs; rates are probabilities per data request. */
export const FaultKnobsSchema = z.object({
  rate5xx: rateSchema,
  rate429: rateSchema,
  retryAfterSeconds: z.number().int().min(0).default(1),
  rateTimeout: rateSchema,
  timeoutMs: z.number().int().min(0).default(60_000),
  rateReset: rateSchema,
  rateMalformed: rateSchema,
  failingAccounts: z.record(z.string(), FailingAccountSchema).default({}),
});
export type FaultKnobs = z.output<typeof FaultKnobsSchema>;
export type FaultKnobsInput = z.input<typeof FaultKnobsSchema>;

const countSchema = z.number().int().min(0).max(20);

export const SandboxOptionsSchema = z.object({
  seed: z.number().int().default(42),
  /** The consent page clicks Allow by itself after a second: for tests and unattended demos only (issue #17). */
  autoAllow: z.boolean().default(false),
  clientId: z.string().min(1).default('sandbox-spending'),
  clientSecret: z.string().min(1).default('sandbox-secret'),
  now: z
    .custom<() => Date>((value) => typeof value === 'function', 'now must be a function returning a Date')
    .optional(),
  accounts: z
    .object({
      current: countSchema.default(1),
      savings: countSchema.default(1),
      cards: countSchema.default(1),
    })
    .prefault({}),
  /** For current accounts; savings and cards derive fewer from it. */
  transactionsPerMonth: z.number().min(0).max(10_000).default(50),
  historyMonths: z.number().int().min(1).max(120).default(24),
  pendingDays: z.number().int().min(0).max(30).default(2),
  latency: z
    .object({ fixedMs: z.number().min(0).default(0), jitterMs: z.number().min(0).default(0) })
    .prefault({}),
  /** Unattended calls per account per rolling 24 h; null switches the limit off. */
  unattendedLimit: z.number().int().min(0).nullable().default(4),
  consentDays: z.number().positive().default(90),
  scaMaxDays: z.number().int().min(0).default(90),
  scaGraceMinutes: z.number().min(0).default(5),
  /**
   * How a request for history older than `scaMaxDays` is refused once the grace minutes passed: TrueLayer's
   * `sca_exceeded`, or `access_denied` (403) as live banks answer, the same words as a revoked consent
   * ("strict 90-day SCA").
   */
  scaRefusal: z.enum(['sca_exceeded', 'access_denied']).default('sca_exceeded'),
  tokenTtlSeconds: z.number().int().positive().default(3600),
  /**
   * `rotate` (TrueLayer): a refresh token works once and the answer carries its successor. `reuse`: the same
   * refresh token keeps working (some OAuth servers); the importer must be right either way.
   */
  refreshTokens: z.enum(['rotate', 'reuse']).default('rotate'),
  cardless: z.boolean().default(false),
  idChurn: z.boolean().default(false),
  /** Keep connections and tokens in this JSON file, so a restarted bank still honours them (the demo bank). */
  stateFile: z.string().min(1).optional(),
  faults: FaultKnobsSchema.prefault({}),
});
export type SandboxOptions = z.input<typeof SandboxOptionsSchema>;
export type ResolvedSandboxOptions = z.output<typeof SandboxOptionsSchema>;
