/**
 * Results from every model family on the Peru model: the simulator's result tabs switch between the
 * SD charts, the IO green jobs and the CGE prices and welfare; the CGE tab draws one EV bar per
 * household group (7 for Peru) with a table beside it; Spanish mode labels everything in Spanish
 * with decimal commas; axe-core finds no serious issue on either tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { PERU_MODEL } from '../../server/config.js';
import { en, es } from '../messages.js';
import { expectAccessible, openSimulator, POLL, runE2E, shots, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();

/** Texts of a panel (text nodes, SVG titles included) that are an English catalogue entry whose Spanish differs. */
async function englishIn(page: Page, selector: string): Promise<string[]> {
  const english = new Set<string>((Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] !== es[k] && !/\{\w+\}/.test(en[k])).map((k) => en[k]));
  const texts = await page.evaluate((sel) => {
    const out: string[] = [];
    const root = document.querySelector(sel)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
    return out;
  }, selector);
  return texts.filter((x) => english.has(x) || /^(Real GDP|Green jobs|Household group|Urban|Rural|Metropolitan)/.test(x));
}

const tabTexts = (page: Page) => page.locator('[role="tab"]').allTextContents();
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');

describe.skipIf(!runE2E)('results of the IO and CGE model families (Peru model)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession(PERU_MODEL);
    page = await session.browser.context.newPage();
    await page.addInitScript(() => localStorage.setItem('igem.lang', 'en'));
  }, 240_000);
  afterAll(async () => session?.close());

  it('tabs switch between the SD charts and the green jobs by sector', async () => {
    await openSimulator(page, `${session.server.url}#/simulator`);
    expect(await tabTexts(page)).toEqual(['SD', 'Green jobs (IO)', 'Prices and welfare (CGE)']);
    expect(await selectedTab(page)).toBe('sd');
    expect(await page.locator('#panel-sd .chart-card').first().isVisible()).toBe(true);
    await page.locator('[role="tab"][data-tab="io"]').click();
    await page.waitForSelector('.io-panel svg.stacked-bars', { timeout: 120_000 });
    expect(await page.locator('#panel-sd').isVisible()).toBe(false);
    // Two stacked charts (green status, formality) with a title and description each, 15 sectors.
    const charts = page.locator('.io-panel svg.stacked-bars');
    expect(await charts.count()).toBe(2);
    expect(await charts.first().locator('title').first().textContent()).toContain('Green, in transition and other');
    expect(await charts.first().locator('text.bar-label').count()).toBe(15);
    expect(await page.locator('.io-panel .result-card').count()).toBe(10);
    // The base year measured in the survey (issue 12): four totals with their intervals, marked SYNTHETIC.
    const measured = page.locator('.io-panel .measured-base-year');
    expect(await measured.locator('h3').textContent()).toBe('Base year measured in the labour-force survey (2022)');
    expect(await measured.locator('.result-card').count()).toBe(4);
    expect(await measured.locator('.warning').textContent()).toMatch(/^SYNTHETIC sample/);
    const green = await measured.locator('.result-card').first().textContent();
    expect(green).toMatch(/^Green jobs199\.5 thousand persons95 % interval: 176\.6 to 222\.4$/);
    await expectAccessible(page);
  }, 240_000);

  it('the CGE tab answers the fuel-tax levers with one EV bar per household group', async () => {
    await page.evaluate(() => (window as unknown as { igem: { setLever(n: string, v: number): void } }).igem.setLever('Carbon Price', 100));
    // Arrow keys move between tabs.
    await page.locator('[role="tab"][data-tab="io"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedTab(page)).toBe('cge');
    await page.waitForSelector('.cge-panel .ev-bar', { timeout: 180_000 });
    expect(await page.locator('.cge-panel .ev-bar').count()).toBe(7);
    expect(await page.locator('.cge-panel .ev-table tbody tr').count()).toBe(7);
    expect(await page.locator('.cge-panel .result-card').count()).toBe(5);
    // A carbon tax lowers fuel CO2 against the CGE baseline.
    const co2 = await page.locator('.cge-panel .result-card').nth(4).locator('.result-value').textContent();
    expect(co2).toMatch(/^[−-]\d/);
    expect(await page.locator('.cge-panel').textContent()).toContain('every year converged');
    await expectAccessible(page);
  }, 240_000);

  it('in Spanish: tab names, household groups and sectors in Spanish, decimal commas', async () => {
    await page.locator('button.lang[lang="es"]').click();
    await expect.poll(() => tabTexts(page), POLL).toEqual(['SD', 'Empleos verdes (IO)', 'Precios y bienestar (CGE)']);
    expect(await selectedTab(page)).toBe('cge');
    await page.waitForSelector('.cge-panel .ev-bar', { timeout: 180_000 });
    const rows = await page.locator('.cge-panel .ev-table tbody th').allTextContents();
    expect(rows).toContain('Sierra rural');
    expect(rows).toContain('Lima Metropolitana y Callao');
    const cells = await page.locator('.cge-panel .ev-table tbody td:nth-child(2)').allTextContents();
    for (const c of cells) expect(c).toMatch(/^[+−]?\d+,\d{2} %$/);
    expect(await page.locator('.cge-panel h3').textContent()).toBe('Precios, PBI, recaudación y bienestar en 2030');
    expect(await page.locator('.cge-panel').textContent()).not.toMatch(/Real GDP|Household group|every year converged/);
    expect(await englishIn(page, '.cge-panel')).toEqual([]);
    await page.screenshot({ path: join(shots, 'results-cge-es.png'), fullPage: true });
    await expectAccessible(page);
    await page.locator('[role="tab"][data-tab="io"]').click();
    await page.waitForSelector('.io-panel svg.stacked-bars');
    const sectors = await page.locator('.io-panel svg.stacked-bars').first().locator('text.bar-label').allTextContents();
    expect(sectors).toContain('Agricultura');
    expect(sectors).toContain('Administración pública');
    expect(await page.locator('.io-panel h3').first().textContent()).toBe('Empleos por sector en 2030');
    expect(await page.locator('.io-panel .measured-base-year h3').textContent()).toBe('Año base medido en la encuesta de empleo (2022)');
    expect(await page.locator('.io-panel .measured-base-year .result-card').first().textContent()).toMatch(/intervalo al 95 %: 176,6 a 222,4$/);
    expect(await englishIn(page, '.io-panel')).toEqual([]);
    await page.screenshot({ path: join(shots, 'results-io-es.png'), fullPage: true });
    await expectAccessible(page);
  }, 240_000);

  it('the Excel export carries the IO jobs by sector and the CGE headline results, in Spanish', async () => {
    await page.goto(`${session.server.url}#/simulator`);
    await page.waitForSelector('.lever', { state: 'attached', timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.getByRole('button', { name: 'Excel' }).click()]);
    const wb = XLSX.read(readFileSync((await download.path())!));
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['IO y CGE', 'Empleos verdes']));
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['IO y CGE']!, { header: 1 });
    const labels = rows.map((r) => r[0]);
    expect(labels).toEqual(expect.arrayContaining(['Empleos verdes (miles de personas)', 'PBI real (% de cambio)', 'Recaudación tributaria (% de cambio)', 'Precios al consumidor (IPC) (% de cambio)']));
    expect(labels.filter((l) => /^VE .* \(% del ingreso\)$/.test(String(l)))).toHaveLength(7);
    // Current settings (carbon price 100) and business as usual: the tax lowers fuel CO2 only in the first.
    const co2 = rows.find((r) => r[0] === 'CO₂ de combustibles (% de cambio)')!;
    expect(co2[1]).toBeLessThan(0);
    expect(co2[2]).toBe(0);
    const sectors = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Empleos verdes']!, { header: 1 });
    expect(sectors).toHaveLength(2 + 15 + 1);
    expect(sectors[1]![0]).toBe('Sector');
  }, 360_000);

  it('compare shows the jobs and the CGE results per scenario', async () => {
    const created = await page.request.post(new URL('/api/scenarios', session.server.url).href, { data: { modelId: 'peru', name: 'Impuesto al carbono', params: { 'Carbon Price': 150 } } });
    expect(created.status()).toBe(201);
    // The page is open already: it learns of the new scenario as after a save.
    await page.evaluate(() => (window as unknown as { igem: { reloadScenarios(): Promise<void> } }).igem.reloadScenarios());
    await page.goto(`${session.server.url}#/compare`);
    await page.getByLabel('Impuesto al carbono').check();
    const table = page.locator('table.results-compare');
    await table.waitFor({ timeout: 240_000 });
    // Columns: business as usual, the scenario, the current settings (carbon price 100).
    // The view redraws when the scenario's run arrives (the results come again from the server's cache).
    await expect.poll(() => table.locator('thead th').count(), { timeout: 240_000, interval: 200 }).toBe(4);
    await expect.poll(() => table.locator('tbody th', { hasText: /^VE / }).count(), { timeout: 240_000, interval: 200 }).toBe(7);
    await page.waitForTimeout(1000);
    await table.waitFor({ timeout: 240_000 });
    const co2 = await table.locator('tbody tr', { hasText: 'CO₂ de combustibles' }).locator('td').allTextContents();
    expect(co2[0]).toBe('0,00 %');
    expect(co2[1]).toMatch(/^−\d+,\d\d %$/);
    await page.screenshot({ path: join(shots, 'results-compare-es.png'), fullPage: true });
    await expectAccessible(page);
  }, 360_000);
});
