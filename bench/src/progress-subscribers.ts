// A child process hosting the WebSocket subscribers of the progress-latency benchmark, so their parsing does not
// share an event loop with the server they measure. Protocol: one JSON argument; IPC messages `ready` (every
// subscription started) and `done` (every subscription completed after `finished`).
import { createApiClient } from '@app/api/client';
import { WebSocket } from 'ws';
import { z } from 'zod';

const SubscribersInputSchema = z.object({
  url: z.url(),
  sessionToken: z.string(),
  jobId: z.string(),
  sockets: z.number().int().positive(),
  subscriptions: z.number().int().positive(),
});
export type SubscribersInput = z.infer<typeof SubscribersInputSchema>;
export type SubscribersMessage =
  | { type: 'ready' }
  | { type: 'done'; latenciesMs: number[]; eventsPerSubscription: number[]; failed: number };

const send = (message: SubscribersMessage) => process.send?.(message);
const input = SubscribersInputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
// Node 20 has no global WebSocket: one `ws` socket per client, each carrying its share of the subscriptions.
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
const clients = Array.from({ length: input.sockets }, () =>
  createApiClient({ url: input.url, sessionToken: input.sessionToken, WebSocket: NodeWebSocket }),
);

const latenciesMs: number[] = [];
const eventsPerSubscription = Array.from({ length: input.subscriptions }, () => 0);
let started = 0;
let ended = 0;
let failed = 0;

async function end() {
  ended += 1;
  if (ended < input.subscriptions) return;
  send({ type: 'done', latenciesMs, eventsPerSubscription, failed });
  await Promise.all(clients.map((client) => client.close()));
  process.disconnect?.();
}

for (let i = 0; i < input.subscriptions; i += 1) {
  const client = clients[i % clients.length];
  if (!client) throw new Error('no client');
  client.importStatus.subscribe(
    { jobId: input.jobId },
    {
      onStarted() {
        started += 1;
        if (started === input.subscriptions) send({ type: 'ready' });
      },
      onData({ data }) {
        latenciesMs.push(Date.now() - Date.parse(data.at));
        eventsPerSubscription[i] = (eventsPerSubscription[i] ?? 0) + 1;
      },
      onComplete: () => void end(),
      onError() {
        failed += 1;
        void end();
      },
    },
  );
}
