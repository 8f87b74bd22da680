/**
 * Safe inputs and no lost work: lever values outside their range are clamped with a message (number
 * box, share link), and settings survive a reload (address bar and local storage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXAMPLE_MODEL } from '../../server/config.js';
import { appSettings, openSimulator, POLL, runE2E, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();
const NUMBER = '.lever[data-name="carbon tax"] .lever-number';
const SLIDER = '[data-lever="carbon tax"]';

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

describe.skipIf(!runE2E)('safe inputs and kept settings', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession(EXAMPLE_MODEL);
    page = await session.browser.context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 180_000);
  afterAll(async () => session?.close());

  it('clamps a typed value to the lever\'s range and says so', async () => {
    await openSimulator(page, `${session.server.url}#/simulator`);
    await page.locator(NUMBER).fill('1e12');
    await page.locator(NUMBER).press('Tab');
    await expect.poll(() => page.locator(NUMBER).inputValue(), POLL).toBe('200');
    expect(await page.locator(SLIDER).inputValue()).toBe('200');
    expect(await page.locator('.lever[data-name="carbon tax"] .lever-note').textContent()).toMatch(/outside the range 0 to 200: 200 is used/);
    expect((await appSettings(page))['carbon tax']).toBe(200);
  });

  it('keeps the settings in the address bar and across a reload', async () => {
    // The address is rewritten at most every 150 ms after a change, so poll until it carries the value.
    const addressSettings = async (): Promise<unknown> => {
      const hash = await page.evaluate(() => location.hash);
      if (!/^#\/simulator\?model=green-growth&p=/.test(hash)) return hash;
      const p = new URLSearchParams(hash.split('?')[1]).get('p')!;
      return JSON.parse(Buffer.from(p, 'base64url').toString());
    };
    await expect.poll(addressSettings, POLL).toEqual({ 'carbon tax': 200 });
    await page.reload();
    await openSimulator(page, page.url());
    expect(await page.locator(SLIDER).inputValue()).toBe('200');
    // Without the settings in the address, local storage brings them back.
    const fresh = await session.browser.context.newPage();
    await openSimulator(fresh, `${session.server.url}#/simulator`);
    expect(await fresh.locator(SLIDER).inputValue()).toBe('200');
    await fresh.close();
  });

  it('clamps a share link\'s absurd values, keeps its settings in the address bar and runs', async () => {
    const other = await session.browser.context.newPage();
    const link = `${session.server.url}#/simulator?model=green-growth&p=${b64url(JSON.stringify({ 'carbon tax': 1e308, 'savings rate': -5, 'not a lever': 1 }))}`;
    await openSimulator(other, link);
    expect(await other.locator(SLIDER).inputValue()).toBe('200');
    const settings = await appSettings(other);
    expect(settings['carbon tax']).toBe(200);
    expect(settings['not a lever']).toBeUndefined();
    const alerts = await other.locator('#toast .toast').allTextContents();
    expect(alerts.join(' ')).toMatch(/moved to the nearest limit/);
    expect(alerts.join(' ')).toMatch(/not a lever/);
    // The run worked: no error box, a drawn chart.
    expect(await other.locator('.run-error-host .error-box').count()).toBe(0);
    await expect.poll(() => other.evaluate(() => location.hash), POLL).toMatch(/p=/);
    await other.close();
  });
});
