/**
 * The model explorer on the Peru model: causes and uses trees open branch by branch; the model has
 * no drawn diagram, so each group is laid out automatically; the loops are listed ranked with their
 * R/B/U badge, as many as the engine finds; a chosen loop is drawn as a causal-loop diagram with a
 * sign on every link; loop dominance ranks them by share; all of it in Spanish; axe finds no
 * serious issue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PERU_MODEL } from '../../server/config.js';
import { causalGraph, feedbackLoops, loopCounts } from '../../sd/analyze/structure/index.js';
import { loadModelWithDiagnostics } from '../../sd/node/load.js';
import { readModelIR } from '../../sd/node/read-ir.js';
import { loopDominance, loopShares } from '../../sd/run/loop-dominance.js';
import { expectAccessible, openSimulator, POLL, root, runE2E, shots, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();

describe.skipIf(!runE2E)('model explorer (Peru model)', () => {
  let session: Session;
  let page: Page;
  const report = feedbackLoops(causalGraph(readModelIR(join(root, PERU_MODEL))));
  const counts = loopCounts(report);
  const loop = report.loops.find((l) => l.polarity === 'B' && l.variables.length >= 3)!;

  beforeAll(async () => {
    session = await startSession(PERU_MODEL);
    page = await session.browser.context.newPage();
    await openSimulator(page, `${session.server.url}#/simulator`);
  }, 240_000);
  afterAll(async () => session?.close());

  it('opens the causes tree of Population, branch by branch, and the uses tree', async () => {
    await page.goto(`${session.server.url}#/explorer?var=population&tab=causes`);
    const tree = page.locator('ul.tree-root');
    await tree.waitFor();
    expect(await tree.locator('> li > .tree-row a').textContent()).toBe('Population');
    // The first level is open: Population's causes, each with the polarity of its link.
    const level1 = tree.locator('> li > ul > li');
    expect(await level1.count()).toBeGreaterThan(1);
    expect(await level1.locator('> .tree-row .sign').count()).toBe(await level1.count());
    const deaths = level1.filter({ has: page.locator("> .tree-row a", { hasText: /^Deaths$/ }) });
    expect(await deaths.count()).toBe(1);
    expect(await deaths.locator('> ul').count()).toBe(0);
    const toggle = deaths.locator('> .tree-row .tree-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => deaths.locator('> ul > li').count(), POLL).toBeGreaterThan(0);
    // Deaths reads Population: the loop is marked and not opened again.
    const back = deaths.locator('> ul > li').filter({ has: page.locator('> .tree-row a', { hasText: /^Population$/ }) });
    expect(await back.locator('.tree-loop').count()).toBe(1);
    expect(await back.locator('.tree-toggle').count()).toBe(0);
    await toggle.click();
    expect(await deaths.locator('> ul').isHidden()).toBe(true);
    await page.screenshot({ path: join(shots, 'explorer-causes.png') });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Uses tree', exact: true }).click();
    await expect.poll(() => page.locator('ul.tree-root.uses > li > ul > li').count(), POLL).toBeGreaterThan(1);
  }, 120_000);

  it('lays out the group of the selected variable when the model has no drawn diagram', async () => {
    await page.getByRole('link', { name: 'Diagram' }).click();
    await page.waitForSelector('svg.diagram.auto');
    expect(await page.locator('.explorer-main .note').first().textContent()).toContain('laid out automatically');
    expect(await page.locator('svg.diagram .node').count()).toBeGreaterThan(5);
    expect(await page.locator('svg.diagram .node.stock').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.diagram .node.selected text').textContent()).toBe('Population');
    expect(await page.locator('svg.diagram path.link').count()).toBeGreaterThan(3);
    // Another group from the picker.
    const picker = page.getByLabel('Group');
    const options = await picker.locator('option').count();
    expect(options).toBeGreaterThan(3);
    await picker.selectOption({ index: 1 });
    await expect.poll(() => page.locator('svg.diagram.auto .node').count(), POLL).toBeGreaterThan(1);
    await page.screenshot({ path: join(shots, 'explorer-auto-diagram.png') });
    await expectAccessible(page);
  }, 120_000);

  it('lists the loops ranked with R/B/U badges and draws the chosen one with its link signs', async () => {
    await page.getByRole('link', { name: 'Feedback loops' }).click();
    await expect.poll(() => page.locator('ol.loops > li').count(), POLL).toBe(counts.loops);
    expect(await page.locator('.loops-summary').textContent()).toBe(
      `${counts.loops} loops: ${counts.R} reinforcing (R), ${counts.B} balancing (B), ${counts.U} undetermined (U), in ${counts.families} families (same polarity, same stocks).`,
    );
    expect(await page.locator('ol.loops .loop-badge.loop-R').count()).toBe(counts.R);
    expect(await page.locator('ol.loops .loop-badge.loop-B').count()).toBe(counts.B);
    // Ranked by length: never longer before shorter.
    const lengths = report.loops.map((l) => l.variables.length);
    const shown = await page.locator('ol.loops > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-loop')!));
    const len = new Map(report.loops.map((l) => [l.id, l.variables.length]));
    expect(shown.map((id) => len.get(id)!)).toEqual([...lengths].sort((a, b) => a - b));
    await page.getByRole('link', { name: `Draw loop ${loop.id}`, exact: true }).click();
    const fig = page.locator('.loop-figure');
    await fig.waitFor();
    expect(await fig.locator('figcaption').textContent()).toBe(`Causal-loop diagram of ${loop.id} (Balancing, ${loop.variables.length} variables)`);
    expect(await fig.locator('.loop-letter').textContent()).toBe('B');
    expect(await fig.locator('.polarity').allTextContents()).toEqual(loop.links.map((l) => (l.polarity === '+' ? '+' : l.polarity === '-' ? '−' : '?')));
    expect(await fig.locator('.node text').count()).toBe(loop.variables.length);
    await page.screenshot({ path: join(shots, 'explorer-loop.png') });
    await expectAccessible(page);
    // A family: the loops of one polarity through the same stocks, and back to all.
    const big = report.families.reduce((best, f, i) => (f.loops.length > report.families[best]!.loops.length ? i : best), 0);
    expect(report.families[big]!.loops.length).toBeGreaterThan(1);
    await page.locator(`ol.loops > li[data-loop="${report.families[big]!.loops[0]}"] a.loop-family`).click();
    await expect.poll(() => page.locator('ol.loops > li').count(), POLL).toBe(report.families[big]!.loops.length);
    expect(await page.locator('ol.loops > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-loop')))).toEqual(report.families[big]!.loops);
    expect(await page.locator('.family-note').textContent()).toContain(`Family ${big + 1}: ${report.families[big]!.loops.length} loops`);
    await page.getByRole('link', { name: 'All loops' }).click();
    await expect.poll(() => page.locator('ol.loops > li').count(), POLL).toBe(counts.loops);
  }, 120_000);

  it('computes loop dominance and ranks the scored loops first', async () => {
    await page.getByRole('button', { name: 'Compute loop dominance' }).click();
    await expect.poll(() => page.locator('.explorer-main').textContent(), { ...POLL, timeout: 90_000 }).toContain('scored by their share of the behaviour');
    const status = (await page.locator('.explorer-main [aria-live]').filter({ hasText: 'scored' }).textContent())!;
    const scored = Number(/^(\d+) loops scored/.exec(status)![1]);
    // As many as the engine scores over the default run.
    const compiled = loadModelWithDiagnostics(join(root, PERU_MODEL));
    const dom = loopDominance(compiled.model, compiled.ir, causalGraph(compiled.ir), report, { discover: false });
    // Listed loops with a share: a loop through arrays counts once, by its largest element loop.
    expect(scored).toBe(loopCounts(report, loopShares(dom.loops)).scored);
    expect(scored).toBeLessThan(dom.loops.length); // element loops are scored one by one
    expect(scored).toBeGreaterThan(0);
    // The first `scored` items carry a share, in decreasing order; the rest none.
    const shares = await page.locator('ol.loops > li .note').allTextContents();
    const pct = shares.map((s) => /· (?:< )?([\d.,]+)\s?% of behaviour/.exec(s)?.[1]);
    expect(pct.slice(0, scored).every((p) => p !== undefined)).toBe(true);
    expect(pct.slice(scored).every((p) => p === undefined)).toBe(true);
    const values = pct.slice(0, scored).map((p) => Number(p!.replace(',', '.')));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    expect(await page.getByRole('button', { name: 'Compute loop dominance' }).isDisabled()).toBe(true);
  }, 150_000);

  it('speaks Spanish', async () => {
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('es');
    await expect.poll(() => page.locator('.loops-summary').textContent(), POLL).toContain(`${counts.R} de refuerzo (R), ${counts.B} de equilibrio (B)`);
    expect(await page.getByRole('link', { name: 'Árbol de causas', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Árbol de usos', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Calcular la dominancia de bucles' }).count()).toBe(1);
    await page.getByRole('link', { name: `Dibujar el bucle ${loop.id}`, exact: true }).click();
    await page.locator('.loop-figure').waitFor();
    expect(await page.locator('.loop-figure figcaption').textContent()).toContain('Diagrama causal del bucle');
    expect(await page.locator('.loop-figure figcaption').textContent()).toContain('De equilibrio');
    await page.screenshot({ path: join(shots, 'explorer-loops-es.png') });
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Árbol de causas', exact: true }).click();
    await expect.poll(() => page.locator('.tree-wrap .note').first().textContent(), POLL).toContain('Lo que lee');
    expect(await page.locator('.tree-toggle').first().getAttribute('aria-label')).toMatch(/^(Abrir|Cerrar) /);
    await page.getByRole('link', { name: 'Diagrama' }).click();
    await expect.poll(() => page.locator('.explorer-main .note').first().textContent(), POLL).toContain('se dispone automáticamente');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
  }, 120_000);
});
