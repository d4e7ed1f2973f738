import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

const nonces = new WeakMap<ServerResponse, string>();

/** The CSP nonce of this response: the web app puts it on the inline scripts Remix renders (its context, hydration). */
export function cspNonceOf(res: ServerResponse): string | undefined {
  return nonces.get(res);
}

/**
 * Security headers on every response, by helmet. The policy is strict for scripts: only this origin's files and
 * the inline scripts Remix renders with this response's nonce, so injected markup cannot run. Styles: files from
 * this origin, plus `style` attributes (React's and recharts' inline sizes); no `<style>` elements. Connections:
 * this origin (its `/trpc` WebSocket included). Nothing may frame a page (the consent and Start buttons cannot be
 * clicked through a hidden frame). No `form-action`: connecting a bank posts a form whose answer redirects to the
 * bank's consent page on another origin, which `form-action 'self'` would block in Chromium.
 * HSTS and `upgrade-insecure-requests` only when the public origin is HTTPS: a self-hoster on plain HTTP at a LAN
 * address would otherwise be pinned to an HTTPS that does not exist.
 */
export function createSecurityHeaders(options: { https: boolean }) {
  const apply = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${nonces.get(res as ServerResponse) ?? ''}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // the sandbox bank's consent page and other origins are reached by navigation, never embedded
    crossOriginEmbedderPolicy: false,
  });

  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    nonces.set(res, randomBytes(16).toString('base64'));
    return new Promise((resolve, reject) =>
      apply(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
    );
  };
}
