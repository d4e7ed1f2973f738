/** A refusal the admin CLI prints as it is (no stack), exiting with 1. */
export class AdminCommandError extends Error {
  readonly code = 'ADMIN_COMMAND_FAILED';
}
