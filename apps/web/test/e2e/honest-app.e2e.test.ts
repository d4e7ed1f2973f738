// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '@app/api/client';
import { discardAbandonedPlans } from '@app/importer';
import { createSandboxBank } from '@app/sandbox';
import { createRemixWebHandler } from '@app/server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { daysAgo, startTestServer, type TestServer } from '../../../server/test/server-harness';

const chromiumPath = '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
const webDir = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = path.join(webDir, 'build');
const screenshots = fileURLToPath(new URL('../../../../test-output/screenshots', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const password = 'correct horse battery';
const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** A sandbox person whose every account and card answers 403, so an import of their bank fails as a whole. */
const brokenUser = 'carol';
function failingAccountsOf(user: string) {
  const { accounts, cards } = createSandboxBank({ seed: 7 }).accountsOf(user);
  return Object.fromEntries(
    [...accounts, ...cards].map((a) => [a.account_id, { status: 403, error: 'account_permanently_locked' }]),
  );
}

const missingBrowser = existsSync(chromiumPath) ? null : `${chromiumPath} is missing`;

describe.skipIf(missingBrowser !== null)('the app tells the truth, in a real browser', () => {
  let h: TestServer;
  let api: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let johnId: string;
  let carolId: string;

  async function connect(user: string) {
    const { url } = await api.connections.startOAuth.mutate({});
    const consent = await fetch(`${url}&sandbox_auto=1&user=${user}`, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    return api.connections.completeOAuth.mutate({
      code: callback.searchParams.get('code') ?? '',
      state: callback.searchParams.get('state') ?? '',
    });
  }

  async function startImport(connectionId: string, days: number) {
    const plan = await api.importPlan.mutate({ connectionId, fromDate: daysAgo(days), toDate: daysAgo(0) });
    await api.importStart.mutate({ jobId: plan.jobId });
    return plan.jobId;
  }

  async function waitForStatus(jobId: string, status: string) {
    for (let i = 0; i < 300; i++) {
      const detail = await api.importJob.query({ jobId });
      if (detail.job.status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`job ${jobId} never became ${status}`);
  }

  /** The page's serious and critical accessibility problems, as axe-core reports them. */
  async function seriousViolations(target: Page) {
    await target.addScriptTag({ content: axeSource });
    const violations = (await target.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
    )) as { id: string; impact: string; nodes: string[] }[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  beforeAll(async () => {
    if (!existsSync(path.join(buildDir, 'server', 'index.js')))
      execFileSync('pnpm', ['exec', 'remix', 'vite:build'], { cwd: webDir, stdio: 'pipe' });
    mkdirSync(screenshots, { recursive: true });
    h = await startTestServer({
      // Slow enough that a person can pause, resume and cancel a two-year import while it runs.
      sandbox: {
        latency: { fixedMs: 900, jitterMs: 0 },
        faults: { failingAccounts: failingAccountsOf(brokenUser) },
      },
      web: createRemixWebHandler({ buildDir, demoUser: null }),
    });
    const signedUp = await h.signUp('truth@example.test');
    api = signedUp.api;
    johnId = (await connect('john')).id;
    carolId = (await connect(brokenUser)).id;
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'spending-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumFlags,
      viewport: { width: 1280, height: 900 },
      // axe-core is injected as an inline script, which the app's nonce CSP rightly refuses; the CSP itself is
      // checked page by page in security-headers.e2e.test.ts.
      bypassCSP: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${h.url}/sign-in`);
    await page.getByLabel('Email').fill('truth@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await h?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('the Queue and a second tab follow pause, resume and cancel; a cancelled import is not 100%', async () => {
    await page.goto(`${h.url}/queue`);
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    const jobId = await startImport(johnId, 729);
    // The queue was open before the import existed: it shows up by itself.
    const running = page.getByRole('region', { name: 'Running' });
    await running.getByRole('link').first().waitFor({ timeout: 15_000 });

    const tab = await context.newPage();
    await tab.goto(`${h.url}/imports/${jobId}`);
    const header = tab.locator('.header-status');
    await header.getByText('Running').waitFor({ timeout: 15_000 });

    await api.importPause.mutate({ jobId }); // from elsewhere, as another tab or the CLI would
    await header.getByText('Paused').waitFor({ timeout: 30_000 });
    await header.getByRole('button', { name: 'Resume' }).waitFor();
    const paused = page.getByRole('region', { name: 'Paused' });
    await paused.getByRole('link').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(screenshots, 'truth-queue-paused.png'), fullPage: true });

    await api.importResume.mutate({ jobId });
    await header.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 30_000 });
    expect(await header.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    await running.getByRole('link').first().waitFor({ timeout: 15_000 });

    await header.getByRole('button', { name: 'Cancel' }).click();
    await waitForStatus(jobId, 'cancelled');
    await header.getByText('Cancelled').waitFor({ timeout: 30_000 });
    const overall = tab.getByRole('progressbar', { name: 'Overall progress' });
    await overall.waitFor();
    expect(Number(await overall.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await tab.locator('.progress-percent').textContent()).not.toBe('100%');
    expect(await overall.getAttribute('data-tone')).toBe('neutral');
    await tab.screenshot({ path: path.join(screenshots, 'truth-job-cancelled.png'), fullPage: true });
    // Nothing else runs, so the queue is empty again (its empty state replaces the sections).
    await page.getByText('Nothing in the queue').waitFor({ timeout: 15_000 });
    await tab.close();
  }, 240_000);

  test('a failed import is not 100% and its bar is red', async () => {
    const jobId = await startImport(carolId, 20);
    await waitForStatus(jobId, 'failed');
    await page.goto(`${h.url}/imports/${jobId}`);
    const overall = page.getByRole('progressbar', { name: 'Overall progress' });
    await overall.waitFor();
    expect(Number(await overall.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await overall.getAttribute('data-tone')).toBe('danger');
    expect(await page.getByText(/of 3 accounts completed; 3 failed/).count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'truth-job-failed.png'), fullPage: true });
  }, 120_000);

  test('a plan nobody started is listed as planned, can be discarded, and goes by itself after a day', async () => {
    const first = await api.importPlan.mutate({
      connectionId: johnId,
      fromDate: daysAgo(10),
      toDate: daysAgo(0),
    });
    const second = await api.importPlan.mutate({
      connectionId: johnId,
      fromDate: daysAgo(5),
      toDate: daysAgo(0),
    });
    await page.goto(`${h.url}/queue`);
    const planned = page.getByRole('region', { name: 'Planned, not started' });
    await planned.waitFor();
    expect(await planned.getByRole('listitem').count()).toBe(2);
    expect(await planned.getByRole('button', { name: 'Start' }).count()).toBe(2);
    await planned.getByRole('listitem').first().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => planned.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);

    // The other is walked away from: a day later the scheduler's pass discards it.
    const left = [first.jobId, second.jobId];
    await h.db.importJob.updateMany({
      where: { id: { in: left } },
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    expect(await discardAbandonedPlans(h.db, new Date())).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Planned, not started' }).count()).toBe(0);
  }, 120_000);

  test('every page at 1280 and 390 px: the amount is in view, no serious accessibility problem, a screenshot', async () => {
    const done = await startImport(johnId, 10); // transactions to show, whatever the tests before left
    await waitForStatus(done, 'completed');
    const anyJob = done;
    const pages = [
      ['banks', '/connections'],
      ['history', '/imports'],
      ['job', `/imports/${anyJob}`],
      ['queue', '/queue'],
      ['schedules', '/schedules'],
      ['costs', '/costs'],
      ['transactions', '/transactions'],
      ['account', '/account'],
      ['enrichment', '/settings'],
      ['not-found', '/no-such-page'],
    ] as const;
    const problems: string[] = [];
    for (const size of widths) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [name, url] of pages) {
        await page.goto(`${h.url}${url}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        await page.screenshot({
          path: path.join(screenshots, `page-${name}-${size.width}.png`),
          fullPage: true,
        });
        for (const v of await seriousViolations(page))
          problems.push(`${name} @${size.width}: ${v.id} (${v.impact}) ${v.nodes.join(', ')}`);
      }
      console.log(problems.join('\n'));
      await page.goto(`${h.url}/transactions`);
      const amount = page.locator('td.amount').first();
      await amount.waitFor();
      const box = await amount.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width);
      expect(await amount.isVisible()).toBe(true);
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
