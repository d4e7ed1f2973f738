import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appRouter } from '@app/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRemixWebHandler } from '../src/remix-web-handler';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

// Property tests over every procedure's input (over HTTP, with a valid session) and over the REST paths: wrong
// types, huge arrays and strings, impossible dates, reversed ranges, unknown ids, injection strings and
// prototype-pollution keys. Every answer is a typed 4xx (or a 2xx for what happens to be valid), never a 500,
// never a hang, never a stack; and pages escape what they show.

const huge = 'x'.repeat(1024 * 1024);
const hugeArray = Array.from({ length: 100_000 }, (_, i) => `id-${i}`);
const injections = [
  "' OR '1'='1",
  `'; DROP TABLE "Transaction"; --`,
  '" OR ""="',
  '1; SELECT pg_sleep(10) --',
  "1' AND SLEEP(5)#",
  "%' OR 1=1 --",
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '\u0000',
  '\uD800',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  '-1',
  '1e309',
  ' ',
  '',
];
const badDates = [
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-13-01',
  '1900-01-01',
  '+275760-09-13',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
];
const pollution = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** The field names of a zod object input, through defaults, optionals and pipes. */
function fieldsOf(schema: unknown): string[] {
  const def = (
    schema as
      | { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown } }
      | undefined
  )?.def;
  if (!def) return [];
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.innerType) return fieldsOf(def.innerType);
  if (def.in) return fieldsOf(def.in);
  return [];
}

/** A value no field expects, or one that is almost right. */
function hostileValue(ids: string[]) {
  const text = fc.oneof(
    fc.constantFrom(...injections),
    fc.constantFrom(...badDates),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...ids),
  );
  return fc.oneof(
    { arbitrary: text, weight: 6 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), weight: 2 },
    { arbitrary: fc.array(text, { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(huge, hugeArray), weight: 1 },
    { arbitrary: fc.object({ maxDepth: 2 }), weight: 1 },
  );
}

/** The JSON text of a hostile input: the procedure's own fields with hostile values, reversed ranges, or anything. */
function hostileInput(fields: string[], ids: string[]) {
  const value = hostileValue(ids);
  const shaped = fields.length
    ? fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] })
    : fc.object({ maxDepth: 1 });
  const reversed = fc
    .tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 30 }))
    .map(([to, gap]) => ({
      fromDate: daysAgo(to),
      toDate: daysAgo(to + gap),
      from: daysAgo(to),
      to: daysAgo(to + gap),
    }));
  return fc
    .oneof(shaped, reversed, fc.anything({ maxDepth: 2 }), fc.constantFrom<unknown>(huge, hugeArray, null))
    .map((input) => JSON.stringify(input) ?? 'null');
}

/** The request body or query of a tRPC call: superjson's envelope around the input, polluted, malformed or absent. */
function hostileEnvelope(fields: string[], ids: string[]) {
  return fc.oneof(
    { arbitrary: hostileInput(fields, ids).map((json) => `{"json":${json}}`), weight: 6 },
    {
      arbitrary: hostileInput(fields, ids).map((json) =>
        json.startsWith('{') && json !== '{}'
          ? `{"json":{${pollution},${json.slice(1)}}`
          : `{${pollution},"json":${json}}`,
      ),
      weight: 2,
    },
    { arbitrary: hostileInput(fields, ids), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '',
        '{',
        'null',
        '[]',
        '{"json":',
        `{"json":{"jobId":"x"},"meta":{"values":{"__proto__.polluted":["Date"]}}}`,
        `{"json":{"jobId":"x"},"meta":{"referentialEqualities":{"jobId":["__proto__.polluted"]}}}`,
        `{"json":{"jobId":"x"},"meta":{"values":{"jobId":[["class","Evil"]]}}}`,
      ),
      weight: 1,
    },
  );
}

type Answer = { status: number; text: string; urlLength: number };
const timeoutMs = 10_000;

const trpcCodes =
  /^(BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|METHOD_NOT_SUPPORTED|TIMEOUT|CONFLICT|PRECONDITION_FAILED|PAYLOAD_TOO_LARGE|UNSUPPORTED_MEDIA_TYPE|UNPROCESSABLE_CONTENT|TOO_MANY_REQUESTS|CLIENT_CLOSED_REQUEST)$/;
/** Leaks a client must never see: stack frames, module paths, Prisma's own messages. */
const leaks = /\bat .+:\d+:\d+|node_modules|`prisma\.|PrismaClient/;

/** A 2xx, or a 4xx with a typed body; the only untyped answer allowed is Node's own 431 to a URL over its limit. */
function expectTypedAnswer(
  { status, text, urlLength }: Answer,
  typed: (body: unknown) => { code: unknown; httpStatus?: unknown },
) {
  expect(status, text.slice(0, 300)).toBeLessThan(500);
  expect(text).not.toMatch(leaks);
  if (status < 400) return;
  if (status === 431) {
    expect(urlLength).toBeGreaterThan(16_000);
    return;
  }
  const { code, httpStatus } = typed(JSON.parse(text) as unknown);
  expect(code, text.slice(0, 300)).toEqual(expect.stringMatching(/^[A-Z_]+$/));
  if (httpStatus !== undefined) expect(httpStatus).toBe(status);
}

const trpcError = (body: unknown) =>
  (body as { error: { json: { data: { code: string; httpStatus: number } } } }).error.json.data;
const restError = (body: unknown) => (body as { error: { code: string } }).error;

/** Reads a tRPC SSE stream until its first error event: a subscription refused with a typed 4xx. */
async function firstSseError(response: Response): Promise<{ code: string; httpStatus: number }> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended without an error event: ${text.slice(0, 300)}`);
      text += decoder.decode(value, { stream: true });
      const match = /event: serialized-error\ndata: (.*)\n/.exec(text);
      if (match?.[1]) {
        expect(match[1]).not.toMatch(leaks);
        return (JSON.parse(match[1]) as { json: { data: { code: string; httpStatus: number } } }).json.data;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

describe('hostile input', () => {
  let t: TestServer;
  let session: string;
  const ownIds: string[] = [];
  beforeAll(async () => {
    t = await startTestServer();
    const owner = await t.signUp('hostile@example.test');
    session = owner.sessionToken;
    const { connection } = await t.connectBank(owner.api);
    const plan = await owner.api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(5),
      toDate: daysAgo(0),
    });
    const schedule = await owner.api.schedules.create.mutate({
      connectionId: connection.id,
      cadence: 'weekly',
    });
    ownIds.push(connection.id, plan.jobId, schedule.id, ...connection.accounts.map((a) => a.id));
  });
  afterAll(async () => t?.close());

  async function freshSession() {
    const { sessionToken } = await t
      .client()
      .auth.signIn.mutate({ email: 'hostile@example.test', password: 'correct horse battery' });
    return sessionToken;
  }

  async function send(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    token: string,
    body?: string,
    contentType = 'application/json',
  ) {
    const url = `${t.url}${pathAndQuery}`;
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { response, urlLength: url.length };
  }

  test('the cases cover every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThan(20);
  });

  test.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    '%s answers hostile input with a typed 4xx, never a 500 or a hang',
    async (path, procedure) => {
      const { type, inputs } = procedure._def;
      const fields = inputs.flatMap(fieldsOf);
      // destructive procedures and the live stream get unknown ids only: the real ones must survive the run
      const destructive = /remove|Delete/.test(path);
      const ids = type === 'subscription' || destructive ? ['job-unknown', 'c-unknown'] : ownIds;
      await fc.assert(
        fc.asyncProperty(hostileEnvelope(fields, ids), async (envelope) => {
          const token = path === 'auth.signOut' ? await freshSession() : session;
          if (type === 'mutation') {
            const { response, urlLength } = await send('POST', `/trpc/${path}`, token, envelope);
            expectTypedAnswer({ status: response.status, text: await response.text(), urlLength }, trpcError);
            return;
          }
          const { response, urlLength } = await send(
            'GET',
            `/trpc/${path}?input=${encodeURIComponent(envelope)}`,
            token,
          );
          const isStream = response.headers.get('content-type')?.startsWith('text/event-stream');
          if (type === 'subscription' && isStream) {
            const error = await firstSseError(response);
            expect(error.code).toMatch(trpcCodes);
            expect(error.httpStatus).toBeGreaterThanOrEqual(400);
            expect(error.httpStatus).toBeLessThan(500);
            return;
          }
          expectTypedAnswer({ status: response.status, text: await response.text(), urlLength }, trpcError);
        }),
        { numRuns: path === 'auth.signOut' ? 10 : 25 },
      );
    },
  );

  test('half a surrogate pair in any field answers 400 from every procedure', async () => {
    for (const [path, procedure] of procedures) {
      const fields = procedure._def.inputs.flatMap(fieldsOf);
      for (const field of fields) {
        const envelope = JSON.stringify({ json: { [field]: 'x\uD800' } });
        const token = path === 'auth.signOut' ? await freshSession() : session;
        const { response } =
          procedure._def.type === 'mutation'
            ? await send('POST', `/trpc/${path}`, token, envelope)
            : await send('GET', `/trpc/${path}?input=${encodeURIComponent(envelope)}`, token);
        const status = response.headers.get('content-type')?.startsWith('text/event-stream')
          ? (await firstSseError(response)).httpStatus
          : response.status;
        expect([path, field, status]).toEqual([path, field, 400]);
      }
    }
  });

  test('form and text bodies to procedures answer typed 4xx', async () => {
    for (const [path, procedure] of procedures.filter(([, p]) => p._def.type === 'mutation')) {
      for (const [body, type] of [
        ['jobId=x&__proto__[polluted]=yes', 'application/x-www-form-urlencoded'],
        ['{"json":{}}', 'text/plain'],
        [huge, 'application/json'],
      ] as const) {
        const token = path === 'auth.signOut' ? await freshSession() : session;
        const { response, urlLength } = await send('POST', `/trpc/${path}`, token, body, type);
        const text = await response.text();
        expectTypedAnswer({ status: response.status, text, urlLength }, trpcError);
        if (procedure._def.inputs.length > 0 || type !== 'application/json')
          expect(response.status, `${path} ${type}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  const restRoutes = [
    { method: 'POST', path: '/api/truelayer/import/plan' },
    { method: 'POST', path: '/api/truelayer/import/start' },
    { method: 'GET', path: '/api/truelayer/import/status/' },
    { method: 'GET', path: '/api/truelayer/import/history' },
  ] as const;

  test.each(restRoutes)(
    'REST $method $path answers hostile input with a typed 4xx, never a 500 or a hang',
    async ({ method, path }) => {
      const snakeFields = [
        'connection_id',
        'from_date',
        'to_date',
        'account_ids',
        'auto_enrich',
        'batch_size',
        'job_id',
        'user_id',
      ];
      const text = fc.oneof(
        fc.constantFrom(...injections),
        fc.constantFrom(...badDates),
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...ownIds),
      );
      // a lone surrogate cannot be percent-encoded: its UTF-8-looking bytes go instead
      const encode = (value: string) =>
        /[\uD800-\uDFFF]/.test(value) && !/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(value)
          ? '%ED%A0%80'
          : encodeURIComponent(value);
      const segment = fc
        .oneof(
          text.map(encode),
          fc.constantFrom('%E0%A4%A', '%', '%00', '..%2F..%2Fetc', encodeURIComponent(huge)),
        )
        .filter((part) => !['', '.', '..'].includes(part)); // those leave the REST path (the web app's 404 answers)
      await fc.assert(
        fc.asyncProperty(
          hostileInput(snakeFields, ownIds).map((json) =>
            json.startsWith('{') && json !== '{}' ? `{${pollution},${json.slice(1)}` : json,
          ),
          segment,
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (body, part, contentType) => {
            const target =
              method === 'POST'
                ? path
                : path.endsWith('/')
                  ? `${path}${part}`
                  : `${path}?limit=${part}&user_id=${part}`;
            const { response, urlLength } = await send(
              method,
              target,
              session,
              method === 'POST' ? body : undefined,
              contentType,
            );
            expectTypedAnswer({ status: response.status, text: await response.text(), urlLength }, restError);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  test('after all of it nothing is polluted, the server is healthy and the owner still signed in', async () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await t.client(session).auth.me.query()).toMatchObject({ email: 'hostile@example.test' });
  });
});

const webBuild = fileURLToPath(new URL('../../web/build/', import.meta.url));
const missingBuild = existsSync(`${webBuild}server/index.js`)
  ? null
  : 'the web app is not built (pnpm --filter @app/web build)';

describe.skipIf(missingBuild !== null)(
  `pages escape what they show${missingBuild ? ` (skipped: ${missingBuild})` : ''}`,
  () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ web: createRemixWebHandler({ buildDir: webBuild }) });
    });
    afterAll(async () => t?.close());

    test('a transaction whose description is markup is shown as text on /transactions', async () => {
      const { api, sessionToken } = await t.signUp('pages@example.test');
      const { connection } = await t.connectBank(api);
      const account = connection.accounts[0];
      if (!account) throw new Error('no account');
      const markup = {
        description: '<img src=x onerror=alert(1)>',
        merchantName: '</script><script>alert(1)</script>',
        displayName: '"><svg onload=alert(1)>',
      };
      await t.db.bankAccount.update({ where: { id: account.id }, data: { displayName: markup.displayName } });
      await t.db.transaction.create({
        data: {
          accountId: account.id,
          dedupKey: 'f:xss',
          dedupRule: 'fingerprint',
          providerTransactionId: 'xss-1',
          status: 'booked',
          bookingDate: daysAgo(1),
          bankTimestamp: `${daysAgo(1)}T00:00:00Z`,
          amountMinor: -1234,
          currency: 'GBP',
          direction: 'DEBIT',
          description: markup.description,
          merchantName: markup.merchantName,
          providerCategory: 'PURCHASE',
          providerClassification: [],
          raw: {},
        },
      });
      const page = await fetch(`${t.url}/transactions`, {
        headers: { cookie: `sid=${sessionToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      for (const raw of Object.values(markup)) expect(html).not.toContain(raw);
      expect(html).not.toMatch(/<img src=x|<svg onload|<\/script><script>alert/i);
    });
  },
);
