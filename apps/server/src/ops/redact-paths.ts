/**
 * Field names that never reach a log line, at the top level and two levels down (where `{ err }`, `{ req }` or
 * `{ connection }` put them). Code does not log these; this is the safety net that catches the slip.
 */
const secretFields = [
  // bank and session credentials
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'accessTokenEnc',
  'refreshTokenEnc',
  'tokens',
  'sessionToken',
  'clientSecret',
  'client_secret',
  'password',
  'passwordHash',
  // HTTP headers that carry them
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  '"set-cookie"',
  'headers',
  // raw bank payloads (archived gzip bodies, parsed items as received, stored event payloads)
  'raw',
  'body',
  'bodyGzip',
  'payload',
];

function pathsFor(field: string): string[] {
  const key = field.startsWith('"') ? `[${field}]` : field;
  const nested = field.startsWith('"') ? key : `.${key}`;
  return [key, `*${nested}`, `*.*${nested}`];
}

export const redactPaths: string[] = secretFields.flatMap(pathsFor);
