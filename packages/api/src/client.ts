import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  wsLink,
  type TRPCClient,
} from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './root';

export type { AppRouter, RouterInputs, RouterOutputs } from './root';
/** For `instanceof` checks on failed calls (`error.data.code` is the tRPC code). */
export { TRPCClientError } from '@trpc/client';

export type ApiClientOptions = {
  /** The server's origin, e.g. `http://127.0.0.1:3000` (the router is served at `/trpc` over HTTP and WebSocket). */
  url: string;
  /** From `auth.signIn` for clients without cookies (CLI, tests); browsers use the `sid` cookie instead. */
  sessionToken?: string;
  /** Node 20 has no global WebSocket: pass the `ws` package's class. */
  WebSocket?: typeof globalThis.WebSocket;
};

export type ApiClient = TRPCClient<AppRouter> & {
  /** Closes the WebSocket (pending subscriptions end). */
  close(): Promise<void>;
};

/**
 * A typed client: subscriptions over one WebSocket (reconnecting by itself and resuming tracked subscriptions
 * from their last event id), queries and mutations over batched HTTP. superjson on each link, as v11 wants.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.url.replace(/\/+$/, '');
  const token = options.sessionToken;
  const wsClient = createWSClient({
    url: `${base.replace(/^http/, 'ws')}/trpc`,
    WebSocket: options.WebSocket,
    connectionParams: token ? { sessionToken: token } : null,
    // open the socket only while a subscription needs it, so HTTP-only use leaves nothing running
    lazy: { enabled: true, closeMs: 0 },
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient, transformer: superjson }),
        false: httpBatchLink({
          url: `${base}/trpc`,
          transformer: superjson,
          headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        }),
      }),
    ],
  });
  const close = () => wsClient.close();
  // The client is a proxy of procedure paths; `close` is answered beside them (no procedure is named close).
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === 'close' ? close : Reflect.get(target, property, receiver),
  }) as ApiClient;
}
