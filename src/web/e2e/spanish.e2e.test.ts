/**
 * Spanish completeness: every page of the simulator on the Peru model, in Spanish, shows no text
 * that is an English-only catalogue entry and no raw model name. Model identifiers shown as such
 * (the explorer's variable names, equations) are marked translate="no" and skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PERU_MODEL } from '../../server/config.js';
import { en, es } from '../messages.js';
import { openSimulator, runE2E, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();

/** English catalogue entries whose Spanish differs, as patterns (placeholders match anything). */
function englishOnly(): { key: string; re: RegExp }[] {
  return (Object.keys(en) as (keyof typeof en)[])
    .filter((k) => en[k] !== es[k] && en[k].replace(/\{\w+\}/g, '').trim().length >= 3)
    .map((k) => {
      const parts = en[k].split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { key: k, re: new RegExp(`^${parts.join('.*')}$`, 's') };
    });
}

/** Visible text of the page (text nodes and the labels assistive technology reads), outside translate="no". */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('[translate="no"], script, style, #toast');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!text || !el || skip(el)) continue;
      if (!el.checkVisibility() && !el.closest('.visually-hidden, details')) continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

const PAGES = ['simulator', 'library', 'lessons', 'scenarios', 'compare', 'explorer', 'calibration', 'upload'];

describe.skipIf(!runE2E)('Spanish mode is Spanish throughout (Peru model)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession(PERU_MODEL);
    page = await session.browser.context.newPage();
    await page.addInitScript(() => localStorage.setItem('igem.lang', 'es'));
  }, 240_000);
  afterAll(async () => session?.close());

  it('shows no English-only catalogue entry and no raw model name on any page', async () => {
    await openSimulator(page, `${session.server.url}#/simulator`);
    const modelNames = (await page.evaluate(() =>
      (window as unknown as { igem: { facts: { variables: { name: string }[] } } }).igem.facts.variables.map((v) => v.name),
    )) as string[];
    // Names of two words or more (a one-word name such as "Gini" may be a word of either language).
    const raw = new Set(modelNames.filter((n) => /\s/.test(n.trim())));
    const patterns = englishOnly();
    const problems: string[] = [];
    for (const view of PAGES) {
      await page.goto(`${session.server.url}#/${view}`);
      await page.waitForSelector('main h1, main h2', { timeout: 60_000 });
      await page.waitForTimeout(500);
      for (const text of await visibleTexts(page)) {
        const hit = patterns.find((p) => p.re.test(text));
        if (hit) problems.push(`${view}: "${text}" is the English entry ${hit.key}`);
        const base = text.replace(/\[.*$/, '').trim();
        if (raw.has(text) || (text.includes('[') && raw.has(base))) problems.push(`${view}: "${text}" is a raw model name`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 240_000);
});
