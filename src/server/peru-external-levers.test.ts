/**
 * The Peru simulator's external-context levers (peru.web.json groups "External context: …": metal, crop and oil
 * prices, the exchange rate, copper output) are assumptions about the world after the data, not policies. At either
 * end of the range a reader can set, each must leave every series of 2000-2023 exactly as in business as usual
 * (the fitted history) and move the projection; a shock-year lever does nothing while its shock is zero and starts
 * the shock in the year chosen.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../sd/node/load.js';
import type { Model, RunResult } from '../sd/run/types.js';
import type { ModelProfile } from './api-types.js';
import { PERU_MODEL, projectRoot } from './config.js';
import { readProfile } from './model-catalog.js';

const modelPath = join(projectRoot(), PERU_MODEL);
const LAST_DATA_YEAR = 2023;
const key = (name: string) => name.toLowerCase().replace(/[_\s]+/g, ' ').trim();

/** Series (of all saved ones but the levers set) whose value differs from business as usual at a saved time in [from, to]. */
function changed(run: RunResult, bau: RunResult, from: number, to: number, params: Record<string, number>): string[] {
  const set = new Set(Object.keys(params).map(key));
  const out: string[] = [];
  for (const name of bau.names) {
    if (set.has(key(name))) continue;
    const a = run.get(name);
    const b = bau.get(name)!;
    if (!a) continue;
    for (let i = 0; i < bau.time.length; i++) {
      const t = bau.time[i]!;
      if (t >= from - 1e-9 && t <= to + 1e-9 && a[i] !== b[i]) {
        out.push(`${name} @ ${t}`);
        break;
      }
    }
  }
  return out;
}

describe.skipIf(!existsSync(modelPath))('the Peru simulator\'s external-context levers', () => {
  let model: Model;
  let bau: RunResult;
  let levers: { name: string; min: number; max: number; value: number }[];

  beforeAll(() => {
    model = loadModel(modelPath);
    bau = model.run();
    const profile: ModelProfile = readProfile(modelPath);
    const external = (profile.levers ?? []).filter((l) => typeof l.group === 'object' && /^External context/.test(l.group.en ?? ''));
    levers = external.map((l) => {
      const p = model.parameters.find((q) => key(q.name) === key(l.name))!;
      return { name: p.name, min: p.range!.min!, max: p.range!.max!, value: p.value };
    });
  });

  it('are the metal, crop, oil, exchange-rate and copper assumptions', () => {
    expect(levers.map((l) => l.name).sort()).toEqual([
      'Exchange Rate Shock',
      'Exchange Rate Shock Year',
      'Frontier Crop Price Shock',
      'Future Copper Output Growth',
      'Future Metal Price Level',
      'Metal Price Shock',
      'Oil Price Path Scale',
    ]);
  });

  it('at either end of its range each leaves 2000-2023 untouched and moves the projection', () => {
    const shockOf = (year: string) => levers.find((l) => `${l.name} Year` === year);
    for (const l of levers) {
      // A year lever is tried with its shock at the top of the shock's range.
      const shock = shockOf(l.name);
      for (const end of [l.min, l.max]) {
        const params: Record<string, number> = { [l.name]: end, ...(shock ? { [shock.name]: shock.max } : {}) };
        const run = model.run({ params });
        expect(changed(run, bau, 2000, LAST_DATA_YEAR, params), `${JSON.stringify(params)}: history`).toEqual([]);
        expect(changed(run, bau, LAST_DATA_YEAR + 1, 2050, params).length, `${JSON.stringify(params)}: projection`).toBeGreaterThan(0);
      }
    }
  });

  it('a shock year changes nothing while its shock is zero, and starts a shock in the year chosen', () => {
    const years = levers.filter((l) => levers.some((s) => `${s.name} Year` === l.name));
    expect(years.map((l) => l.name)).toEqual(['Exchange Rate Shock Year']);
    for (const y of years) {
      const shock = y.name.replace(/ Year$/, '');
      for (const year of [y.min, 2037, y.max]) {
        const quiet = { [y.name]: year, [shock]: 0 };
        expect(changed(model.run({ params: quiet }), bau, 2000, 2050, quiet), `${year}, no shock`).toEqual([]);
        const params = { [y.name]: year, [shock]: 0.2 };
        const run = model.run({ params });
        expect(changed(run, bau, 2000, year - 0.5, params), `${year}: before the shock`).toEqual([]);
        expect(changed(run, bau, year, year, params), `${year}: in the shock year`).toContain(`Real Exchange Rate @ ${year}`);
      }
    }
  });
});
