// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureUser } from '@app/api';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { createLogger, createRemixWebHandler, startServer } from '@app/server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const chromiumPath = '/usr/bin/chromium';
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const webDir = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = path.join(webDir, 'build');
const screenshots = fileURLToPath(new URL('../../../../test-output/screenshots', import.meta.url));
const demo = { email: 'receipts@example.com', password: 'demo-password' };
const dayMs = 86_400_000;

const missingBrowser = existsSync(chromiumPath)
  ? null
  : `${chromiumPath} is missing (apt-get install -y chromium)`;

describe.skipIf(missingBrowser !== null)(
  `the job page’s receipt, budget and matches in a real browser${missingBrowser ? ` (skipped: ${missingBrowser})` : ''}`,
  () => {
    let database: TestDatabase;
    let server: Awaited<ReturnType<typeof startServer>>;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    // The embedded bank's clock: moving it lets pending payments book between two syncs.
    let bankOffsetMs = 0;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      if (!existsSync(path.join(buildDir, 'server', 'index.js')))
        execFileSync('pnpm', ['exec', 'remix', 'vite:build'], { cwd: webDir, stdio: 'pipe' });
      mkdirSync(screenshots, { recursive: true });
      database = await createTestDatabase('sqlite');
      await ensureUser(database.db, { ...demo, name: 'Receipts' });
      server = await startServer(
        {
          port: 0,
          host: '127.0.0.1',
          databaseUrl: database.url,
          tokenKeys: { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' },
          bank: {
            kind: 'embedded-sandbox',
            port: 0,
            options: { seed: 11, now: () => new Date(Date.now() + bankOffsetMs) },
          },
          importer: { workers: 4, jobConcurrency: 4 },
          sessionTtlDays: 30,
          demoUser: null,
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
        args: chromiumFlags,
        viewport: { width: 1360, height: 900 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      const appOrigin = new URL(server.url).origin;
      page.on('console', (message) => {
        if (message.type() === 'error' && message.location().url.startsWith(appOrigin))
          consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      await database?.drop();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    const shoot = async (name: string, fullPage = false) => {
      await page.waitForTimeout(250); // let entrance animations settle
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage });
    };

    /** Sync Now on the Banks page, then the job page until the import has finished. */
    async function syncNow() {
      await page.goto(`${server.url}/connections`);
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.waitForURL('**/imports/*?started=1');
      await page.locator('.header-status [data-status="completed"]').waitFor({ timeout: 60_000 });
      await page.getByRole('heading', { name: 'Bank call budget' }).waitFor();
    }

    test('Sync Now imports incrementally; the job page shows each account’s receipt, call budget and matches, and a merge is undone', async () => {
      await page.goto(`${server.url}/sign-in`);
      await page.getByLabel('Email').fill(demo.email);
      await page.getByLabel('Password').fill(demo.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Connect your first bank' }).waitFor();
      await page.getByRole('button', { name: 'Connect a bank' }).first().click();
      await page.waitForURL((url) => url.origin !== new URL(server.url).origin);
      await page.getByRole('button', { name: 'Allow' }).waitFor();
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL('**/connections?connected=*');

      await syncNow();
      expect(await page.getByRole('heading', { name: /^Sync import/ }).count()).toBe(1);
      // three receipts, each adding up, and the budget: the person was present, so nothing counted
      expect(await page.locator('.receipt-card').count()).toBe(3);
      await expect
        .poll(() => page.getByText('You started this import, so its calls did not count.').count())
        .toBe(1);
      expect(await page.getByRole('cell', { name: '0 of 4' }).count()).toBe(3);

      // four days later the pending payments have booked: the next sync merges them, and says so
      bankOffsetMs = 4 * dayMs;
      await syncNow();
      const undo = page.getByRole('button', { name: 'Undo merge' });
      expect(await undo.count()).toBeGreaterThan(0);
      expect(await page.getByText(/Pending reconciled/).count()).toBe(3);
      await shoot('17-job-receipt-budget-matches', true);

      await undo.first().click();
      await page.getByText('Merge undone: both records are back').waitFor();
      await page.getByRole('heading', { name: 'Matches' }).scrollIntoViewIfNeeded();
      expect(await page.getByText('Undone: both kept').count()).toBe(1);
      await shoot('18-job-merge-undone');

      await page.getByRole('link', { name: 'Costs' }).click();
      await page.getByRole('heading', { name: 'Monthly spending cap' }).waitFor();
      await page.getByLabel('Cap per month (US dollars; empty for no cap)').fill('5.00');
      await page.getByRole('button', { name: 'Save cap' }).click();
      await page.getByText('The monthly cap was saved.').waitFor();
      await shoot('19-costs-monthly-cap');

      expect(consoleErrors).toEqual([]);
    }, 120_000);
  },
);
