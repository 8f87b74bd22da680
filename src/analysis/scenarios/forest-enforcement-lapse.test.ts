/**
 * The 2020 lapse of forest field control in the Peru model (issue 11, defor-holdout): the national lockdown
 * (16 March-30 June 2020, DS 044-2020-PCM to DS 116-2020-PCM) suspends the control that deters clearing, and the
 * deterred share comes back (Fiestas-Flores, Higa and Montoya-Zumaeta 2025: one third of the 2020 increase).
 * Checks the input reproduces its source, acts only in calendar 2020, and scales with the deterrence ratio.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { valueAtYear } from './run.js';

let model: Model;
let bau: RunResult;
let noDeterrence: RunResult;

beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  bau = model.run();
  noDeterrence = model.run({ params: { 'Enforcement Deterrence Ratio': 0 } });
});

function at(r: RunResult, name: string, year: number): number {
  const s = r.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return valueAtYear(r, s, year);
}

const lockdownShare = 107 / 366; // 16 March to 30 June 2020, leap year

describe('COVID-19 lapse of forest field control → deforestation', () => {
  it('the lapse is the lockdown share of 2020 and zero in every other year', () => {
    expect(at(bau, 'Field Enforcement Lapse', 2020)).toBeCloseTo(lockdownShare, 2);
    for (const year of [2001, 2015, 2019, 2021, 2023, 2030, 2050]) {
      expect(at(bau, 'Field Enforcement Lapse', year)).toBe(0);
      expect(at(bau, 'Enforcement Lapse Effect', year)).toBe(1);
    }
  });

  it('the deterrence ratio reproduces one third of the 2020 Geobosques increase per unit of lapse', () => {
    const covidHectares = (203272 - 148426) / 3; // Fiestas-Flores et al. 2025 on MINAM's 2019 and 2020 losses
    const ratio = covidHectares / 148426 / lockdownShare;
    expect(ratio).toBeCloseTo(0.42, 2);
    expect(at(bau, 'Enforcement Lapse Effect', 2020)).toBeCloseTo(1 + 0.42 * 0.29, 12);
  });

  it('raises 2020 deforestation by the lapse effect and leaves the years before untouched', () => {
    const rise = at(bau, 'Deforestation', 2020) / at(noDeterrence, 'Deforestation', 2020);
    // Up to the small feedback through the forest area cleared in the first months of the lapse.
    expect(rise).toBeCloseTo(1 + 0.42 * 0.29, 3);
    for (const year of [2005, 2015, 2019]) expect(at(bau, 'Deforestation', year)).toBe(at(noDeterrence, 'Deforestation', year));
    expect(at(bau, 'LULUCF Emissions', 2020)).toBeGreaterThan(at(noDeterrence, 'LULUCF Emissions', 2020));
    // After the lapse only the forest already lost differs (less forest, slightly less clearing).
    const after = at(bau, 'Deforestation', 2023) / at(noDeterrence, 'Deforestation', 2023);
    expect(after).toBeLessThanOrEqual(1);
    expect(after).toBeGreaterThan(0.999);
  });

  it('the cumulative total counts the lapse in calendar 2020 only', () => {
    const extra = (r: RunResult, y: number) => at(r, 'Cumulative Amazon Deforestation', y) - at(r, 'Cumulative Amazon Deforestation', y - 1);
    expect(extra(bau, 2020) / at(bau, 'Deforestation', 2020)).toBeCloseTo(1, 2);
    expect(extra(bau, 2019)).toBeCloseTo(extra(noDeterrence, 2019), 6);
  });
});
