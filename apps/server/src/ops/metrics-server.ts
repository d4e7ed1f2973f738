import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { AppLogger } from '../logger';
import { answerMetrics } from './ops-routes';

/** `/metrics` alone on its own port, so it can stay off the public address. */
export async function listenMetrics(
  registry: Registry,
  options: { port: number; host: string; logger: AppLogger },
) {
  const server = http.createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/metrics') {
      void answerMetrics(registry, res, options.logger);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: see /metrics');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
