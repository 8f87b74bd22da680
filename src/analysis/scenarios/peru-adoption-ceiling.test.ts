/**
 * Adoption ceilings of the Peru model's farm programmes (peru.mdl, groups of certified seed, cooperatives,
 * Seed credit and the green agriculture extension): every route to adoption is a flow proportional to the
 * potential adopters left (diffusion with a ceiling), so certified seed adoption never exceeds Maximum
 * Certified Seed Adoption and cooperative membership never exceeds Maximum Cooperative Membership, in any
 * scenario and in any Monte Carlo draw of calibration/uncertainty.json. Before, the green extension added
 * its share outside the diffusion and green-investment reached 0.86 seed adoption in 2050 (ceiling 0.6).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunOptions, RunResult } from '../../sd/run/types.js';
import { monteCarlo } from '../sensitivity/monte-carlo.js';
import { readProject, type ScenarioProject } from './project.js';
import { readUncertainty } from './uncertainty.js';

const DIR = join(process.cwd(), 'models', 'peru');
const CEILINGS = [
  ['Certified Seed Adoption', 'Maximum Certified Seed Adoption'],
  ['Cooperative Membership', 'Maximum Cooperative Membership'],
] as const;
/** Floating-point slack only: a ceiling crossed by more than this is a real overshoot. */
const SLACK = 1e-12;

let project: ScenarioProject;
let model: Model;
const central = new Map<string, RunResult>();

const peak = (r: RunResult, name: string) => Math.max(...r.get(name)!);
const ceiling = (r: RunResult, name: string) => r.get(name)![0];
/** Scenarios whose central run lifts either share above its baseline: the ones where a draw could push it further. */
const funded = (r: RunResult) => peak(r, 'Certified Seed Adoption') > ceiling(r, 'Baseline Certified Seed Adoption')
  || peak(r, 'Cooperative Membership') > ceiling(r, 'Baseline Cooperative Membership');

beforeAll(() => {
  project = readProject(DIR);
  model = loadModel(project.modelPath);
  for (const s of project.scenarios) central.set(s.name, model.run({ params: s.levers }));
});

describe('adoption ceilings: every scenario', () => {
  it('keeps certified seed adoption and cooperative membership at or below their maxima', () => {
    const over: string[] = [];
    for (const [name, r] of central) {
      for (const [share, max] of CEILINGS) if (peak(r, share) > ceiling(r, max) + SLACK) over.push(`${name}: ${share} ${peak(r, share)}`);
    }
    expect(over).toEqual([]);
    // The check bites: the scenarios that fund farm extension do push adoption well above its baseline.
    const gi = central.get('green-investment')!;
    expect(peak(gi, 'Certified Seed Adoption')).toBeGreaterThan(0.3);
    expect(peak(gi, 'Green Agriculture Extension Effect')).toBeGreaterThan(0.5);
  });

  it('holds under an extreme push on every route at once (programme, green extension, credit, imitation)', () => {
    const r = model.run({ params: {
      'Certified Seed Programme Budget': 20000, 'Cooperative Programme Budget': 20000, 'Seed Credit Budget': 20000,
      'Green Investment Target Share': 0.2, 'Policy Start Year[green investment]': 2025, 'Seed Imitation Coefficient': 5, 'Seed Adoption Duration': 100, 'Cooperative Survival Time': 1000,
      'Policy Start Year[agri policy]': 2025, 'Policy Ramp Years[agri policy]': 1,
    } });
    for (const [share, max] of CEILINGS) {
      expect(peak(r, share), share).toBeLessThanOrEqual(ceiling(r, max) + SLACK);
      // Saturated: the push fills the ceiling instead of stopping short of it.
      expect(peak(r, share), share).toBeGreaterThan(ceiling(r, max) - 0.02);
    }
  });
});

describe('adoption ceilings: every Monte Carlo draw of uncertainty.json', () => {
  it('no draw of a scenario that funds farm programmes crosses a ceiling', async () => {
    const spec = readUncertainty(join(DIR, 'calibration', 'uncertainty.json'));
    const scenarios = project.scenarios.filter((s) => funded(central.get(s.name)!));
    expect(scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['agriculture', 'green-investment', 'green-economy']));
    const columns = CEILINGS.flat();
    for (const s of scenarios) {
      const withLevers = Object.create(model) as Model;
      withLevers.run = (o?: RunOptions) => model.run({ ...o, params: { ...s.levers, ...(o?.params ?? {}) } });
      const mc = await monteCarlo(withLevers, { parameters: spec.parameters, columns }, { runs: spec.runs, seed: spec.seed, sampling: 'lhs' });
      mc.ensemble.checkComplete();
      const times = mc.ensemble.time!.length;
      for (const [share, max] of CEILINGS) {
        let worst = -Infinity;
        for (let t = 0; t < times; t++) {
          const v = mc.ensemble.across(columns.indexOf(share), t);
          const m = mc.ensemble.across(columns.indexOf(max), t);
          for (let i = 0; i < v.length; i++) worst = Math.max(worst, v[i] - m[i]);
        }
        expect(worst, `${s.name}: ${share} above ${max} in some draw`).toBeLessThanOrEqual(SLACK);
      }
    }
  }, 600_000);

  it('in the other scenarios no draw can start adoption: no programme adopter, and no budget among the uncertain assumptions', () => {
    const spec = readUncertainty(join(DIR, 'calibration', 'uncertainty.json'));
    for (const [name, r] of central) {
      if (funded(r)) continue;
      expect(peak(r, 'Certified Seed Adoption'), name).toBe(ceiling(r, 'Baseline Certified Seed Adoption'));
      expect(peak(r, 'Cooperative Membership'), name).toBe(ceiling(r, 'Baseline Cooperative Membership'));
    }
    const levers = spec.parameters.map((p) => p.name).filter((n) => /budget|green investment target share|policy start|policy ramp/i.test(n));
    expect(levers).toEqual([]);
  });
});
