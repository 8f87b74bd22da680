/**
 * Each workshop lesson's flow on the Peru model, as three people in separate browser contexts: the
 * facilitator starts a workshop, two participants join with its code, move the lesson's lever and
 * submit a scenario with a justification; the facilitator sees both side by side and shows one to
 * the room, which both participants then see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PERU_MODEL } from '../../server/config.js';
import { expectAccessible, launchContexts, openSimulator, POLL, runE2E, shots, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();

const LESSONS = ['forest-stocks', 'isc-reform', 'green-jobs', 'ndc-gap', 'calibration-report'];
const LONG = { timeout: 60_000, interval: 100 };

describe.skipIf(!runE2E)('workshop lessons: facilitator and two participants', () => {
  let session: Session;
  let browsers: Awaited<ReturnType<typeof launchContexts>>;
  let facilitator: Page;
  let participants: Page[];

  beforeAll(async () => {
    session = await startSession(PERU_MODEL);
    browsers = await launchContexts(3);
    const pages = await Promise.all(browsers.contexts.map((c) => c.newPage()));
    for (const p of pages) await p.addInitScript(() => localStorage.setItem('igem.lang', 'es'));
    [facilitator, ...participants] = pages as [Page, Page, Page];
    // Each person's browser compiles the model once; lessons are then reached inside the app.
    for (const p of pages) await openSimulator(p, `${session.server.url}#/simulator`);
  }, 300_000);
  afterAll(async () => {
    await browsers?.close();
    await session?.close();
  });

  for (const lessonId of LESSONS) {
    it(`runs the lesson "${lessonId}"`, async () => {
      await facilitator.evaluate(() => (location.hash = '#/lessons'));
      await facilitator.locator(`[data-start-lesson="${lessonId}"]`).click();
      const codeEl = facilitator.locator('.session-code');
      await codeEl.waitFor(LONG);
      const code = (await codeEl.textContent())!.trim();
      expect(code).toMatch(/^[A-Z2-9]{6}$/);

      const names = ['Ana', 'Luis'];
      await Promise.all(
        participants.map(async (p, i) => {
          await p.evaluate((c) => (location.hash = `#/lessons?code=${c}`), code);
          await p.locator('.lesson-step').first().waitFor(LONG);
          // Move the first lever the lesson offers (if any) to the top of its range.
          const slider = p.locator('.lesson-step input[type="range"]').first();
          if ((await slider.count()) > 0) {
            const max = await slider.getAttribute('max');
            await slider.fill(max!);
          }
          const form = p.locator('form.submit-form');
          await form.getByLabel('Su nombre').fill(names[i]!);
          await form.getByLabel(/^Justificación/).fill(`Propuesta de ${names[i]}`);
          await form.getByRole('button', { name: 'Enviar' }).click();
          await p.locator('#toast', { hasText: 'Su escenario fue enviado' }).waitFor(LONG);
        }),
      );

      const rows = facilitator.locator('table.submissions tbody tr');
      await expect.poll(() => rows.count(), LONG).toBe(2);
      expect(await rows.locator('th').allTextContents()).toEqual(expect.arrayContaining(names));
      // Every indicator cell has a value (the facilitator's browser ran each submission).
      const cells = await rows.locator('td.num').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((c) => c !== '—' && c.trim() !== '')).toBe(true);
      // Beside them, each submission's green jobs (IO) and CGE results, labelled in Spanish.
      if (lessonId === LESSONS[0]) {
        const results = facilitator.locator('.submission-results table.results-compare');
        await results.waitFor({ timeout: 240_000 });
        expect(await results.locator('thead th').allTextContents()).toEqual(['Indicador', ...(await rows.locator('th').allTextContents())]);
        const labels = await results.locator('tbody th').allTextContents();
        expect(labels).toEqual(expect.arrayContaining(['Empleos verdes (miles de personas)', 'Empleos informales (miles de personas)', 'PBI real (% de cambio)', 'Recaudación tributaria (% de cambio)', 'Precios al consumidor (IPC) (% de cambio)']));
        expect(labels.filter((l) => /^VE .* \(% del ingreso\)$/.test(l))).toHaveLength(7);
        const values = await results.locator('td.num').allTextContents();
        expect(values).toHaveLength(labels.length * 2);
        expect(values.every((v) => /^[−+]?[\d.]+(,\d+)?( %)?$/.test(v))).toBe(true);
      }
      await facilitator.locator('tr[data-submission="Luis"] button').click();
      for (const p of participants) await expect.poll(() => p.locator('.room-banner h2').textContent(), POLL).toContain('Luis');
      if (lessonId === LESSONS[0]) {
        await facilitator.screenshot({ path: join(shots, 'lesson-facilitator-es.png'), fullPage: true });
        await participants[0]!.screenshot({ path: join(shots, 'lesson-participant-es.png'), fullPage: true });
        await expectAccessible(facilitator);
        await expectAccessible(participants[0]!);
      }
    }, 180_000);
  }
});
