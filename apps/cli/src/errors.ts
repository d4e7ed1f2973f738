// The CLI's own failures. Their messages are printed as they are, so they are written for people.

/** The command line asks for something that cannot work (a bad date, clashing options). */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** No stored session, an expired one, or one for another server. */
export class NotSignedInError extends Error {
  readonly code = 'NOT_SIGNED_IN';
}
