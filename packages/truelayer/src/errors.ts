export type TrueLayerErrorCode =
  /** 401: the access token is expired or invalid (the client refreshes once before surfacing this). */
  | 'INVALID_TOKEN'
  /** 400 invalid_grant on refresh, 403 access_denied: consent expired or revoked; the user must reconnect. */
  | 'CONSENT_EXPIRED'
  /** 403 sca_exceeded: history older than ~90 days after the post-SCA window; ask for less or re-authenticate. */
  | 'SCA_EXCEEDED'
  /** 429: bank-side or PSD2 unattended-call limit. `retryAfterMs` when known. */
  | 'RATE_LIMITED'
  /** 5xx from the bank or TrueLayer, after retries. */
  | 'PROVIDER_ERROR'
  /** 404 account_not_found. */
  | 'NOT_FOUND'
  /** 400 validation_error / invalid_date_range: the request itself is wrong. */
  | 'VALIDATION'
  /** 501 endpoint_not_supported. */
  | 'NOT_SUPPORTED'
  /** account_temporarily_locked / account_permanently_locked / user_input_required: needs the user at the bank. */
  | 'ACCOUNT_LOCKED'
  /** 400 invalid_client: our client id / secret are wrong. */
  | 'INVALID_CLIENT'
  /** No response within the timeout, after retries. */
  | 'TIMEOUT'
  /** Connection refused / reset, after retries. */
  | 'NETWORK'
  /** A response that is not the JSON shape the API documents. */
  | 'MALFORMED_RESPONSE'
  /**
   * A single-use request (a token refresh, a code exchange) whose answer never arrived whole: the server may have
   * used the refresh token or code already, so it is not sent again (docs/decisions/006).
   */
  | 'ANSWER_LOST';

/** The one error type this package throws. `message` is safe to show a person: it never holds a token. */
export class TrueLayerError extends Error {
  readonly code: TrueLayerErrorCode;
  readonly httpStatus: number | null;
  /** TrueLayer's `error` string (e.g. `sca_exceeded`), when the response had one. */
  readonly providerError: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(
    code: TrueLayerErrorCode,
    message: string,
    details: {
      httpStatus?: number | null;
      providerError?: string | null;
      retryable?: boolean;
      retryAfterMs?: number | null;
      /** The underlying failure, for logs; never shown to a person. */
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'TrueLayerError';
    this.code = code;
    this.httpStatus = details.httpStatus ?? null;
    this.providerError = details.providerError ?? null;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/**
 * Whether an error says the bank does not offer an endpoint at all (501 endpoint_not_supported, or 404 on a list
 * such as /accounts for a cards-only provider): a capability of the bank, not a failure.
 */
export function isUnsupported(error: unknown): error is TrueLayerError {
  return error instanceof TrueLayerError && (error.code === 'NOT_SUPPORTED' || error.code === 'NOT_FOUND');
}
