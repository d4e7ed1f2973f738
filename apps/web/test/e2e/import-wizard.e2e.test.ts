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
const demo = { email: 'demo@example.com', password: 'demo-password' };

const missingBrowser = existsSync(chromiumPath)
  ? null
  : `${chromiumPath} is missing (apt-get install -y chromium)`;

describe.skipIf(missingBrowser !== null)(
  `the import flow in a real browser${missingBrowser ? ` (skipped: ${missingBrowser})` : ''}`,
  () => {
    let database: TestDatabase;
    let server: Awaited<ReturnType<typeof startServer>>;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      // The server serves the production build; build it when this checkout has none yet.
      if (!existsSync(path.join(buildDir, 'server', 'index.js')))
        execFileSync('pnpm', ['exec', 'remix', 'vite:build'], { cwd: webDir, stdio: 'pipe' });
      mkdirSync(screenshots, { recursive: true });
      database = await createTestDatabase('sqlite');
      await ensureUser(database.db, { ...demo, name: 'Demo' });
      server = await startServer(
        {
          port: 0,
          host: '127.0.0.1',
          databaseUrl: database.url,
          tokenKeys: { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' },
          bank: { kind: 'embedded-sandbox', port: 0, options: { seed: 11 } },
          importer: { workers: 4, jobConcurrency: 4 },
          sessionTtlDays: 30,
          // The user exists without a bank: the test connects one through the real OAuth round trip.
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
      // Only the app's own errors count: the sandbox bank's pages are a stand-in for a real bank's.
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

    test('sign in, connect the sandbox bank, run the wizard with live progress and find the job in history', async () => {
      await page.goto(`${server.url}/`);
      await page.waitForURL('**/sign-in');
      await shoot('01-sign-in');
      await page.getByLabel('Email').fill(demo.email);
      await page.getByLabel('Password').fill(demo.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Connect your first bank' }).waitFor();
      await shoot('02-banks-empty');

      // The real OAuth redirect: the sandbox's consent page, then back to /connections/callback.
      await page.getByRole('button', { name: 'Connect a bank' }).first().click();
      await page.waitForURL((url) => url.origin !== new URL(server.url).origin);
      await page.getByRole('button', { name: 'Allow' }).waitFor();
      // The sandbox's consent page waits for the person (it allows by itself only when a test opts in).
      await shoot('03-bank-consent');
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL('**/connections?connected=*');
      await page.getByText('Bank connected').waitFor();
      // the banner says which bank: its name with the first account's digits
      await page.getByText(/MOCK ••\d+ is connected/).waitFor();
      // a connection can be named, and is then called so on its card
      await page.getByText('Rename', { exact: true }).click();
      await page.getByLabel('Name for this connection').fill('MOCK joint');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('heading', { name: 'MOCK joint', exact: true }).waitFor();
      await shoot('04-banks-connected', true);

      await page.getByRole('button', { name: 'Advanced import' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Choose the dates' }).waitFor();
      await dialog.getByRole('radio', { name: '3 months' }).check();
      expect(await dialog.getByText(/days selected/).textContent()).toMatch(/^90 days selected/);
      await shoot('05-wizard-dates');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('heading', { name: 'Choose accounts and cards' }).waitFor();
      await shoot('06-wizard-accounts');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('heading', { name: 'Import settings' }).waitFor();
      await shoot('07-wizard-settings');
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByLabel('Estimate').waitFor();
      await shoot('08-wizard-review');
      await dialog.getByRole('button', { name: 'Start import' }).click();

      await dialog.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
      expect(
        await dialog.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow'),
      ).toBe('100');
      expect(await dialog.getByRole('status').first().textContent()).toMatch(
        /^Import complete: \d+ new transactions from 3 accounts/,
      );
      await shoot('09-wizard-progress-complete');
      // It closes itself a few seconds after finishing and the page shows the fresh sync times.
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      expect(await page.getByRole('cell', { name: 'never' }).count()).toBe(0);

      await page.getByRole('link', { name: 'Import history' }).click();
      await page.waitForURL('**/imports');
      await page.getByRole('heading', { name: 'Import history' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Completed' });
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      await shoot('10-import-history');
      await row.getByRole('link').click();
      await page.getByRole('heading', { name: 'Per-account results' }).waitFor();
      await shoot('11-import-job', true);

      await page.getByRole('link', { name: 'Transactions' }).click();
      await page.getByRole('columnheader', { name: 'Amount' }).waitFor();
      await shoot('12-transactions');
      await page.getByRole('link', { name: 'Queue' }).click();
      await page.getByRole('heading', { name: 'Recently finished' }).waitFor();
      await shoot('13-queue');
      await page.getByRole('link', { name: 'Schedules' }).click();
      await page.getByRole('button', { name: 'New schedule' }).click();
      await page.getByRole('radio', { name: 'Every week' }).check();
      await page.getByLabel('Days back each run').fill('14');
      await shoot('14-schedules-new');
      await page.getByRole('button', { name: 'Create schedule' }).click();
      await page.getByRole('heading', { name: 'Every week · MOCK' }).waitFor();
      await shoot('15-schedules');
      await page.getByRole('link', { name: 'Costs' }).click();
      await page.getByRole('heading', { name: 'Per job' }).waitFor();
      await page.waitForTimeout(1500); // the charts draw after hydration and animate in
      await shoot('16-costs', true);

      expect(consoleErrors).toEqual([]);
    }, 120_000);
  },
);
