/** Thrown when the sandbox is used wrongly from code (bad options, unknown account, url before listen). */
export class SandboxUsageError extends Error {
  readonly code = 'SANDBOX_USAGE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxUsageError';
  }
}
