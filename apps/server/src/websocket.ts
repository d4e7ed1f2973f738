import type { Server } from 'node:http';
import { appRouter, type ContextFactory } from '@app/api';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { isCrossSiteUpgrade, refuseUpgrade } from './cross-site-guard';
import { pathnameOf } from './http-routes';
import type { AppLogger } from './logger';
import { stampRequestId } from './ops/request-id';

/**
 * tRPC subscriptions over WebSocket on the HTTP server's own port, at /trpc. `noServer` with our own upgrade
 * routing (a `{ server }` WebSocketServer answers 400 to every other path), so other endpoints such as Vite's
 * HMR socket can be routed here later.
 */
export function attachWebSockets(
  server: Server,
  deps: {
    createContext: ContextFactory;
    logger: AppLogger;
    /** Origins whose pages may open the socket besides the host it was addressed to (`PUBLIC_URL`'s). */
    publicOrigins: readonly string[];
  },
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: ({ req, info }) =>
      deps.createContext({
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress,
        connectionParams: info.connectionParams,
      }),
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ path, err: error.cause ?? error }, 'websocket procedure failed');
    },
  });

  server.on('upgrade', (req, socket, head) => {
    if (pathnameOf(req) === '/trpc') {
      if (isCrossSiteUpgrade(req, deps.publicOrigins)) {
        deps.logger.warn({ origin: req.headers.origin }, 'websocket from another site refused');
        return refuseUpgrade(socket);
      }
      stampRequestId(req); // one id for the connection: its subscriptions and calls log it
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return;
    }
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  return {
    /** Ends every connection at once (shutdown; tests that simulate a dropped network). */
    terminateAll() {
      for (const client of wss.clients) client.terminate();
    },
    /** Tells clients to reconnect (to the next process) before the connections go. */
    broadcastReconnectNotification: handler.broadcastReconnectNotification,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
