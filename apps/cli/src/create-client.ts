import { createApiClient, type ApiClient } from '@app/api/client';
import { WebSocket } from 'ws';

/** Node 20 has no global WebSocket; the `ws` class stands in for the browser's (same API for the client). */
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

export function createClient(url: string, sessionToken?: string): ApiClient {
  return createApiClient({ url, sessionToken, WebSocket: NodeWebSocket });
}
