import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible chat completions endpoint for tests. It answers from the request alone:
 * descriptions containing MYSTERY get a category we do not have, SKIPME is left out of the answer, known
 * brands get their category and merchant, anything else is Shopping. Usage is a quarter of the characters.
 */
export type FakeLlmServer = {
  /** The `baseUrl` to configure (ends in /v1). */
  baseUrl: string;
  apiKey: string;
  /** Every request that reached the server, in arrival order. */
  requests: RecordedRequest[];
  /** Answer the next requests with these HTTP statuses (429 and 5xx carry `retry-after: 0`). */
  failNext(...statuses: number[]): void;
  /** Reply with content that is not JSON (usage is still reported). */
  answerBadJson(on: boolean): void;
  /** Never answer (until the client gives up). */
  hang(on: boolean): void;
  close(): Promise<void>;
};

export type RecordedRequest = {
  authorization: string | undefined;
  body: { model: string; response_format: unknown; messages: { role: string; content: string }[] };
  transactions: { id: string; description: string }[];
  /** What the server reported, or null when it answered with an error. */
  usage: { prompt_tokens: number; completion_tokens: number } | null;
};

const brands: Record<string, [category: string, merchant: string | null]> = {
  TESCO: ['Groceries', 'Tesco'],
  PRET: ['Eating out', 'Pret A Manger'],
  NETFLIX: ['Subscriptions', 'Netflix'],
  UBER: ['Transport', 'Uber'],
  SALARY: ['Income', null],
};

export async function startFakeLlmServer(apiKey = 'sk-test-secret-key-123'): Promise<FakeLlmServer> {
  const requests: RecordedRequest[] = [];
  const failures: number[] = [];
  let badJson = false;
  let hanging = false;

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const text = await readBody(req);
    const body = JSON.parse(text) as RecordedRequest['body'];
    const user = body.messages.find((m) => m.role === 'user');
    // A prose request (a connection test) carries no transactions: it is answered like any other.
    const { transactions = [] } = parseJsonObject(user?.content ?? '{}') as Partial<
      Pick<RecordedRequest, 'transactions'>
    >;
    const recorded: RecordedRequest = {
      authorization: req.headers.authorization,
      body,
      transactions,
      usage: null,
    };
    requests.push(recorded);

    if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
      return send(res, 404, { error: 'not found' });
    if (hanging) return; // the socket stays open until the client aborts
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      // Like real providers, the error echoes the key it was given.
      return send(res, 401, {
        error: { message: `Incorrect API key provided: ${req.headers.authorization}` },
      });
    }
    const status = failures.shift();
    if (status !== undefined)
      return send(res, status, { error: { message: 'try later' } }, { 'retry-after': '0' });

    const results = transactions
      .filter((t) => !t.description.includes('SKIPME'))
      .map((t) => {
        if (t.description.includes('MYSTERY'))
          return { id: t.id, category: 'Gadgets', merchant: 'Mystery Ltd' };
        const brand = Object.keys(brands).find((b) => t.description.toUpperCase().includes(b));
        const [category, merchant] = brand ? (brands[brand] ?? ['Other', null]) : ['Shopping', null];
        return { id: t.id, category, merchant };
      });
    const content = badJson
      ? 'Sure! Here are your categories: Groceries, Shopping'
      : JSON.stringify({ results });
    const promptChars = body.messages.reduce((sum, m) => sum + m.content.length, 0);
    recorded.usage = {
      prompt_tokens: Math.ceil(promptChars / 4),
      completion_tokens: Math.ceil(content.length / 4),
    };
    send(res, 200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: {
        ...recorded.usage,
        total_tokens: recorded.usage.prompt_tokens + recorded.usage.completion_tokens,
      },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    answerBadJson: (on) => void (badJson = on),
    hang: (on) => void (hanging = on),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
