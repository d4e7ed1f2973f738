import type { createCaller } from '@app/api';

/** The router called in process with this request's user: the server's own router, services and state. */
export type ApiCaller = ReturnType<typeof createCaller>;

type CreateApiCaller = (options?: {
  /** Receives the `Set-Cookie` values a procedure writes (sign-in, sign-out) so the response can carry them. */
  setCookie?: (cookie: string) => void;
}) => Promise<ApiCaller>;

declare module '@remix-run/node' {
  /**
   * What apps/server passes through `getLoadContext`. The server builds the tRPC context from the HTTP request
   * (cookies, peer address), so loaders never fetch their own API and never hold a second copy of it.
   */
  interface AppLoadContext {
    createApiCaller: CreateApiCaller;
    /** The importer's calendar: "today" and how far back banks serve history. */
    importer?: { timeZone: string; maxHistoryDays: number };
    /** The embedded mode's demo account, offered on the sign-in page; absent with a real bank. */
    demoUser?: { email: string; password: string } | null;
    /** This response's Content-Security-Policy nonce: inline scripts Remix renders carry it. */
    cspNonce?: string;
  }
}
