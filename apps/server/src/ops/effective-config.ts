import { envNames, type Env } from '../env';

/** Values that are secrets by name: shown as set or unset, never in clear. */
const secretName = /(SECRET|PASSWORD|_KEYS)$/;

function maskUrlCredentials(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '***';
    return url.toString();
  } catch {
    return value; // not a URL (a `file:` path parses; anything else has no credentials to hide)
  }
}

function show(name: string, value: unknown): string {
  if (value === undefined) return '(unset)';
  if (name === 'TOKEN_ENCRYPTION_KEYS' && typeof value === 'object' && value !== null)
    return `${Object.keys(value).join(', ')} (keys hidden)`;
  if (secretName.test(name)) return '*** (set)';
  if (typeof value === 'string') return maskUrlCredentials(value);
  return String(value);
}

/**
 * The configuration the server runs with (defaults applied), one `NAME=value` per line, secrets masked: key ids
 * but no keys, no client secret or password, URLs without their password.
 */
export function describeEffectiveConfig(env: Env): string[] {
  const lines = [...envNames].sort().map((name) => `${name}=${show(name, env[name])}`);
  const mode = env.REDIS_URL ? 'scaled (BullMQ on REDIS_URL)' : 'embedded (jobs run in the server process)';
  const keys = env.TOKEN_ENCRYPTION_KEYS
    ? `encrypting with "${env.TOKEN_ENCRYPTION_KEY_ID ?? Object.keys(env.TOKEN_ENCRYPTION_KEYS)[0] ?? '?'}"`
    : 'development key in data/dev-token-key';
  return [`# mode: ${mode}; tokens: ${keys}`, ...lines];
}
