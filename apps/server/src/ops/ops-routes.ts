import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { AppLogger } from '../logger';
import type { createReadiness } from './readiness';

const json = { 'content-type': 'application/json', 'cache-control': 'no-store' };

export async function answerMetrics(registry: Registry, res: ServerResponse, logger: AppLogger) {
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(body);
  } catch (error) {
    logger.error({ err: error }, 'metrics could not be rendered');
    res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable');
  }
}

/**
 * `/healthz`: the process is alive (no dependency is consulted, so a database outage never restarts it).
 * `/readyz`: it can take traffic, with the reason when it cannot. `/metrics` when served on the main port.
 * Resolves true when it answered.
 */
export function createOpsRoutes(deps: {
  readiness: ReturnType<typeof createReadiness>;
  /** Null when metrics are off or served on their own port. */
  metrics: Registry | null;
  logger: AppLogger;
}) {
  return async (path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/healthz') {
      res.writeHead(200, json).end(JSON.stringify({ ok: true }));
      return true;
    }
    if (path === '/readyz') {
      const readiness = await deps.readiness.check();
      res.writeHead(readiness.ready ? 200 : 503, json).end(JSON.stringify(readiness));
      return true;
    }
    if (path === '/metrics' && deps.metrics) {
      await answerMetrics(deps.metrics, res, deps.logger);
      return true;
    }
    return false;
  };
}
