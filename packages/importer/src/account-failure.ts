import { TrueLayerError } from '@app/truelayer';
import { reconnectMessage } from './consent';
import { ArchiveMissingError, ConsentExpiredError, TokenRefreshBusyError } from './errors';

const defaultRateLimitWaitMs = 3_600_000;

/** What a failed account sync means for the account: wait for the bank, reconnect, or a failure with a reason. */
export type FailureVerdict =
  | { kind: 'defer'; waitMs: number }
  | { kind: 'consent'; code: 'CONSENT_EXPIRED'; message: string }
  | { kind: 'fail'; code: string; message: string };

/**
 * A failed account is an event with a reason a person can act on, not an exception. A bank that says "too many
 * requests" is waited for (the account is deferred), never a failure; a lapsed consent says to reconnect.
 */
export function judgeFailure(error: unknown, providerName: string): FailureVerdict {
  if (error instanceof TrueLayerError && error.code === 'RATE_LIMITED')
    return { kind: 'defer', waitMs: error.retryAfterMs ?? defaultRateLimitWaitMs };
  if (
    (error instanceof TrueLayerError && error.code === 'CONSENT_EXPIRED') ||
    error instanceof ConsentExpiredError
  ) {
    return {
      kind: 'consent',
      code: 'CONSENT_EXPIRED',
      message: error instanceof ConsentExpiredError ? error.message : reconnectMessage(providerName),
    };
  }
  if (
    error instanceof TrueLayerError ||
    error instanceof ArchiveMissingError ||
    error instanceof TokenRefreshBusyError
  )
    return { kind: 'fail', code: error.code, message: error.message };
  return {
    kind: 'fail',
    code: 'INTERNAL',
    message: 'An unexpected error stopped this account; it was logged. Retrying the import is safe.',
  };
}
