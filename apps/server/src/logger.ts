import pino from 'pino';
import { redactPaths } from './ops/redact-paths';

export type AppLogger = pino.Logger;

/**
 * The one structured logger: JSON lines (pretty in development), one per meaningful event, with the ids that
 * tie them together (requestId, userId, jobId, accountId). Redaction by configuration is a safety net: code
 * never logs tokens, cookies, passwords or raw bank payloads. `destination` captures lines (tests).
 */
export function createLogger(options: {
  level: string;
  pretty: boolean;
  destination?: pino.DestinationStream;
}): AppLogger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    ...(options.pretty && !options.destination
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
