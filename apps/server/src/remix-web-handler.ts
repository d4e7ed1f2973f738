import type { ErrorRequestHandler } from 'express';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCaller } from '@app/api';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import { cspNonceOf } from './security-headers';
import type { WebHandlerFactory } from './web-handler';

/**
 * The Remix app (apps/web's production build) behind the seam. Loaders and actions get the server's own API
 * through the load context: `createApiCaller()` builds the tRPC context from this HTTP request (session cookie,
 * peer address as PSU IP), so they never fetch their own server or hold a second copy of its state.
 */
export function createRemixWebHandler(options: {
  buildDir: string;
  /** Offered on the sign-in page in the embedded mode. */
  demoUser?: { email: string; password: string } | null;
}): WebHandlerFactory {
  return async ({ createContext, importer, logger }) => {
    const entry = pathToFileURL(path.join(options.buildDir, 'server', 'index.js')).href;
    const build = (await import(entry)) as ServerBuild;
    const app = express();
    app.disable('x-powered-by');
    app.use(
      '/assets',
      express.static(path.join(options.buildDir, 'client', 'assets'), { immutable: true, maxAge: '1y' }),
    );
    app.use(express.static(path.join(options.buildDir, 'client'), { maxAge: '1h' }));
    const remix = createRequestHandler({
      build,
      mode: 'production',
      getLoadContext: (req, res) => ({
        cspNonce: cspNonceOf(res),
        createApiCaller: async (caller: { setCookie?: (cookie: string) => void } = {}) =>
          createCaller(
            await createContext({
              headers: req.headers,
              remoteAddress: req.socket.remoteAddress,
              setCookie: caller.setCookie,
            }),
          ),
        importer: { timeZone: importer.timeZone, maxHistoryDays: importer.maxHistoryDays },
        demoUser: options.demoUser ?? null,
      }),
    });
    // Remix's handler hands its own failures to `next`; nothing is left for the returned promise to report.
    app.all('*', (req, res, next) => void remix(req, res, next));
    // Express's own error page would show a stack outside production: answer plainly and log instead.
    const answerFailure: ErrorRequestHandler = (error, req, res, _next) => {
      logger.error({ err: error, path: req.path }, 'web request failed');
      if (!res.headersSent) res.status(500).type('text/plain').send('Internal server error');
      else res.end();
    };
    app.use(answerFailure);
    return (req, res) => void app(req, res);
  };
}
