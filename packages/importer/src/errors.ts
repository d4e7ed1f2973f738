// Domain errors of the importer. The API maps `code` to its own error codes in one table.

export class JobNotFoundError extends Error {
  readonly code = 'JOB_NOT_FOUND';
  constructor(jobId: string) {
    super(`Import job ${jobId} was not found.`);
  }
}

export class ConnectionNotFoundError extends Error {
  readonly code = 'CONNECTION_NOT_FOUND';
  constructor(connectionId: string) {
    super(`Bank connection ${connectionId} was not found.`);
  }
}

/** The plan's input is wrong in a way the person can fix (dates, accounts, batch size). */
export class InvalidPlanError extends Error {
  readonly code = 'INVALID_PLAN';
}

/** The job is in a state that does not allow the action (e.g. starting a finished job). */
export class JobStateError extends Error {
  readonly code = 'JOB_STATE';
}

/** The connection's consent has expired or was revoked: the person must reconnect the bank. */
export class ConsentExpiredError extends Error {
  readonly code = 'CONSENT_EXPIRED';
}

/** Another process held the connection's token refresh for longer than a refresh can take: try again later. */
export class TokenRefreshBusyError extends Error {
  readonly code = 'TOKEN_REFRESH_BUSY';
  constructor(providerName: string) {
    super(
      `Another import was renewing the access to ${providerName} and did not finish in time: the import can be retried safely.`,
    );
  }
}

/** A replay needs the raw responses of the job it replays; they are gone (retention) or were never kept. */
export class ArchiveMissingError extends Error {
  readonly code = 'ARCHIVE_MISSING';
}

export class MatchNotFoundError extends Error {
  readonly code = 'MATCH_NOT_FOUND';
  constructor(decisionId: string) {
    super(`Match ${decisionId} was not found.`);
  }
}

/** The match was already undone or resolved. */
export class MatchStateError extends Error {
  readonly code = 'MATCH_STATE';
}

/** The OAuth `state` is unknown, expired, already used or another user's. */
export class OAuthStateError extends Error {
  readonly code = 'OAUTH_STATE_INVALID';
  constructor() {
    super('This bank connection link has expired or was already used: start connecting the bank again.');
  }
}
