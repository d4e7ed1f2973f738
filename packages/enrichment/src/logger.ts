/** The structured logger the app passes down (pino satisfies it). Log ids and counts, never keys or payloads. */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const noopLogger: Logger = { info() {}, warn() {}, error() {} };
