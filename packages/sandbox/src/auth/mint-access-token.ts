import { randomBytes } from 'node:crypto';

export type AccessTokenClaims = {
  iss: string;
  sub: string;
  client_id: string;
  scope: string[];
  connector_id: string;
  aud: string[];
  amr: string[];
  idp: string;
  auth_time: number;
  credentials_key: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
};

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A string shaped like TrueLayer's RS256 JWT (header.claims.signature) so clients that peek at `exp` work.
 * The signature is random bytes: the sandbox keeps token state server-side and never trusts the claims.
 */
export function mintAccessToken(claims: AccessTokenClaims): string {
  return `${encode({ alg: 'RS256', typ: 'JWT', kid: 'sandbox' })}.${encode(claims)}.${randomBytes(32).toString('base64url')}`;
}
