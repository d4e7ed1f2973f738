import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, createRestHandler, type ContextFactory } from '@app/api';
import type { Db } from '@app/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { AppLogger } from './logger';
import type { NodeRequestHandler } from './web-handler';

export function pathnameOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

async function answerHealth(db: Db, res: ServerResponse) {
  try {
    await db.$queryRaw`SELECT 1`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
  } catch {
    res
      .writeHead(503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: false, database: 'unreachable' }));
  }
}

/** One listener for the whole HTTP surface: /trpc, /healthz, the Phase-1 REST paths, then the web app. */
export function createHttpRoutes(deps: {
  db: Db;
  createContext: ContextFactory;
  logger: AppLogger;
  web: NodeRequestHandler;
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
    onError: ({ error, path }) => {
      // Unknown errors were logged where they were mapped; this reports bank failures and errors outside procedures.
      if (error.code === 'INTERNAL_SERVER_ERROR' && error.cause)
        logger.error({ path, err: error.cause }, 'procedure failed');
    },
  });
  const rest = createRestHandler(createContext);

  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = pathnameOf(req);
      if (path.startsWith('/trpc/')) return trpc(req, res);
      if (path === '/healthz') return await answerHealth(deps.db, res);
      if (await rest(req, res)) return;
      await deps.web(req, res);
    } catch (error) {
      logger.error({ err: error, method: req.method, path: pathnameOf(req) }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal server error');
    }
  };
}
