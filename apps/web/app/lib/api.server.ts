import { redirect, type AppLoadContext } from '@remix-run/node';
import { londonTimeZone, todayIn } from '@app/domain';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { ApiCaller } from './load-context';

/**
 * A tRPC error's code, the HTTP status tRPC itself gives that code, and its message (the API writes messages for
 * people); null for anything else.
 */
export function apiErrorOf(error: unknown): { code: string; status: number; message: string } | null {
  if (
    !(error instanceof Error) ||
    error.name !== 'TRPCError' ||
    !('code' in error) ||
    typeof error.code !== 'string'
  )
    return null;
  const status = getHTTPStatusCodeFromError(error as TRPCError);
  return { code: error.code, status, message: error.message };
}

function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/sign-in?${new URLSearchParams({ next: `${url.pathname}${url.search}` })}`;
}

/**
 * Runs loader or action work against the in-process router. A signed-out caller is sent to sign in and comes
 * back afterwards; other API errors become status responses the route's error boundary explains.
 */
export async function withApi<T>(
  request: Request,
  context: AppLoadContext,
  work: (api: ApiCaller) => Promise<T>,
): Promise<T> {
  const api = await context.createApiCaller();
  try {
    return await work(api);
  } catch (error) {
    const apiError = apiErrorOf(error);
    if (apiError?.code === 'UNAUTHORIZED') throw redirect(signInUrl(request));
    if (apiError) throw new Response(apiError.message, { status: apiError.status });
    throw error;
  }
}

/** For actions that show a failure beside the form instead of replacing the page. */
export async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const apiError = apiErrorOf(error);
    if (!apiError || apiError.code === 'UNAUTHORIZED') throw error;
    return { ok: false, message: apiError.message };
  }
}

export function importerCalendar(context: AppLoadContext) {
  const timeZone = context.importer?.timeZone ?? londonTimeZone;
  return {
    timeZone,
    today: todayIn(timeZone, new Date()),
    maxHistoryDays: context.importer?.maxHistoryDays ?? 730,
  };
}
