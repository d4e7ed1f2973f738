import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContextFactory } from '@app/api';
import type { ImporterConfig } from '@app/importer';
import type { AppLogger } from './logger';

export type NodeRequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The seam where the Remix request handler is mounted (apps/web): it answers every path that is not /trpc,
 * /healthz or the REST API. It is given the in-process API so loaders call the router through
 * `createCaller(await createContext({ headers: request.headers }))` instead of fetching their own server.
 */
export type WebHandlerFactory = (api: {
  createContext: ContextFactory;
  /** The importer's calendar (time zone, how far back banks serve history) for the date pickers. */
  importer: ImporterConfig;
  logger: AppLogger;
}) => NodeRequestHandler | Promise<NodeRequestHandler>;

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spending import</title></head>
<body><h1>Spending import</h1><p>The API is running at <code>/trpc</code>. The web app is not mounted yet.</p>
<p><a href="/healthz">Health check</a></p></body></html>`;

/** What other paths answer until the web app is mounted. */
export const placeholderWebHandler: WebHandlerFactory = () => (req, res) => {
  const known = req.url === '/' || req.url === '';
  res.writeHead(known ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(placeholderPage);
};
