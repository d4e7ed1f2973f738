// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { createLogger, createRemixWebHandler, startServer } from '@app/server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Every page works under the server's Content-Security-Policy in a real browser: no violation reported, its
// scripts run (hydration opens the live-progress WebSocket), its charts draw.

const chromiumPath = '/usr/bin/chromium';
const webDir = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = path.join(webDir, 'build');
const demo = { email: 'demo@example.com', password: 'demo-password' };
const missingBrowser = existsSync(chromiumPath)
  ? null
  : `${chromiumPath} is missing (apt-get install -y chromium)`;

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe.skipIf(missingBrowser !== null)(
  `the Content-Security-Policy in a real browser${missingBrowser ? ` (skipped: ${missingBrowser})` : ''}`,
  () => {
    let database: TestDatabase;
    let server: Awaited<ReturnType<typeof startServer>>;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    const reported: string[] = [];

    beforeAll(async () => {
      if (!existsSync(path.join(buildDir, 'server', 'index.js')))
        execFileSync('pnpm', ['exec', 'remix', 'vite:build'], { cwd: webDir, stdio: 'pipe' });
      database = await createTestDatabase('sqlite');
      server = await startServer(
        {
          port: 0,
          host: '127.0.0.1',
          databaseUrl: database.url,
          tokenKeys: { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' },
          // slow enough that the import is still running while its page follows it
          bank: { kind: 'embedded-sandbox', port: 0, options: { seed: 11, latency: { fixedMs: 60 } } },
          importer: { workers: 2, jobConcurrency: 2 },
          sessionTtlDays: 30,
          demoUser: demo, // seeded with the sandbox bank connected
          mutationsPerMinute: 10_000,
          secureCookies: false,
        },
        {
          logger: createLogger({ level: 'silent', pretty: false }),
          web: createRemixWebHandler({ buildDir, demoUser: demo }),
        },
      );
      userDataDir = mkdtempSync(path.join(os.tmpdir(), 'spending-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
        viewport: { width: 1360, height: 900 },
      });
      // Injected by the browser itself (not subject to the page's policy): every violation the page reports.
      await context.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`),
        );
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) reported.push(message.text());
      });
      page.on('pageerror', (error) => reported.push(error.message));
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      await database?.drop();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    async function visit(pathname: string, ready: () => Promise<unknown>) {
      const response = await page.goto(`${server.url}${pathname}`);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp, pathname).toMatch(/script-src 'self' 'nonce-[^']+'/);
      expect(csp, pathname).toContain("frame-ancestors 'none'");
      await ready();
      await page.waitForTimeout(300); // late work: hydration, effects, chart drawing
      expect(await page.evaluate(() => window.cspViolations), pathname).toEqual([]);
    }

    test('no page reports a violation; scripts, the WebSocket and the charts work', async () => {
      const sockets: string[] = [];
      page.on('websocket', (ws) => {
        sockets.push(ws.url());
        ws.on('socketerror', (error) => reported.push(`websocket ${ws.url()}: ${error}`));
      });

      await visit('/sign-in', () => page.getByLabel('Email').waitFor());
      await page.getByLabel('Email').fill(demo.email);
      await page.getByLabel('Password').fill(demo.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

      const sid = (await context.cookies()).find((cookie) => cookie.name === 'sid')?.value ?? '';
      // tRPC over plain HTTP as the signed-in person (this package has no Node WebSocket for the typed client)
      const call = async (procedure: string, input?: unknown, kind: 'query' | 'mutation' = 'query') => {
        const query = kind === 'query' && input !== undefined;
        const response = await fetch(
          `${server.url}/trpc/${procedure}${query ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : ''}`,
          {
            method: kind === 'query' ? 'GET' : 'POST',
            headers: { authorization: `Bearer ${sid}`, 'content-type': 'application/json' },
            body: kind === 'query' ? undefined : JSON.stringify({ json: input }),
          },
        );
        return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
      };
      const [connection] = (await call('connections.list')) as { id: string }[];
      const { jobId } = (await call(
        'importPlan',
        {
          connectionId: connection?.id,
          fromDate: new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10),
          toDate: new Date().toISOString().slice(0, 10),
          autoEnrich: true,
        },
        'mutation',
      )) as { jobId: string };
      await call('importStart', { jobId }, 'mutation');

      // the job page hydrates and follows the import over the WebSocket
      await visit(`/imports/${jobId}`, () =>
        page
          .getByText(/Completed|completed/)
          .first()
          .waitFor({ timeout: 90_000 }),
      );
      expect(sockets.some((url) => new URL(url).pathname === '/trpc')).toBe(true);

      await visit('/', () => page.locator('main').waitFor());
      await visit('/connections', () => page.locator('main').waitFor());
      await visit('/imports', () => page.getByRole('heading', { name: 'Import history' }).waitFor());
      await visit('/transactions', () => page.getByRole('columnheader', { name: 'Amount' }).waitFor());
      await visit('/queue', () => page.getByRole('heading', { name: 'Recently finished' }).waitFor());
      await visit('/schedules', () => page.locator('main').waitFor());
      // enrichment runs after the import: the costs page has charts once it has
      await expect
        .poll(async () => ((await call('costs.summary', { days: 30 })) as { jobs: unknown[] }).jobs.length, {
          timeout: 60_000,
        })
        .toBeGreaterThan(0);
      await visit('/costs', async () => {
        await page.getByRole('heading', { name: 'Per job' }).waitFor();
        await page.locator('svg.recharts-surface').first().waitFor(); // drawn after hydration
      });
      await visit('/no-such-page', () => page.locator('body').waitFor());

      expect(reported).toEqual([]);
    }, 180_000);
  },
);
