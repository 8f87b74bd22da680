import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { HistoricalData } from '../data/types.js';
import { exponentialModel } from '../testing/toy-model.js';
import { parseBoundSpec } from './parameters.js';
import { CalibrationProblem } from './problem.js';

function series(name: string, time: number[], value: number[]): HistoricalData {
  return { source: 'h.csv', series: [{ name, where: `h.csv:1:2`, time: Float64Array.from(time), value: Float64Array.from(value) }] };
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

const bound = [{ name: 'growth rate', lo: 0, hi: 0.1 }];

describe('calibration problem', () => {
  it('computes the weighted SSE at observed times only, interpolating between saves', () => {
    const model = exponentialModel();
    // Observations at t = 0 and 10.5 (between saves 10 and 11).
    const data = series('population', [0, 10.5], [100, 150]);
    const p = new CalibrationProblem(model, { parameters: bound, data, weights: { Population: 2 } });
    const run = model.run({ params: { 'growth rate': 0.03 } }).get('Population')!;
    const sim105 = (run[10] + run[11]) / 2;
    expect(p.payoff([0.03])).toBeCloseTo(2 * ((run[0] - 100) ** 2 + (sim105 - 150) ** 2), 9);
    const rel = new CalibrationProblem(model, { parameters: bound, data, relativeErrors: true });
    expect(rel.payoff([0.03])).toBeCloseTo(((run[0] - 100) / 100) ** 2 + ((sim105 - 150) / 150) ** 2, 12);
  });

  it('weights each series by 1/variance by default and drops points outside the run', () => {
    const data = series('Population', [0, 1, 2, 99], [1, 2, 3, 7]);
    const p = new CalibrationProblem(exponentialModel(), { parameters: bound, data });
    // Observed values within 0..50 are 1, 2, 3: population variance 2/3.
    expect(p.series[0].weight).toBeCloseTo(1.5, 12);
    expect(p.series[0].ignored).toBe(1);
  });

  it('rejects bad input with a message naming the item', () => {
    const model = exponentialModel();
    const data = series('Population', [0, 1], [100, 103]);
    expect(inputError(() => new CalibrationProblem(model, { parameters: bound, data: series('Popluation', [0], [1]) })).message).toBe(
      'h.csv:1:2: unknown variable "Popluation": the model has no output of that name',
    );
    expect(inputError(() => new CalibrationProblem(model, { parameters: [parseBoundSpec('growth rate=0.5:0.1')], data })).message).toBe(
      '--vary "growth rate=0.5:0.1": lower bound 0.5 of "growth rate" must be below its upper bound 0.1',
    );
    expect(inputError(() => new CalibrationProblem(model, { parameters: [parseBoundSpec('births=0:1')], data })).message).toContain(
      '"births" is not a constant',
    );
    expect(inputError(() => new CalibrationProblem(model, { parameters: [parseBoundSpec('birth=0:1')], data })).message).toContain(
      'unknown variable "birth"',
    );
    expect(inputError(() => new CalibrationProblem(model, { parameters: bound, data: series('Population', [60, 70], [1, 2]) })).message).toBe(
      'h.csv:1:2: no observation of "Population" falls within the simulated time 0 to 50 (data: 60 to 70)',
    );
    expect(inputError(() => parseBoundSpec('growth rate=0:x')).message).toBe('--vary "growth rate=0:x": HI "x" is not a number');
  });
});
