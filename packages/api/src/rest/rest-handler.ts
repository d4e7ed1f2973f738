import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, ContextFactory } from '../context';
import { createCaller, type RouterInputs } from '../root';
import { readJsonBody, RestRequestError } from './read-json-body';
import { sendError, sendJson } from './rest-errors';
import { toRouterInput } from './rest-input';
import { toRestHistory, toRestPlan, toRestStart, toRestStatus } from './rest-shapes';

type Caller = ReturnType<typeof createCaller>;
type Route = {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run(api: Caller, ctx: Context, req: IncomingMessage, url: URL, params: string[]): Promise<unknown>;
};

// Bodies go to the router as they came (names translated): the procedures' own schemas validate them.
const routes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/truelayer\/import\/plan\/?$/,
    run: async (api, _ctx, req) =>
      toRestPlan(await api.importPlan(toRouterInput(await readJsonBody(req)) as RouterInputs['importPlan'])),
  },
  {
    // Phase 1's start blocked until the import finished and answered its summary; now it queues the job and
    // answers at once, and progress is read from the status endpoint (or streamed by the importStatus subscription).
    method: 'POST',
    pattern: /^\/api\/truelayer\/import\/start\/?$/,
    run: async (api, _ctx, req) =>
      toRestStart(
        await api.importStart(toRouterInput(await readJsonBody(req)) as RouterInputs['importStart']),
      ),
  },
  {
    method: 'GET',
    pattern: /^\/api\/truelayer\/import\/status\/([^/]+)\/?$/,
    run: async (api, ctx, _req, _url, [jobId]) =>
      toRestStatus(await api.importJob({ jobId: decodeSegment(jobId) }), ctx.services.now()),
  },
  {
    // `user_id` is ignored: the history is always the signed-in user's.
    method: 'GET',
    pattern: /^\/api\/truelayer\/import\/history\/?$/,
    run: async (api, ctx, _req, url) => {
      const limit = url.searchParams.get('limit');
      const history = await api.importHistory({ limit: limit === null ? 20 : Number(limit) });
      return toRestHistory(ctx.user?.id ?? null, history);
    },
  },
];

function decodeSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    throw new RestRequestError(400, 'BAD_REQUEST', 'The job id in the path is not valid.');
  }
}

/**
 * The Phase-1 REST endpoints, answered by the same router through `createCaller`: same validation, same auth
 * (the `sid` cookie or `Authorization: Bearer <session token>`), same error mapping. Resolves true when it
 * answered the request, false when the path is not one of its own.
 */
export function createRestHandler(createContext: ContextFactory) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matches = routes
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .filter((m) => m.match);
    if (matches.length === 0) return false;
    const found = matches.find((m) => m.route.method === req.method);
    if (!found?.match) {
      res.setHeader('allow', matches.map((m) => m.route.method).join(', '));
      sendJson(res, 405, {
        error: {
          code: 'METHOD_NOT_SUPPORTED',
          message: `Use ${matches.map((m) => m.route.method).join(' or ')} here.`,
        },
      });
      return true;
    }
    try {
      const ctx = await createContext({ headers: req.headers, remoteAddress: req.socket.remoteAddress });
      sendJson(res, 200, await found.route.run(createCaller(ctx), ctx, req, url, found.match.slice(1)));
    } catch (error) {
      sendError(res, error);
    }
    return true;
  };
}
