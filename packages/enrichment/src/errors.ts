// Every error this package throws. Messages are safe to show a person: never an API key, header or payload.

export type LlmFailureReason = 'http_status' | 'timeout' | 'network' | 'malformed_response';

/** The model endpoint could not give an answer (after retries where retrying made sense). */
export class LlmProviderError extends Error {
  readonly code = 'LLM_PROVIDER_ERROR';
  readonly reason: LlmFailureReason;
  /** The HTTP status of the last attempt, or null when no response arrived. */
  readonly httpStatus: number | null;

  constructor(
    reason: LlmFailureReason,
    message: string,
    options: { httpStatus?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LlmProviderError';
    this.reason = reason;
    this.httpStatus = options.httpStatus ?? null;
  }
}

export class EnrichmentJobNotFoundError extends Error {
  readonly code = 'ENRICHMENT_JOB_NOT_FOUND';
  override readonly name = 'EnrichmentJobNotFoundError';
}

/** Another runner holds the job; running it twice would pay for the same transactions twice. */
export class EnrichmentJobRunningError extends Error {
  readonly code = 'ENRICHMENT_JOB_RUNNING';
  override readonly name = 'EnrichmentJobRunningError';
}

/** The job was created for one provider/model and is being run with another. */
export class EnrichmentProviderMismatchError extends Error {
  readonly code = 'ENRICHMENT_PROVIDER_MISMATCH';
  override readonly name = 'EnrichmentProviderMismatchError';
}

/** The job request is malformed, e.g. neither or both of `importJobId` and `transactionIds`. */
export class InvalidEnrichmentJobInputError extends Error {
  readonly code = 'INVALID_ENRICHMENT_JOB_INPUT';
  override readonly name = 'InvalidEnrichmentJobInputError';
}

/** The import job does not exist or belongs to someone else (the two are not told apart). */
export class ImportJobNotFoundError extends Error {
  readonly code = 'IMPORT_JOB_NOT_FOUND';
  override readonly name = 'ImportJobNotFoundError';
}

/** Some of the given transactions do not exist or are not the user's (the two are not told apart). */
export class TransactionsNotFoundError extends Error {
  readonly code = 'TRANSACTIONS_NOT_FOUND';
  override readonly name = 'TransactionsNotFoundError';
}
