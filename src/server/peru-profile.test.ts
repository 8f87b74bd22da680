/**
 * The Peru model's display profile (models/peru/peru.web.json), read as the server reads it, must
 * name only variables of peru.mdl, cover every lever the scenario files set, and take its targets
 * from models/peru/indicators.json (converted to the model's units) rather than inventing them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../sd/node/load.js';
import type { ModelProfile } from './api-types.js';
import { PERU_MODEL, projectRoot } from './config.js';
import { readProfile } from './model-catalog.js';

const root = projectRoot();
const modelPath = join(root, PERU_MODEL);
const peruDir = join(root, 'models', 'peru');

interface JsonTarget {
  op: '<=' | '>=';
  value?: number;
  years?: number[];
}
interface JsonIndicator {
  id: string;
  variable?: string;
  scale: number;
  targets: JsonTarget[];
}

const key = (name: string) => name.replace(/\[.*$/, '').toLowerCase().replace(/[_\s]+/g, ' ').trim();
const bothLanguages = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as { es?: unknown }).es === 'string' && typeof (v as { en?: unknown }).en === 'string';

describe.skipIf(!existsSync(modelPath))('the Peru model profile', () => {
  let model: ReturnType<typeof loadModel>;
  let profile: ModelProfile;

  beforeAll(() => {
    model = loadModel(modelPath);
    profile = readProfile(modelPath);
  });

  it('is found beside peru.mdl and passes the server schema', () => {
    expect(profile.levers?.length).toBeGreaterThan(0);
    expect(profile.indicators?.length).toBeGreaterThan(0);
  });

  it('names levers that are ranged constants of the model, each with bilingual group, help and (scalar ones) label', () => {
    const ranged = new Set(model.parameters.filter((p) => p.range?.min !== undefined && p.range.max !== undefined).map((p) => key(p.name)));
    const missing = profile.levers!.filter((l) => !ranged.has(key(l.name))).map((l) => l.name);
    expect(missing).toEqual([]);
    const seen = new Set<string>();
    for (const l of profile.levers!) {
      expect(seen.has(key(l.name)), `${l.name} listed twice`).toBe(false);
      seen.add(key(l.name));
      for (const field of ['group', 'help'] as const) expect(bothLanguages(l[field]), `${l.name}: ${field}`).toBe(true);
      // The web app shows a profile label as is for every element of a subscripted lever, so those keep
      // their `Name[element]` labels (no profile label); scalar levers get a bilingual one.
      const elements = model.parameters.filter((p) => key(p.name) === key(l.name)).length;
      if (elements > 1) expect(l.label, `${l.name}: one label for ${elements} elements`).toBeUndefined();
      else expect(bothLanguages(l.label), `${l.name}: label`).toBe(true);
    }
  });

  it('covers every lever a scenario file sets', () => {
    const levers = new Set(profile.levers!.map((l) => key(l.name)));
    const dir = join(peruDir, 'scenarios');
    const uncovered: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { levers: Record<string, number> };
      for (const name of Object.keys(s.levers)) if (!levers.has(key(name))) uncovered.push(`${file}: ${name}`);
    }
    expect(uncovered).toEqual([]);
  });

  it('charts and indicators name model outputs', () => {
    const outputs = new Set(model.outputNames.map(key));
    const names = [...(profile.charts ?? []), ...profile.indicators!.map((i) => i.name)];
    expect(names.filter((n) => !outputs.has(key(n)))).toEqual([]);
    expect(profile.charts).toEqual([
      'Real GDP',
      'Total GHG Emissions',
      'Fossil CO2 Emissions',
      'Forest Area',
      'Formal Employment',
      'Programme Net Jobs',
      'Electricity Generation',
      'Total Population',
      'Urban Poverty Rate',
      'Rural Poverty Rate',
      'Current Account Share of GDP',
      'Farm Output Price Index',
    ]);
  });

  it('gives every chart a Spanish and an English title in labels.json', () => {
    const labels = JSON.parse(readFileSync(join(peruDir, 'labels.json'), 'utf8')) as { variables: Record<string, unknown> };
    const titled = new Map(Object.entries(labels.variables).map(([name, v]) => [key(name), v]));
    expect((profile.charts ?? []).filter((c) => !bothLanguages(titled.get(key(c))))).toEqual([]);
  });

  it('takes every target from a fixed target of indicators.json, in model units', () => {
    const spec = JSON.parse(readFileSync(join(peruDir, 'indicators.json'), 'utf8')) as JsonIndicator[];
    const project = JSON.parse(readFileSync(join(peruDir, 'project.json'), 'utf8')) as { years: number[] };
    const sourced: string[] = [];
    for (const ind of profile.indicators!) {
      const entry = spec.find((s) => s.variable !== undefined && key(s.variable) === key(ind.name));
      expect(entry, `${ind.name} is not in indicators.json`).toBeDefined();
      expect(ind.sdg).toBe(entry!.id);
      for (const t of [...(ind.target ? [ind.target] : []), ...(ind.targets ?? [])]) {
        const match = entry!.targets.find(
          (j) =>
            j.value !== undefined &&
            Math.abs(j.value / entry!.scale - t.value) <= 1e-9 * Math.max(1, Math.abs(t.value)) &&
            (j.op === '<=' ? 'max' : 'min') === t.direction &&
            (j.years?.length ? j.years : project.years).includes(t.year),
        );
        expect(match, `${ind.name}: ${t.direction} ${t.value} in ${t.year}`).toBeDefined();
        sourced.push(ind.name);
      }
    }
    // The NDC caps the app applies by default stay in the profile.
    const ghg = profile.indicators!.find((i) => i.name === 'Total GHG Emissions')!;
    expect(ghg.targets?.map((t) => t.value)).toEqual([208.8, 179.0]);
    expect(sourced.length).toBeGreaterThan(20);
  });
});
