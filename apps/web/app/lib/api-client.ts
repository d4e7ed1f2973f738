// The browser's typed client (the API package's own factory): queries and mutations over HTTP, subscriptions over
// one WebSocket, both at this page's origin under /trpc; the session cookie authenticates both.
import { createApiClient, type ApiClient } from '@app/api/client';

let client: ApiClient | null = null;

/** One client per page session, made on first use (never during server rendering). */
export function getApiClient(): ApiClient {
  client ??= createApiClient({ url: window.location.origin });
  return client;
}
