import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import type { Context, ContextFactory } from '../context';
import { createCaller, type RouterInputs } from '../root';
import { RestRequestError } from './rest-request-error';
import { sendError, sendJson } from './rest-errors';
import { toRouterInput } from './rest-input';
import { toRestHistory, toRestPlan, toRestStart, toRestStatus } from './rest-shapes';

type Caller = ReturnType<typeof createCaller>;
type Answer = (api: Caller, ctx: Context, req: Request) => Promise<unknown>;

const maxBodyBytes = 64 * 1024;

/**
 * Only `application/json` is read: a cross-site form cannot send that without a CORS preflight, so
 * cookie-authenticated requests cannot be forged from a form.
 */
const requireJson: RequestHandler = (req, _res, next) => {
  if (/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return next();
  next(
    new RestRequestError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON (Content-Type: application/json).',
    ),
  );
};

// Any JSON value reaches the router (not only objects): the procedures' own schemas say what is wrong with it.
const readJson = express.json({ limit: maxBodyBytes, strict: false, type: () => true });

/** body-parser's and the router's own failures (unreadable body, undecodable path) as typed answers. */
function restErrorOf(error: unknown): unknown {
  if (!(error instanceof Error) || !('status' in error) || typeof error.status !== 'number') return error;
  if (error.status === 413)
    return new RestRequestError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than ${maxBodyBytes} bytes.`,
    );
  if (error.status === 415) return new RestRequestError(415, 'UNSUPPORTED_MEDIA_TYPE', error.message);
  if ('type' in error && error.type === 'entity.parse.failed')
    return new RestRequestError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  if (error.status === 400)
    return new RestRequestError(400, 'BAD_REQUEST', 'The job id in the path is not valid.');
  return error;
}

/**
 * The Phase-1 REST endpoints, answered by the same router through `createCaller`: same validation, same auth
 * (the `sid` cookie or `Authorization: Bearer <session token>`), same error mapping. Resolves true when it
 * answered the request, false when the path is not one of its own.
 */
export function createRestHandler(createContext: ContextFactory) {
  const router = express.Router({ caseSensitive: true });

  function answer(run: Answer): RequestHandler {
    return (req, res, next) => {
      createContext({ headers: req.headers, remoteAddress: req.socket.remoteAddress })
        .then(async (ctx) => sendJson(res, 200, await run(createCaller(ctx), ctx, req)))
        .catch(next);
    };
  }
  function methodNotAllowed(allowed: 'GET' | 'POST'): RequestHandler {
    return (_req, res) => {
      res.setHeader('allow', allowed);
      sendJson(res, 405, { error: { code: 'METHOD_NOT_SUPPORTED', message: `Use ${allowed} here.` } });
    };
  }

  const base = '/api/truelayer/import';
  // Bodies go to the router as they came (names translated): the procedures' own schemas validate them.
  router
    .route(`${base}/plan`)
    .post(
      requireJson,
      readJson,
      answer(async (api, _ctx, req) =>
        toRestPlan(await api.importPlan(toRouterInput(req.body) as RouterInputs['importPlan'])),
      ),
    )
    .all(methodNotAllowed('POST'));
  // Phase 1's start blocked until the import finished and answered its summary; now it queues the job and
  // answers at once, and progress is read from the status endpoint (or streamed by the importStatus subscription).
  router
    .route(`${base}/start`)
    .post(
      requireJson,
      readJson,
      answer(async (api, _ctx, req) =>
        toRestStart(await api.importStart(toRouterInput(req.body) as RouterInputs['importStart'])),
      ),
    )
    .all(methodNotAllowed('POST'));
  router
    .route(`${base}/status/:jobId`)
    .get(
      answer(async (api, ctx, req) =>
        toRestStatus(await api.importJob({ jobId: String(req.params.jobId) }), ctx.services.now()),
      ),
    )
    .all(methodNotAllowed('GET'));
  // `user_id` is ignored: the history is always the signed-in user's.
  router
    .route(`${base}/history`)
    .get(
      answer(async (api, ctx, req) => {
        const limit = new URL(req.originalUrl, 'http://localhost').searchParams.get('limit');
        const history = await api.importHistory({ limit: limit === null ? 20 : Number(limit) });
        return toRestHistory(ctx.user?.id ?? null, history);
      }),
    )
    .all(methodNotAllowed('GET'));
  const answerErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) =>
    sendError(res, restErrorOf(error));
  router.use(answerErrors);

  return (req: IncomingMessage, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve, reject) => {
      res.once('finish', () => resolve(true));
      res.once('close', () => resolve(true));
      // Express's router runs on the plain Node request and response; `done` means no route of ours matched.
      router(req as Request, res as express.Response, (error?: unknown) =>
        error === undefined || error === 'router' ? resolve(false) : reject(error as Error),
      );
    });
}
