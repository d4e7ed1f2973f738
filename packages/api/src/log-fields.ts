import type { Logger } from '@app/importer';

/** The logger with `fields` on every line (the request's ids), for code that takes a plain Logger. */
export function withLogFields(logger: Logger, fields: object): Logger {
  return {
    info: (more, message) => logger.info({ ...fields, ...more }, message),
    warn: (more, message) => logger.warn({ ...fields, ...more }, message),
    error: (more, message) => logger.error({ ...fields, ...more }, message),
  };
}
