import type { Logger } from '@app/importer';
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * The one table from domain error codes (importer, enrichment, api) to tRPC codes. Bank failures arrive as the
 * importer's BANK_* codes (packages/importer/src/bank-errors.ts); tRPC has no 502, so a failed bank request is an
 * INTERNAL_SERVER_ERROR carrying the importer's message, which is safe to show (no tokens, no payloads).
 */
const domainCodes: Record<string, TRPC_ERROR_CODE_KEY> = {
  JOB_NOT_FOUND: 'NOT_FOUND',
  CONNECTION_NOT_FOUND: 'NOT_FOUND',
  ACCOUNT_NOT_FOUND: 'NOT_FOUND',
  SCHEDULE_NOT_FOUND: 'NOT_FOUND',
  IMPORT_JOB_NOT_FOUND: 'NOT_FOUND',
  ENRICHMENT_JOB_NOT_FOUND: 'NOT_FOUND',
  TRANSACTIONS_NOT_FOUND: 'NOT_FOUND',
  MATCH_NOT_FOUND: 'NOT_FOUND',
  INVALID_PLAN: 'BAD_REQUEST',
  INVALID_SCHEDULE: 'BAD_REQUEST',
  INVALID_CURSOR: 'BAD_REQUEST',
  INVALID_ENRICHMENT_JOB_INPUT: 'BAD_REQUEST',
  OAUTH_STATE_INVALID: 'BAD_REQUEST',
  JOB_STATE: 'CONFLICT',
  MATCH_STATE: 'CONFLICT',
  EMAIL_TAKEN: 'CONFLICT',
  ENRICHMENT_JOB_RUNNING: 'CONFLICT',
  CONSENT_EXPIRED: 'PRECONDITION_FAILED',
  BANK_ACCESS_REFUSED: 'PRECONDITION_FAILED',
  BANK_RATE_LIMITED: 'TOO_MANY_REQUESTS',
  BANK_REQUEST_FAILED: 'INTERNAL_SERVER_ERROR',
  ARCHIVE_MISSING: 'PRECONDITION_FAILED',
  TOKEN_REFRESH_BUSY: 'CONFLICT',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  SIGN_IN_HELD_BACK: 'TOO_MANY_REQUESTS',
};

export const genericErrorMessage =
  'Something went wrong on our side. Please try again; if it keeps happening, tell us.';

/** INTERNAL_SERVER_ERRORs whose message was written for people; the error formatter hides every other one. */
const publicErrors = new WeakSet<TRPCError>();

export function isPublicError(error: TRPCError): boolean {
  return error.code !== 'INTERNAL_SERVER_ERROR' || publicErrors.has(error);
}

function publicError(code: TRPC_ERROR_CODE_KEY, message: string, cause?: unknown): TRPCError {
  const error = new TRPCError({ code, message, cause });
  publicErrors.add(error);
  return error;
}

function domainCodeOf(error: unknown): TRPC_ERROR_CODE_KEY | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  return Object.hasOwn(domainCodes, error.code) ? domainCodes[error.code] : undefined;
}

/**
 * Maps what a procedure failed with. In v11 a failed `next()` holds a TRPCError: ours and input errors keep their
 * code; anything else arrives as INTERNAL_SERVER_ERROR with the original as `cause`, which the table maps.
 * Unknown causes are logged and answered with a generic message.
 */
export function toTRPCError(error: TRPCError, logger: Logger): TRPCError {
  if (isPublicError(error)) return error;
  const cause = error.cause ?? error;
  const code = domainCodeOf(cause);
  if (code && cause instanceof Error) return publicError(code, cause.message, cause);
  logger.error({ err: cause }, 'unexpected error in a procedure');
  return publicError('INTERNAL_SERVER_ERROR', genericErrorMessage);
}
