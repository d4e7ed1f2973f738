import { createCookie } from '@remix-run/node';

/**
 * "Reconnect and continue": the job to continue once the bank sends the person back, kept in a short-lived
 * cookie across the round trip (the callback continues it; a round trip abandoned expires with the cookie).
 * It holds only a job id, which the API checks against the signed-in user.
 */
export const continueImportCookie = createCookie('continue-import', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  maxAge: 15 * 60,
});

export const secureFor = (request: Request) => new URL(request.url).protocol === 'https:';
