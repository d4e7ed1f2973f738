import { TrueLayerError, type TrueLayerErrorCode } from '@app/truelayer';
import { ConsentExpiredError } from './errors';

/** The bank (or TrueLayer) is limiting our calls; `retryAfterMs` when it said how long to wait. */
export class BankRateLimitedError extends Error {
  readonly code = 'BANK_RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The bank refuses until the person acts there (a locked account, history beyond the SCA window). */
export class BankAccessRefusedError extends Error {
  readonly code = 'BANK_ACCESS_REFUSED';
}

/** Any other failed bank call, after the client's retries. Its message is safe to show (no tokens, no payloads). */
export class BankRequestFailedError extends Error {
  readonly code = 'BANK_REQUEST_FAILED';
}

const refusals: ReadonlySet<TrueLayerErrorCode> = new Set(['SCA_EXCEEDED', 'ACCOUNT_LOCKED']);

function retryHint(ms: number | null): string {
  return ms === null ? '' : ` Try again in ${Math.max(1, Math.ceil(ms / 1000))} s.`;
}

/**
 * A TrueLayer failure as one of the importer's own errors, so callers (the API) map importer codes only and
 * never learn the bank client's types. Anything that is not a TrueLayerError is returned as it is.
 */
export function toBankError(error: unknown): unknown {
  if (!(error instanceof TrueLayerError)) return error;
  const options = { cause: error };
  if (error.code === 'RATE_LIMITED')
    return new BankRateLimitedError(
      `${error.message}${retryHint(error.retryAfterMs)}`,
      error.retryAfterMs,
      options,
    );
  if (error.code === 'CONSENT_EXPIRED') return new ConsentExpiredError(error.message, options);
  if (refusals.has(error.code)) return new BankAccessRefusedError(error.message, options);
  return new BankRequestFailedError(error.message, options);
}

/** Runs `work`, turning a TrueLayer failure into the importer's error for it. */
export async function mapBankErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toBankError(error);
  }
}
