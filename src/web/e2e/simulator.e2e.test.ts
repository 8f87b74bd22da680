/**
 * End-to-end: the web simulator in headless Debian chromium against `igem serve` on the example
 * model. Screenshots of the main views go to out/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { EXAMPLE_MODEL, PERU_MODEL, projectRoot } from '../../server/config.js';
import { ensureWebBuild } from '../../server/web-build.js';
import { chromiumAvailable, CHROMIUM, launchBrowser, type Browser } from './browser.js';
import { startServer, type ServerProcess } from './server-process.js';

const root = projectRoot();
const shots = join(root, 'out', 'screenshots');
const runE2E = chromiumAvailable() || !!process.env.CI;
if (!runE2E) console.warn(`web e2e tests skipped: ${CHROMIUM} not found (run scripts/ensure-browser.sh as root; in CI they run)`);

/** A stock with an inflow, drawn in a Vensim sketch (box, valve, cloud, two pipes, one arrow). */
const SKETCHED = [
  '{UTF-8}',
  'Stock A = INTEG(inflow, 1)\n\t~\tthings\n\t~\t|',
  'inflow = Stock A * rate\n\t~\tthings/Year\n\t~\t|',
  'rate = 0.1\n\t~\t1/Year [0,0.5,0.01]\n\t~\t|',
  'FINAL TIME = 10\n\t~\tYear\n\t~\t|',
  'INITIAL TIME = 0\n\t~\tYear\n\t~\t|',
  'SAVEPER = 1\n\t~\tYear\n\t~\t|',
  'TIME STEP = 0.25\n\t~\tYear\n\t~\t|',
  '\\\\\\---/// Sketch information - do not modify anything except names',
  'V300  Do not put anything below this section - it will be ignored',
  '*View 1',
  '$192-192-192,0,Helvetica|12|B|0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0',
  '10,1,Stock A,300,200,40,20,3,3,0,0,0,0,0,0',
  '12,2,48,150,200,10,8,0,3,0,0,-1,0,0,0',
  '11,3,0,220,200,6,8,34,3,0,0,1,0,0,0',
  '10,4,inflow,220,220,22,7,40,3,0,0,-1,0,0,0',
  '1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(250,200)|',
  '1,6,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(185,200)|',
  '10,7,rate,150,280,20,7,8,3,0,0,0,0,0,0',
  '1,8,7,4,0,0,0,0,0,64,0,-1--1--1,,1|(185,250)|',
  '///---\\\\\\',
  ':L<%^E!@',
].join('\n');

const BROKEN = ['{UTF-8}', 'x = 1', '\t~\tDmnl', '\t~\t|', '', 'y = x + * 2', '\t~\tDmnl', '\t~\t|', ''].join('\n');

/** The machine may be busy with other tests: give the page time. */
const POLL = { timeout: 20_000, interval: 50 };

const TAX = '[data-lever="carbon tax"]';
const CO2_CHART = 'figure[data-chart="Fossil CO2 Emissions"]';

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector(TAX);
  await page.waitForFunction(() => Number(document.body.dataset.drawSeq ?? 0) >= 1);
}

async function co2In2050(page: Page): Promise<number> {
  return Number(await page.locator(CO2_CHART).getAttribute('data-current'));
}

/** WCAG 2.1 A and AA rules of axe-core (contrast, labels, names, roles) on the page as it is. */
async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`)) as string[];
  expect(violations).toEqual([]);
}

async function saveScenario(page: Page, name: string, description = ''): Promise<void> {
  await page.getByRole('button', { name: /^(Save scenario|Guardar escenario)$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^(Name|Nombre)$/).fill(name);
  await dialog.getByLabel(/^(Description|Descripción)$/).fill(description);
  await dialog.getByRole('button', { name: /^(Save|Guardar)$/ }).click();
  await page.waitForSelector(`.scenario-name:text-is("${name}")`);
}

describe.skipIf(!runE2E)('web simulator in chromium', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const model = join(root, EXAMPLE_MODEL);

  beforeAll(async () => {
    ensureWebBuild(root, join(root, 'dist', 'public'));
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'igem-e2e-'));
    server = await startServer(dataDir, model);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the app, and a moved lever redraws the charts', async () => {
    await openApp(page, server.url);
    expect(await page.locator('.chart-card').count()).toBeGreaterThanOrEqual(2);
    // The example model has no IO table or CGE beside it (the server says so): no result tabs at all.
    expect(await page.locator('[role="tab"]').count()).toBe(0);
    expect(await page.locator('[data-tab="io"], [data-tab="cge"], #panel-io, #panel-cge').count()).toBe(0);
    const before = await co2In2050(page);
    await page.locator(TAX).fill('100');
    await expect.poll(() => co2In2050(page), POLL).toBeLessThan(before * 0.95);
    // The dashboard shows the new 2050 value too, and the lever is marked as changed.
    const row = page.locator('tr[data-indicator="Fossil CO2 Emissions"] .current-value').nth(1);
    await expect.poll(async () => (await row.textContent()) ?? '', POLL).not.toBe('');
    await expect.poll(() => page.locator('.lever.changed').count(), POLL).toBe(1);
    await page.screenshot({ path: join(shots, 'simulator-1280x720.png') });
    await expectAccessible(page);
    // The chart's data table: every fifth year, business as usual and the current scenario.
    const card = page.locator(CO2_CHART);
    await card.getByText('Data table').click();
    const rows = card.locator('table.chart-table tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(11);
    expect(await card.locator('table.chart-table thead th').allTextContents()).toEqual(['Year', 'Business as usual', 'Current scenario']);
    const last = await rows.last().locator('th, td').allTextContents();
    expect(last[0]).toBe('2050');
    expect(Number(last[2]!.replace(/,/g, ''))).toBeLessThan(Number(last[1]!.replace(/,/g, '')));
  });

  it('moves a lever from the keyboard', async () => {
    const slider = page.locator('[data-lever="policy start year"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue(), POLL).toBe('2026');
    await page.getByRole('button', { name: /Reset policy start year/ }).click();
    await expect.poll(() => slider.inputValue(), POLL).toBe('2025');
  });

  it('coalesces rapid lever moves into few runs and shows the last position', async () => {
    // Start from rest: runs left from the previous test would be counted too.
    await page.waitForFunction(() => (window as unknown as { igem: { idle: boolean } }).igem.idle);
    const seq0 = Number(await page.evaluate(() => document.body.dataset.drawSeq));
    await page.evaluate((sel) => {
      const el = document.querySelector<HTMLInputElement>(sel)!;
      for (let v = 5; v <= 100; v += 5) {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, TAX);
    await page.waitForFunction((s) => Number(document.body.dataset.drawSeq) > s, seq0);
    await page.waitForTimeout(300);
    const runs = Number(await page.evaluate(() => document.body.dataset.drawSeq)) - seq0;
    // 20 moves in one task: the first runs, the other 19 collapse into one.
    expect(runs).toBeLessThanOrEqual(2);
    const settings = await page.evaluate(() => (window as unknown as { igem: { settings: Record<string, number> } }).igem.settings);
    expect(settings['carbon tax']).toBe(100);
  });

  let shareLink = '';

  it('saves a scenario, finds it after a reload, and shares it by link', async () => {
    await saveScenario(page, 'Carbon tax 100', 'A tax of 100 soles/tCO2 from 2025');
    await page.reload();
    await page.goto(`${server.url}#/scenarios`);
    const row = page.locator('tr[data-scenario="Carbon tax 100"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('A tax of 100 soles/tCO2');
    await page.screenshot({ path: join(shots, 'scenarios.png') });
    await expectAccessible(page);

    await row.getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector(TAX);
    await expect.poll(() => page.locator(TAX).inputValue(), POLL).toBe('100');
    await page.getByRole('button', { name: 'Share link' }).click();
    shareLink = await page.locator('.share-url').inputValue();
    expect(shareLink).toContain('#/simulator?model=green-growth&p=');

    const other = await browser.context.newPage();
    await openApp(other, shareLink);
    expect(await other.locator(TAX).inputValue()).toBe('100');
    expect(await other.locator('[data-lever="savings rate"]').inputValue()).toBe('0.2');
    await other.close();
  });

  it('compares two saved scenarios', async () => {
    await page.locator(TAX).fill('30');
    await saveScenario(page, 'Carbon tax 30');
    await page.goto(`${server.url}#/compare`);
    await page.getByLabel('Carbon tax 100').check();
    await page.getByLabel('Carbon tax 30').check();
    const table = page.locator('table.compare-table');
    // Each scenario gets its column once its run is done; the current settings equal "Carbon tax 30", so no extra column.
    await expect.poll(() => table.locator('thead th').allTextContents(), POLL).toEqual(['Indicator', 'Year', 'Business as usual', 'Carbon tax 100', 'Carbon tax 30']);
    const head = await table.locator('thead th').allTextContents();
    // The first indicator is the first chart, CO2; its second row is 2050 (cells: year, then one per scenario).
    const colOf = (name: string) => head.indexOf(name) - 1;
    const cells = await table.locator('tbody tr').nth(1).locator('td').allTextContents();
    expect(cells[0]).toBe('2050');
    // The stronger tax emits less.
    const num = (s: string) => Number(s.replace(/\s*\(.*$/, '').replace(/,/g, ''));
    expect(num(cells[colOf('Carbon tax 100')]!)).toBeLessThan(num(cells[colOf('Carbon tax 30')]!));
    expect(num(cells[colOf('Carbon tax 30')]!)).toBeLessThan(num(cells[colOf('Business as usual')]!));
    await page.screenshot({ path: join(shots, 'compare.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('exports the current scenario as CSV', async () => {
    await page.goto(`${server.url}#/simulator`);
    await page.waitForSelector(TAX);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = text.trim().split('\n');
    const cols = header!.split(',');
    expect(cols[0]).toBe('Time');
    expect(cols).toContain('Fossil CO2 Emissions');
    // SAVEPER 5 from 2000 to 2050: 11 rows, and the carbon tax column holds the lever's value.
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual([2000, 2005, 2010, 2015, 2020, 2025, 2030, 2035, 2040, 2045, 2050]);
    const tax = cols.indexOf('carbon tax');
    expect(rows.every((r) => Number(r.split(',')[tax]) === 30)).toBe(true);
  });

  it('exports Excel and PDF', async () => {
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = XLSX.read(readFileSync((await xlsxDownload.path())!));
    expect(wb.SheetNames.slice(0, 3)).toEqual(['Levers', 'Carbon tax 30', 'Business as usual']);
    // No IO or CGE sheet for a model without them.
    expect(wb.SheetNames.filter((n) => /IO|CGE|jobs/.test(n))).toEqual([]);
    const levers = XLSX.utils.sheet_to_json<{ Lever: string; Value: number; Default: number }>(wb.Sheets['Levers']!);
    expect(levers.find((r) => r.Lever === 'carbon tax')).toMatchObject({ Value: 30, Default: 0 });
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF report' }).click()]);
    const pdf = readFileSync((await pdfDownload.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000); // text plus the chart images
  });

  it('switches to Spanish with locale number formats', async () => {
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('es');
    expect(await page.getByRole('link', { name: 'Simulador' }).count()).toBe(1);
    expect(await page.locator('#dashboard-title').textContent()).toBe('Tablero ODS');
    expect(await page.getByRole('button', { name: 'Guardar escenario' }).count()).toBe(1);
    // Spanish numbers use the decimal comma and group thousands with a point: the lever's help shows "26.000.000".
    expect(await page.locator('.lever[data-name="initial population"] .default').textContent()).toContain('26.000.000');
    await page.screenshot({ path: join(shots, 'simulator-es.png') });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
  });

  it('explores a variable: equation, units, causes and uses', async () => {
    await page.goto(`${server.url}#/explorer?var=population`);
    await page.waitForSelector('.variable');
    expect(await page.locator('.equation').first().textContent()).toContain('INTEG');
    await page.locator('.variable dd a', { hasText: 'births' }).first().click();
    await expect.poll(() => page.locator('.variable h2').textContent(), POLL).toContain('births');
    await page.screenshot({ path: join(shots, 'explorer.png') });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Diagram' }).click();
    await page.waitForSelector('svg.diagram');
    await page.screenshot({ path: join(shots, 'explorer-diagram.png') });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Feedback loops' }).click();
    await expect.poll(() => page.locator('ol.loops li').count(), POLL).toBe(4);
    // The example model has no history beside it: the calibration view says so.
    await page.getByRole('link', { name: 'Calibration' }).click();
    await expect.poll(() => page.locator('.calibration').textContent(), POLL).toContain('no historical data');
  });

  it('uploads a broken model and shows the error with its line', async () => {
    await page.goto(`${server.url}#/upload`);
    await page.getByLabel('Model file (.mdl, .xmile)').setInputFiles({ name: 'broken.mdl', mimeType: 'text/plain', buffer: Buffer.from(BROKEN) });
    await page.getByRole('button', { name: 'Upload and open' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/broken\.mdl: line 6, column \d+/);
    expect(await alert.locator('mark').textContent()).toContain('y = x + * 2');
    await page.screenshot({ path: join(shots, 'upload-error.png') });
    await expectAccessible(page);
  });

  it('uploads a good model and makes sliders for its constants', async () => {
    const text = readFileSync(model, 'utf8').replace('carbon tax=\n\t0', 'carbon tax=\n\t10');
    await page.getByLabel('Model file (.mdl, .xmile)').setInputFiles({ name: 'mine.mdl', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByLabel('Display name (optional)').fill('My model');
    await page.getByRole('button', { name: 'Upload and open' }).click();
    await page.waitForSelector(TAX);
    expect(await page.locator(TAX).inputValue()).toBe('10');
    expect(await page.locator('#model-select option:checked').textContent()).toBe('My model');
  });

  it('opens an uploaded XMILE model, its equations shown in Vensim notation', async () => {
    await page.goto(`${server.url}#/upload`);
    const xmile = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
      '<header><vendor>IGEM</vendor><product version="1">test</product></header>',
      '<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>',
      '<model><variables>',
      '<stock name="Stock"><eqn>1</eqn><inflow>growth</inflow></stock>',
      '<flow name="growth"><eqn>Stock * rate</eqn></flow>',
      '<aux name="rate"><eqn>0.1</eqn><units>1/Year</units></aux>',
      '</variables></model>',
      '</xmile>',
    ].join('\n');
    await page.getByLabel('Model file (.mdl, .xmile)').setInputFiles({ name: 'growth.xmile', mimeType: 'application/xml', buffer: Buffer.from(xmile) });
    await page.getByRole('button', { name: 'Upload and open' }).click();
    await page.waitForSelector('[data-lever="rate"]');
    await page.goto(`${server.url}#/explorer?var=stock`);
    await expect.poll(() => page.locator('.equation').first().textContent(), POLL).toBe('Stock = INTEG(growth, 1)');
    expect(await page.locator('.variable').textContent()).toContain('growth.xmile:6:');
  });

  it('draws an uploaded model\'s own sketch', async () => {
    await page.goto(`${server.url}#/upload`);
    await page.getByLabel('Model file (.mdl, .xmile)').setInputFiles({ name: 'sketched.mdl', mimeType: 'text/plain', buffer: Buffer.from(SKETCHED) });
    await page.getByRole('button', { name: 'Upload and open' }).click();
    await page.waitForSelector('[data-lever="rate"]');
    await page.goto(`${server.url}#/explorer?var=stock a&tab=diagram`);
    await page.waitForSelector('svg.diagram');
    expect(await page.locator('.diagram-wrap').evaluate((el) => el.previousElementSibling?.textContent)).toContain('as drawn in the model');
    expect(await page.locator('svg.diagram .node.stock').count()).toBe(1);
    expect(await page.locator('svg.diagram .node.valve').count()).toBe(1);
    expect(await page.locator('svg.diagram path.pipe').count()).toBe(2);
    expect(await page.locator('svg.diagram path.link').count()).toBe(1);
    // Clicking a variable in the diagram selects it.
    await page.getByRole('button', { name: 'rate', exact: true }).click();
    await expect.poll(() => page.locator('svg.diagram .node.selected text').textContent(), POLL).toBe('rate');
    await page.screenshot({ path: join(shots, 'explorer-sketch.png') });
    await expectAccessible(page);
  });

  it('keeps a saved scenario when the server is killed and restarted', async () => {
    await openApp(page, `${server.url}#/simulator?model=green-growth`);
    await page.locator(TAX).fill('150');
    await saveScenario(page, 'Saved before SIGKILL');
    await server.kill();
    server = await startServer(dataDir, model);
    await page.goto(`${server.url}#/scenarios`);
    await page.locator('tr[data-scenario="Saved before SIGKILL"]').waitFor();
    const names = await page.locator('.scenario-row-name').allTextContents();
    expect(names).toEqual(['Carbon tax 100', 'Carbon tax 30', 'Saved before SIGKILL']);
  });

  it('fits a tablet screen', async () => {
    const tablet = await browser.context.newPage();
    await tablet.setViewportSize({ width: 768, height: 1024 });
    await openApp(tablet, server.url);
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tablet.screenshot({ path: join(shots, 'simulator-tablet-768x1024.png') });
    await expectAccessible(tablet);
    await tablet.close();
  });
});

describe.skipIf(!runE2E)('a model with a display profile', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild(root, join(root, 'dist', 'public'));
    dir = mkdtempSync(join(tmpdir(), 'igem-e2e-profile-'));
    copyFileSync(join(root, EXAMPLE_MODEL), join(dir, 'profiled.mdl'));
    writeFileSync(
      join(dir, 'profiled.web.json'),
      JSON.stringify({
        levers: [{ name: 'carbon tax', group: 'Climate', label: { en: 'Carbon tax', es: 'Impuesto al carbono' }, help: { en: 'Soles per tonne', es: 'Soles por tonelada' } }],
        indicators: [{ name: 'Fossil CO2 Emissions', sdg: '13.2', target: { year: 2030, value: 60, direction: 'max' } }],
        charts: ['Fossil CO2 Emissions', 'Population'],
        uncertainty: { parameters: ['birth rate=uniform(0.01,0.02)'], runs: 20, seed: 3 },
      }),
    );
    server = await startServer(join(dir, 'data'), join(dir, 'profiled.mdl'));
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows its levers and targets, judges the target and draws uncertainty bands', async () => {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    expect(await page.locator('.lever-group.policy summary').allTextContents()).toEqual(['Climate (1)']);
    expect(await page.locator('label[for]', { hasText: 'Carbon tax' }).count()).toBe(1);
    const status = page.locator('tr[data-indicator="Fossil CO2 Emissions"] .badge');
    // Business as usual emits about 62 MtCO2 in 2030, above the target of 60; a tax of 100 brings it to about 56.
    await expect.poll(() => status.textContent(), POLL).toContain('Not met');
    await page.locator(TAX).fill('100');
    await expect.poll(() => status.textContent(), POLL).toContain('Met');
    expect(await page.locator('.verdict-basis').textContent()).toContain('central run only');

    await page.getByLabel(/Uncertainty band/).check();
    const width = () =>
      page.evaluate(() => {
        const b = (window as unknown as { igem: { bands?: { names: string[]; low: Float64Array[]; high: Float64Array[] } } }).igem.bands;
        const j = b ? b.names.indexOf('Population') : -1;
        return j < 0 ? NaN : b!.high[j]!.at(-1)! - b!.low[j]!.at(-1)!;
      });
    await expect.poll(width, { timeout: 20_000 }).toBeGreaterThan(1e6);
    // With the band on, the status comes from it (the report's rule): over the 20 runs the 2030
    // emissions at a tax of 100 span about 49-60.5, so the central run's "Met" becomes "Uncertain",
    // on the edge (60 lies inside the sampling interval of the 95th percentile, about 58.8-61.4).
    await expect.poll(() => status.textContent(), POLL).toBe('? Uncertain · on the edge');
    expect(await page.locator('.verdict-basis').textContent()).toContain('band of 20 runs');
    await page.screenshot({ path: join(shots, 'simulator-bands-target.png') });
    await expectAccessible(page);

    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await expect.poll(() => page.locator('label[for]', { hasText: 'Impuesto al carbono' }).count(), POLL).toBe(1);
    await expect.poll(() => status.textContent(), POLL).toBe('? Incierto · en el límite');
    expect(await page.locator('.verdict-basis').textContent()).toContain('banda 5–95 % de 20 corridas');
    await page.close();
  });
});

describe.skipIf(!runE2E || !existsSync(join(root, PERU_MODEL)))('the Peru model in the simulator', () => {
  it('compiles and draws in the browser', async () => {
    ensureWebBuild(root, join(root, 'dist', 'public'));
    const dataDir = mkdtempSync(join(tmpdir(), 'igem-e2e-peru-'));
    const server = await startServer(dataDir, join(root, PERU_MODEL));
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => Number(document.body.dataset.drawSeq ?? 0) >= 1 || document.querySelector('.error-box'), undefined, { timeout: 60_000 });
      expect(await page.locator('.error-box').allTextContents()).toEqual([]);
      expect(await page.locator('.chart-card').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(shots, 'peru-simulator.png') });
      if (existsSync(join(root, 'models', 'peru', 'calibration', 'history.csv'))) {
        // Charted series with history show it as points.
        expect(await page.locator('.chart-card .u-legend', { hasText: 'Observed' }).count()).toBeGreaterThan(0);
        await page.goto(`${server.url}#/calibration`);
        await page.locator('table.fit-table tbody tr').first().waitFor({ timeout: 30_000 });
        expect(await page.locator('table.fit-table tbody tr').count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(shots, 'peru-calibration.png') });
        await expectAccessible(page);
      }
    } finally {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
