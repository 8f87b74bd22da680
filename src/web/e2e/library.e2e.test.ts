/**
 * The policy library on the Peru model: every policy with its source, SDG targets and levers; each
 * ready-made scenario offered; "run this policy" loads the scenario into the simulator; regions by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PERU_MODEL } from '../../server/config.js';
import { appSettings, expectAccessible, openSimulator, POLL, root, runE2E, shots, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();

describe.skipIf(!runE2E)('policy library (Peru model)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession(PERU_MODEL);
    page = await session.browser.context.newPage();
    await page.addInitScript(() => localStorage.setItem('igem.lang', 'es'));
  }, 240_000);
  afterAll(async () => session?.close());

  it('lists every policy with sources and levers, and offers every ready-made scenario', async () => {
    await openSimulator(page, `${session.server.url}#/simulator`);
    await page.goto(`${session.server.url}#/library`);
    await page.waitForSelector('article.policy');
    const policies = readdirSync(join(root, 'models', 'peru', 'policies')).filter((f) => f.endsWith('.json') && f !== 'scenario-titles.json');
    expect(await page.locator('article.policy').count()).toBe(policies.length);
    const scenarios = readdirSync(join(root, 'models', 'peru', 'scenarios')).filter((f) => f.endsWith('.json'));
    expect(await page.locator('[data-library-scenario]').count()).toBe(scenarios.length);
    const isc = page.locator('article[data-policy="isc-reform"]');
    expect(await isc.locator('h2').textContent()).toBe('Reforma del ISC a los combustibles según su nocividad');
    expect(await isc.textContent()).toContain('003-2018-MINAM');
    expect(await isc.textContent()).toContain('ODS 13.2');
    // Levers by their label from the model profile, with translated units, never a missing lever.
    expect(await isc.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.policy-levers .warning').count()).toBe(0);
    // Arequipa is a regional programme with its own budget lines, not a share of the national target.
    const arequipa = page.locator('article[data-policy="waste-arequipa"]');
    expect(await arequipa.locator('tr[data-lever-name="Arequipa Recycling Budget"]').count()).toBe(1);
    expect(await arequipa.textContent()).not.toContain('0,048');
    await page.screenshot({ path: join(shots, 'library-es.png'), fullPage: false });
    await expectAccessible(page);
  }, 120_000);

  it('runs a policy: its scenario is loaded into the simulator', async () => {
    await page.locator('article[data-policy="waste-arequipa"] [data-run-policy]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/simulator'));
    await expect.poll(async () => (await appSettings(page))['Arequipa Recycling Budget'], POLL).toBe(10);
    const settings = await appSettings(page);
    expect(settings['Arequipa Landfill Gas Budget']).toBe(1);
    // The run finished with these settings and the address carries them.
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toMatch(/p=/);
  }, 120_000);
});
