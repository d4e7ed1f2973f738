import { TrueLayerError, type TrueLayerErrorCode } from './errors';

/** TrueLayer's error envelope, as far as we could read it. */
export type ErrorBody = { error: string | null; description: string | null };

// The mock bank's per-user failure codes; their HTTP status is undocumented, so they are matched by name.
const LOCK_CODES = new Set([
  'account_temporarily_locked',
  'account_permanently_locked',
  'user_input_required',
]);

// error_description is TrueLayer's text: shown to help a person, but cut short so a large body never lands in logs.
const MAX_DESCRIPTION = 200;

type Mapping = { code: TrueLayerErrorCode; retryable: boolean; summary: string; advice: string };

function classify(status: number, error: string | null): Mapping {
  if (error && LOCK_CODES.has(error)) {
    return {
      code: 'ACCOUNT_LOCKED',
      retryable: false,
      summary: 'The bank needs the user to act before it shares data',
      advice: 'ask the user to sign in to their bank and clear the block, then try again',
    };
  }
  // OAuth servers answer these with 400 or 401; the error name decides.
  if (error === 'invalid_grant') {
    return {
      code: 'CONSENT_EXPIRED',
      retryable: false,
      summary: 'The bank connection has expired or was revoked',
      advice: 'ask the user to reconnect their bank',
    };
  }
  if (error === 'invalid_client') {
    return {
      code: 'INVALID_CLIENT',
      retryable: false,
      summary: 'TrueLayer did not accept our client credentials',
      advice: 'check the configured TrueLayer client id and secret',
    };
  }
  if (status === 400) {
    return {
      code: 'VALIDATION',
      retryable: false,
      summary: 'TrueLayer rejected the request as invalid',
      advice: 'check the date range and parameters sent',
    };
  }
  if (status === 401) {
    return {
      code: 'INVALID_TOKEN',
      retryable: false,
      summary: 'The access token was not accepted',
      advice: 'refresh the token, or ask the user to reconnect if refreshing fails',
    };
  }
  if (status === 403 && error === 'sca_exceeded') {
    return {
      code: 'SCA_EXCEEDED',
      retryable: false,
      summary: 'The bank asked for the history in smaller steps',
      advice: 'ask for at most the last 90 days, or ask the user to reconnect to fetch older history',
    };
  }
  if (status === 403) {
    return {
      code: 'CONSENT_EXPIRED',
      retryable: false,
      summary: 'The bank refused access to this connection',
      advice: 'ask the user to reconnect their bank',
    };
  }
  if (status === 404) {
    return {
      code: 'NOT_FOUND',
      retryable: false,
      summary: 'The bank does not know this account',
      advice: 'list the accounts again: ids can change after the user reconnects',
    };
  }
  if (status === 429) {
    return {
      code: 'RATE_LIMITED',
      retryable: true,
      summary: 'The bank is limiting how often we may ask',
      advice: 'try again later, or while the user is present',
    };
  }
  if (status === 501) {
    return {
      code: 'NOT_SUPPORTED',
      retryable: false,
      summary: 'This bank does not offer this data',
      advice: 'skip it for this bank',
    };
  }
  if (status >= 500) {
    return {
      code: 'PROVIDER_ERROR',
      retryable: true,
      summary: 'The bank or TrueLayer failed to answer',
      advice: 'try again later',
    };
  }
  return {
    code: 'PROVIDER_ERROR',
    retryable: false,
    summary: 'TrueLayer answered in a way we do not understand',
    advice: 'report this if it persists',
  };
}

/** Maps an HTTP error response to the one error type this package throws. `label` is e.g. `GET /accounts/{id}`. */
export function toHttpError(
  label: string,
  status: number,
  body: ErrorBody,
  retryAfterMs: number | null,
): TrueLayerError {
  const { code, retryable, summary, advice } = classify(status, body.error);
  const wait = retryAfterMs === null ? '' : ` It asked us to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
  const said = body.description ? ` TrueLayer said: "${body.description.slice(0, MAX_DESCRIPTION)}".` : '';
  const message = `${summary} (${body.error ?? `HTTP ${status}`}): ${advice}.${wait}${said} [${label}, HTTP ${status}]`;
  return new TrueLayerError(code, message, {
    httpStatus: status,
    providerError: body.error,
    retryable,
    retryAfterMs,
  });
}

/** Reads `{ error, error_description }` from a response body, tolerating anything else. */
export function readErrorBody(text: string): ErrorBody {
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      const { error, error_description: description } = json as Record<string, unknown>;
      return {
        error: typeof error === 'string' ? error : null,
        description: typeof description === 'string' ? description : null,
      };
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone decides the mapping.
  }
  return { error: null, description: null };
}
