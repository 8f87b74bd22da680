/**
 * The SYNTHETIC sample: the committed file is exactly what the seeded generator makes from
 * ../shared/data/peru, and its weighted margins equal the published figures (skips where ../shared
 * is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { loadDescriptor, readSurvey } from './read-survey.js';
import { loadRules } from './rules.js';
import { generateSynthetic, syntheticCsv } from './synthetic.js';
import { syntheticTargets } from './synthetic-targets.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SHARED = join(ROOT, '../shared/data/peru');
const SAMPLE = join(ROOT, 'models/peru/greenjobs/data/SYNTHETIC-enaho-2022-500.csv');
const hasShared = existsSync(join(SHARED, 'anchors.csv'));
if (!hasShared) console.warn(`skipping the synthetic-margin checks: ${SHARED} is absent`);

describe.skipIf(!hasShared)('SYNTHETIC sample', () => {
  const targets = hasShared ? syntheticTargets(SHARED, join(ROOT, 'models/peru/io')) : undefined;

  it('is the file the seeded generator writes', () => {
    const s = generateSynthetic(targets!, 20221);
    expect(s.maxMarginGap).toBeLessThan(1e-12);
    expect(syntheticCsv(s) === readFileSync(SAMPLE, 'utf8')).toBe(true);
  });

  it('reproduces the published margins: 17.3 million employed, 73.5 % informal, labour force 18.6 million, sector employment', async () => {
    const s = await readSurvey(SAMPLE, loadDescriptor(join(ROOT, 'models/peru/greenjobs/descriptors/enaho-2022-500.json')));
    expect(s.synthetic).toBe(true);
    const sum = (f: (i: number) => boolean): number => { let t = 0; for (let i = 0; i < s.n; i++) if (f(i)) t += s.weight[i]; return t; };
    const rel = (a: number, b: number): number => Math.abs(a / b - 1);
    expect(rel(sum(() => true), 17.3e6)).toBeLessThan(1e-9);
    expect(rel(sum((i) => s.informal[i] === 1) / 17.3e6, 0.735)).toBeLessThan(1e-9);
    expect(rel(sum((i) => s.area[i] === 0) / 17.3e6, 14.8 / 18.6)).toBeLessThan(1e-9);
    expect(rel(sum((i) => s.age[i] >= 15 && s.age[i] <= 29), 0.27 * 17.3e6)).toBeLessThan(1e-9);
    // The unemployed records (OCU500 = 2) carry the rest of the labour force.
    const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
    const h = lines[0].split(',');
    const w = h.indexOf('FAC500A');
    const o = h.indexOf('OCU500');
    const unemployed = lines.slice(1).map((l) => l.split(',')).filter((r) => r[o] === '2').reduce((a, r) => a + Number(r[w]), 0);
    expect(rel(unemployed + 17.3e6, 18.6e6)).toBeLessThan(1e-9);
    // Sector employment and the informal rate of each sector.
    const c = classify(s, loadRules(join(ROOT, 'models/peru/greenjobs/rules.json')));
    for (const t of targets!.sectors) {
      const k = c.sectorLabels.indexOf(t.name);
      expect(rel(sum((i) => c.sector[i] === k), t.employed), t.name).toBeLessThan(1e-9);
      expect(rel(sum((i) => c.sector[i] === k && s.informal[i] === 1), t.employed * t.informal), t.name).toBeLessThan(1e-9);
    }
    // Agriculture, livestock and forestry: INEI 2022's 4,290 of 17,696 thousand.
    const agri = ['Agriculture', 'Livestock', 'Forestry'].map((n) => c.sectorLabels.indexOf(n));
    expect(rel(sum((i) => agri.includes(c.sector[i])) / 17.3e6, 4290 / 17696)).toBeLessThan(1e-9);
  });
});
