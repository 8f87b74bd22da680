/**
 * Target verdicts under uncertainty on the Peru model, with a reduced run count (the report runs
 * the file's 500): the assumptions file is complete (>= 20 assumptions, each with a source, >= 500
 * runs), every verdict follows the rule (met only when the whole 5-95 % band meets the target), and
 * the same sample is used for every scenario.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model } from '../../sd/run/types.js';
import { InputError } from '../../sd/ir/diagnostics.js';
import { readProject, type ScenarioProject } from './project.js';
import { readUncertainty, uncertainVerdicts, type UncertainCheck } from './uncertainty.js';

const DIR = join(process.cwd(), 'models', 'peru');
const FILE = join(DIR, 'calibration', 'uncertainty.json');
let project: ScenarioProject;
let model: Model;
let checks: UncertainCheck[];

beforeAll(async () => {
  project = readProject(DIR);
  model = loadModel(project.modelPath);
  const spec = readUncertainty(FILE, 24);
  const scenarios = project.scenarios.filter((s) => s.name === 'bau' || s.name === 'forestry');
  checks = await uncertainVerdicts(model, scenarios, 'bau', project.indicators, project.years, spec);
});

describe('uncertainty file', () => {
  it('has at least 500 runs and 20 assumptions, each with a source', () => {
    const spec = readUncertainty(FILE);
    expect(spec.runs).toBeGreaterThanOrEqual(500);
    expect(spec.parameters.length).toBeGreaterThanOrEqual(20);
    for (const p of spec.parameters) expect(p.source.length, p.name).toBeGreaterThan(10);
  });

  it('names constants of the model and samples each around the value the model runs with', () => {
    const key = (name: string) => name.toLowerCase().replace(/[_\s]+/g, ' ').trim();
    const values = new Map(model.parameters.map((p) => [key(p.name), p.value]));
    const off: string[] = [];
    for (const p of readUncertainty(FILE).parameters) {
      const v = values.get(key(p.name));
      const d = p.distribution;
      if (v === undefined) off.push(`${p.name}: not a constant of the model`);
      else if ('lo' in d && 'hi' in d && (v < d.lo || v > d.hi)) off.push(`${p.name}: ${v} outside ${d.lo}-${d.hi}`);
    }
    expect(off).toEqual([]);
  });

  it('rejects an assumption without a source, naming the file and entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-unc-'));
    const bad = join(dir, 'u.json');
    writeFileSync(bad, JSON.stringify({ runs: 10, parameters: [{ name: 'Okun Coefficient', distribution: 'uniform(3,6)' }] }));
    expect(() => readUncertainty(bad)).toThrow(InputError);
    expect(() => readUncertainty(bad)).toThrow(/parameters\[0\]\.source/);
  });
});

describe('verdicts under uncertainty', () => {
  it('gives both NDC caps in 2030 for each scenario with an ordered 5-50-95 band', () => {
    for (const s of ['bau', 'forestry']) {
      const ndc = checks.filter((c) => c.scenario === s && c.indicator.toLowerCase() === 'total ghg emissions' && c.year === 2030);
      expect(ndc.map((c) => c.value).sort()).toEqual([179, 208.8]);
      for (const c of ndc) {
        expect(c.p5).toBeLessThan(c.p50);
        expect(c.p50).toBeLessThan(c.p95);
      }
    }
  });

  it('calls a target met only when the whole band meets it', () => {
    expect(checks.length).toBeGreaterThan(20);
    for (const c of checks) {
      const met = c.op === '<=' ? c.p95 <= c.value : c.p5 >= c.value;
      expect(c.verdict === 'met', `${c.scenario} ${c.indicator} ${c.year}`).toBe(met);
      if (c.verdict === 'missed') expect(c.op === '<=' ? c.p5 > c.value : c.p95 < c.value).toBe(true);
    }
  });

  it('assesses relative targets against the baseline run with the same assumptions (none for the baseline)', () => {
    expect(checks.some((c) => c.relative && c.scenario === 'bau')).toBe(false);
    const gdp = checks.find((c) => c.relative && c.scenario === 'forestry' && c.indicator === 'Real GDP');
    expect(gdp).toBeDefined();
    // Forest conservation is reallocated spending with no channel to output: the paired difference is ~0.
    expect(Math.abs(gdp!.p50)).toBeLessThan(1e-3);
  });
});
