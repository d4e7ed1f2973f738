import pino from 'pino';

export type AppLogger = pino.Logger;

/** The one structured logger. Redaction is a safety net: code never logs tokens, cookies or passwords. */
export function createLogger(options: { level: string; pretty: boolean }): AppLogger {
  return pino({
    level: options.level,
    redact: {
      paths: [
        '*.authorization',
        '*.cookie',
        '*.password',
        '*.sessionToken',
        '*.accessToken',
        '*.refreshToken',
        '*.headers',
      ],
      censor: '[redacted]',
    },
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
