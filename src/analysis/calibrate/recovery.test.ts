/**
 * Parameter recovery: data made by a model with known constants plus 1% seeded noise are fitted
 * back, from the model's (different) default values, within 1% of the truth — for exponential
 * growth, logistic growth and an oscillating second-order stock chain, with every optimizer.
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../sd/run/types.js';
import { exponentialModel, logisticModel, oscillatorModel } from '../testing/toy-model.js';
import { syntheticData } from '../testing/synthetic.js';
import { calibrate, OPTIMIZERS } from './calibrate.js';
import type { ParameterBound } from './parameters.js';

interface Case {
  shape: string;
  model: () => Model;
  truth: Record<string, number>;
  bounds: ParameterBound[];
  columns: string[];
}

const cases: Case[] = [
  {
    shape: 'exponential growth',
    model: exponentialModel,
    truth: { 'growth rate': 0.042, 'initial population': 80 },
    bounds: [
      { name: 'growth rate', lo: 0.001, hi: 0.1 },
      { name: 'initial population', lo: 10, hi: 500 },
    ],
    columns: ['Population'],
  },
  {
    shape: 'logistic growth',
    model: logisticModel,
    truth: { 'fractional growth': 0.31, 'carrying capacity': 1350, 'initial adopters': 7 },
    bounds: [
      { name: 'fractional growth', lo: 0.05, hi: 1 },
      { name: 'carrying capacity', lo: 200, hi: 5000 },
      { name: 'initial adopters', lo: 1, hi: 50 },
    ],
    columns: ['Adopters'],
  },
  {
    shape: 'oscillating stock chain',
    model: oscillatorModel,
    truth: { 'adjustment time': 1.7, 'delivery delay': 3.6, 'desired inventory': 120 },
    bounds: [
      { name: 'adjustment time', lo: 0.5, hi: 10 },
      { name: 'delivery delay', lo: 0.5, hi: 10 },
      { name: 'desired inventory', lo: 50, hi: 200 },
    ],
    columns: ['Inventory', 'Supply Line'],
  },
];

describe('calibration recovers known parameters within 1%', () => {
  for (const c of cases) {
    for (const method of OPTIMIZERS) {
      it(`${c.shape} with ${method}`, () => {
        const model = c.model();
        const data = syntheticData(model, { truth: c.truth, columns: c.columns, noise: 0.01, seed: 2024 });
        const result = calibrate(model, { parameters: c.bounds, data }, { method, starts: 3, seed: 7 });
        const errors = result.parameters.map((p) => Math.abs(p.value / c.truth[p.name] - 1));
        console.log(
          `${c.shape} / ${method}: ` +
            result.parameters.map((p, i) => `${p.name}=${p.value.toPrecision(6)} (err ${(100 * errors[i]).toFixed(3)}%)`).join(', ') +
            `; payoff ${result.payoff.toPrecision(4)}, ${result.evaluations} runs`,
        );
        for (const e of errors) expect(e).toBeLessThan(0.01);
        for (const p of result.parameters) expect(p.atBound).toBeNull();
      });
    }
  }
});
