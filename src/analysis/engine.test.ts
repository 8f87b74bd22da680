/**
 * The analyses on models read and compiled by the SD engine (`loadModel`), from the .mdl files
 * in test-fixtures/: the same three shapes as the hand-written models, fitted back within 1%,
 * and Monte Carlo bands of exponential growth against the analytic Euler solution.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../sd/node/load.js';
import { calibrate } from './calibrate/calibrate.js';
import { parseBoundSpec } from './calibrate/parameters.js';
import { parseVary } from './sensitivity/distributions.js';
import { monteCarlo } from './sensitivity/monte-carlo.js';
import { syntheticData } from './testing/synthetic.js';
import { exponentialModel } from './testing/toy-model.js';

const fixture = (name: string) => fileURLToPath(new URL(`./test-fixtures/${name}`, import.meta.url));

const cases: { file: string; truth: Record<string, number>; vary: string[]; columns: string[] }[] = [
  { file: 'exponential.mdl', truth: { 'growth rate': 0.042, 'initial population': 80 }, vary: ['growth rate=0.001:0.1', 'initial population=10:500'], columns: ['Population'] },
  {
    file: 'logistic.mdl',
    truth: { 'fractional growth': 0.31, 'carrying capacity': 1350, 'initial adopters': 7 },
    vary: ['fractional growth=0.05:1', 'carrying capacity=200:5000', 'initial adopters=1:50'],
    columns: ['Adopters'],
  },
  {
    file: 'oscillator.mdl',
    truth: { 'adjustment time': 1.7, 'delivery delay': 3.6, 'desired inventory': 120 },
    vary: ['adjustment time=0.5:10', 'delivery delay=0.5:10', 'desired inventory=50:200'],
    columns: ['Inventory', 'Supply Line'],
  },
];

describe('analyses on .mdl models', () => {
  for (const c of cases) {
    it(`recover the constants of ${c.file} within 1%`, () => {
      const model = loadModel(fixture(c.file));
      const data = syntheticData(model, { truth: c.truth, columns: c.columns, noise: 0.01, seed: 2024 });
      const result = calibrate(model, { parameters: c.vary.map(parseBoundSpec), data }, { method: 'powell', starts: 3, seed: 7 });
      const errors = result.parameters.map((p) => Math.abs(p.value / c.truth[p.name] - 1));
      console.log(`${c.file}: ` + result.parameters.map((p, i) => `${p.name} ${p.value.toPrecision(6)} (${(100 * errors[i]).toFixed(3)}%)`).join(', '));
      for (const e of errors) expect(e).toBeLessThan(0.01);
    });
  }

  it('run the engine exactly as the hand-written Euler model does', () => {
    const params = { 'growth rate': 0.037, 'initial population': 55 };
    const engine = loadModel(fixture('exponential.mdl')).run({ params, columns: ['Population'] }).get('population')!;
    const toy = exponentialModel().run({ params, columns: ['Population'] }).get('Population')!;
    expect(engine.length).toBe(toy.length);
    for (let i = 0; i < toy.length; i++) expect(Math.abs(engine[i] / toy[i] - 1)).toBeLessThan(1e-12);
  });

  it('give bands of exponential growth that match the Euler solution at the rate quantiles', async () => {
    const model = loadModel(fixture('exponential.mdl'));
    const n = 2000;
    const r = await monteCarlo(model, { parameters: [parseVary('growth rate=uniform(0.01,0.05)')], columns: ['Population'] }, { runs: n, seed: 3, sampling: 'random' });
    // Population(t) = 100 (1 + g dt)^(t/dt) rises with g, so its q-quantile is the value at g_q = 0.01 + 0.04 q.
    // Standard error of the q-quantile of g: 0.04 √(q(1-q)/n); carried through dP/dg.
    const t = 50;
    const dt = 0.25;
    const at = (g: number) => 100 * (1 + g * dt) ** (t / dt);
    for (const q of [5, 25, 50, 75, 95]) {
      const g = 0.01 + (0.04 * q) / 100;
      const slope = (at(g + 1e-6) - at(g - 1e-6)) / 2e-6;
      const se = slope * 0.04 * Math.sqrt(((q / 100) * (1 - q / 100)) / n);
      const band = r.bands.columns[r.bands.headers.indexOf(`Population p${q}`)][t];
      expect(Math.abs(band - at(g))).toBeLessThan(4 * se);
    }
  });
});
