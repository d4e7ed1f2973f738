export const sessionCookieName = 'sid';

export function serializeSessionCookie(
  token: string,
  options: { maxAgeMs: number; secure: boolean },
): string {
  const maxAge = Math.floor(options.maxAgeMs / 1000);
  return `${sessionCookieName}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${options.secure ? '; Secure' : ''}`;
}

export function serializeClearedSessionCookie(options: { secure: boolean }): string {
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${options.secure ? '; Secure' : ''}`;
}
