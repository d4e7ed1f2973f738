/** The structured logger the app passes down (pino satisfies it). Log ids and counts, never tokens or payloads. */
export type Logger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
