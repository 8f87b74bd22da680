import { describe, expect, it } from 'vitest';
import { syntheticData } from '../testing/synthetic.js';
import { logisticModel } from '../testing/toy-model.js';
import { calibrate } from './calibrate.js';

describe('calibration is deterministic for a seed', () => {
  const model = logisticModel();
  const data = syntheticData(model, { truth: { 'fractional growth': 0.3 }, columns: ['Adopters'], noise: 0.02, seed: 1 });
  const setup = { parameters: [{ name: 'fractional growth', lo: 0.05, hi: 1 }, { name: 'carrying capacity', lo: 500, hi: 2000 }], data };
  it('repeats exactly with the same seed and starts elsewhere with another', () => {
    for (const method of ['lm', 'powell', 'nelder-mead'] as const) {
      const a = calibrate(model, setup, { method, starts: 3, seed: 5 });
      const b = calibrate(model, setup, { method, starts: 3, seed: 5 });
      expect(b).toEqual(a);
      const c = calibrate(model, setup, { method, starts: 3, seed: 6 });
      expect(c.starts[0].from).toEqual(a.starts[0].from); // the model's own values
      expect(c.starts[1].from).not.toEqual(a.starts[1].from);
    }
  });

  it('stops on the evaluation budget and says so', () => {
    const r = calibrate(model, setup, { method: 'nelder-mead', starts: 1, maxEvaluations: 15 });
    expect(r.starts[0].stop).toBe('budget');
    expect(r.starts[0].evaluations).toBeLessThanOrEqual(17);
  });
});
