// Errors of the API's own domain (auth, accounts, schedules, cursors). Each has a `code` that to-trpc-error.ts maps.

export class InvalidCredentialsError extends Error {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('The email or the password is wrong.');
  }
}

/** Too many wrong passwords for this account or from this address: the next try waits. */
export class SignInHeldBackError extends Error {
  readonly code = 'SIGN_IN_HELD_BACK';
  constructor(readonly retryAfterMs: number) {
    super(`Too many wrong passwords: try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`);
  }
}

export class EmailTakenError extends Error {
  readonly code = 'EMAIL_TAKEN';
  constructor() {
    super('An account with this email already exists: sign in instead.');
  }
}

export class AccountNotFoundError extends Error {
  readonly code = 'ACCOUNT_NOT_FOUND';
  constructor(accountId: string) {
    super(`Bank account ${accountId} was not found.`);
  }
}

export class ScheduleNotFoundError extends Error {
  readonly code = 'SCHEDULE_NOT_FOUND';
  constructor(scheduleId: string) {
    super(`Import schedule ${scheduleId} was not found.`);
  }
}

/** A schedule names accounts that are not the connection's. */
export class InvalidScheduleError extends Error {
  readonly code = 'INVALID_SCHEDULE';
}

export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super('This page cursor is not one we gave out.');
  }
}
