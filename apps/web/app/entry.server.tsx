import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { CspNonce } from './lib/csp-nonce';

const abortDelayMs = 5_000;

/**
 * Remix's default Node entry, with one change: the server's Content-Security-Policy allows inline scripts only
 * with this response's nonce, so the nonce goes to React's streaming scripts and (through `CspNonce`) to the
 * `<Scripts>` and `<ScrollRestoration>` the root renders.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and SPA mode get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set('Content-Type', 'text/html');
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <CspNonce.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={abortDelayMs} nonce={nonce} />
      </CspNonce.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // errors in the shell reject and are logged by Remix; these come from inside the stream
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, abortDelayMs);
  });
}
