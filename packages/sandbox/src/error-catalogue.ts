// TrueLayer's error codes (API.md section 4) with the HTTP status each one comes with, plus a readable description.

const CATALOGUE: Record<string, { status: number; description: string }> = {
  validation_error: { status: 400, description: 'The request is not valid.' },
  invalid_date_range: { status: 400, description: 'The date range is invalid or not supported.' },
  invalid_request: { status: 400, description: 'The request is missing a required parameter.' },
  invalid_grant: { status: 400, description: 'The grant is invalid, expired, used or revoked.' },
  invalid_client: { status: 400, description: 'Client authentication failed.' },
  unsupported_grant_type: { status: 400, description: 'The grant type is not supported.' },
  invalid_token: { status: 401, description: 'The access token is missing, invalid or expired.' },
  unauthorized: { status: 401, description: 'Unauthorized.' },
  access_denied: { status: 403, description: 'The consent has expired or been revoked.' },
  sca_exceeded: {
    status: 403,
    description: 'SCA exemption has expired; request less history or re-authenticate.',
  },
  account_temporarily_locked: {
    status: 403,
    description: 'The account is temporarily locked by the provider.',
  },
  account_permanently_locked: {
    status: 403,
    description: 'The account is permanently locked by the provider.',
  },
  user_input_required: { status: 403, description: 'The user must take action at the provider.' },
  account_not_found: { status: 404, description: 'The account was not found.' },
  not_found: { status: 404, description: 'No such endpoint.' },
  provider_too_many_requests: { status: 429, description: 'The provider has rate-limited this account.' },
  provider_request_limit_exceeded: { status: 429, description: 'The provider request limit was exceeded.' },
  internal_server_error: { status: 500, description: 'Internal server error.' },
  internal_error: { status: 500, description: 'Internal error at the provider.' },
  endpoint_not_supported: { status: 501, description: 'The provider does not support this endpoint.' },
  provider_error: { status: 503, description: 'The provider returned an error.' },
  temporarily_unavailable: { status: 503, description: 'The service is temporarily unavailable.' },
  connector_overload: { status: 503, description: 'The connector is overloaded.' },
  provider_timeout: { status: 504, description: 'The provider did not answer in time.' },
  connector_timeout: { status: 504, description: 'The connector did not answer in time.' },
};

/** TrueLayer's error body (IError): `error` and `error_description`, nothing else. */
export type ErrorBody = { error: string; error_description: string };

/** The HTTP status TrueLayer uses for an error code; unknown codes are server errors. */
export function statusOfErrorCode(code: string): number {
  return CATALOGUE[code]?.status ?? 500;
}

export function createErrorBody(code: string, description?: string): ErrorBody {
  return {
    error: code,
    error_description: description ?? CATALOGUE[code]?.description ?? 'The provider returned an error.',
  };
}
