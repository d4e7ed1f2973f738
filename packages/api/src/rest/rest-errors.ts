import type { ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ZodError } from 'zod';
import { genericErrorMessage, isPublicError } from '../to-trpc-error';
import { RestRequestError } from './rest-request-error';
import { toRestPath } from './rest-input';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function messageOf(error: TRPCError): string {
  if (error.cause instanceof ZodError) {
    return error.cause.issues
      .map((issue) => (issue.path.length ? `${toRestPath(issue.path)}: ${issue.message}` : issue.message))
      .join('; ');
  }
  return isPublicError(error) ? error.message : genericErrorMessage;
}

/** `{ error: { code, message } }` with the status tRPC gives the same error over HTTP. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof RestRequestError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  const trpcError =
    error instanceof TRPCError
      ? error
      : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: genericErrorMessage });
  sendJson(res, getHTTPStatusCodeFromError(trpcError), {
    error: { code: trpcError.code, message: messageOf(trpcError) },
  });
}
