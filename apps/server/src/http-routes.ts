import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, createRestHandler, type ContextFactory } from '@app/api';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { isCrossSiteWrite, refuseCrossSite } from './cross-site-guard';
import type { AppLogger } from './logger';
import { createSecurityHeaders } from './security-headers';
import type { createOpsRoutes } from './ops/ops-routes';
import { stampRequestId } from './ops/request-id';
import type { NodeRequestHandler } from './web-handler';

export function pathnameOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

/**
 * One listener for the whole HTTP surface: /trpc, /healthz, /readyz (and /metrics when configured), the
 * Phase-1 REST paths, then the web app. Every request gets an id, which the API logs with what it does.
 */
export function createHttpRoutes(deps: {
  createContext: ContextFactory;
  logger: AppLogger;
  web: NodeRequestHandler;
  ops: ReturnType<typeof createOpsRoutes>;
  /** Where people reach the server; HTTPS turns on HSTS. */
  publicUrl?: string;
}) {
  const { createContext, logger } = deps;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: 1024 * 1024,
    createContext: ({ req, res }) =>
      createContext({
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress,
        setCookie: (cookie) => res.appendHeader('set-cookie', cookie),
      }),
    onError: ({ error, path, req }) => {
      // Unknown errors were logged where they were mapped; this reports bank failures and errors outside procedures.
      if (error.code === 'INTERNAL_SERVER_ERROR' && error.cause)
        logger.error({ requestId: req.headers['x-request-id'], path, err: error.cause }, 'procedure failed');
    },
  });
  const rest = createRestHandler(createContext);
  const securityHeaders = createSecurityHeaders({ https: deps.publicUrl?.startsWith('https://') ?? false });

  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = stampRequestId(req, res);
    const started = performance.now();
    res.once('finish', () =>
      logger.debug(
        {
          requestId,
          method: req.method,
          path: pathnameOf(req),
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
        },
        'request',
      ),
    );
    try {
      const path = pathnameOf(req);
      await securityHeaders(req, res);
      if (isCrossSiteWrite(req)) return refuseCrossSite(res);
      if (path.startsWith('/trpc/')) return trpc(req, res);
      if (await deps.ops(path, req, res)) return;
      if (await rest(req, res)) return;
      await deps.web(req, res);
    } catch (error) {
      logger.error({ requestId, err: error, method: req.method, path: pathnameOf(req) }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal server error');
    }
  };
}
