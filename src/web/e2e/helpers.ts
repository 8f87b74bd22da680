/** Shared steps of the web e2e tests: start a server and browser, open the app, check accessibility. */
import { expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../server/config.js';
import { ensureWebBuild } from '../../server/web-build.js';
import { chromiumAvailable, CHROMIUM, launchBrowser, type Browser } from './browser.js';
import { startServer, type ServerProcess } from './server-process.js';

export const root = projectRoot();
export const shots = join(root, 'out', 'screenshots');
/** The machine may be busy with other tests: give the page time. */
export const POLL = { timeout: 30_000, interval: 50 };

export const runE2E = chromiumAvailable() || !!process.env.CI;
export function warnSkipped(): void {
  if (!runE2E) console.warn(`web e2e tests skipped: ${CHROMIUM} not found (run scripts/ensure-browser.sh as root; in CI they run)`);
}

export interface Session {
  server: ServerProcess;
  browser: Browser;
  dataDir: string;
  close(): Promise<void>;
}

/** A built web app, `igem serve` on a fresh data folder with this model, and a browser. */
export async function startSession(model: string, extraArgs: string[] = []): Promise<Session> {
  ensureWebBuild(root, join(root, 'dist', 'public'));
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'igem-e2e-'));
  const server = await startServer(dataDir, join(root, model), 90_000, extraArgs);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    dataDir,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a URL and waits until the model ran once (the simulator marks each drawn run). */
export async function openSimulator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.lever', { state: 'attached', timeout: 120_000 });
  await page.waitForFunction(() => Number(document.body.dataset.drawSeq ?? 0) >= 1, undefined, { timeout: 60_000 });
}

/** axe-core's WCAG 2.1 A/AA rules: no serious or critical violation on the page as it is. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`,
  )) as string[];
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** The app's state object (read-only use in tests). */
export function appSettings(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { igem: { settings: Record<string, number> } }).igem.settings }));
}

/** One browser with several isolated contexts (separate storage and cookies), as separate people. */
export async function launchContexts(n: number): Promise<{ contexts: import('playwright-core').BrowserContext[]; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_FLAGS } = await import('./browser.js');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const contexts = await Promise.all(Array.from({ length: n }, () => browser.newContext({ viewport: { width: 1280, height: 720 } })));
  return { contexts, close: () => browser.close() };
}
