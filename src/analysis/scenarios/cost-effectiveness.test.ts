import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sd/run/types.js';
import { costEffectiveness } from './cost-effectiveness.js';
import type { ScenarioRun } from './run.js';

function run(name: string, cost: number, ghg: number, jobs: number): ScenarioRun {
  const time = Float64Array.from([2024, 2025, 2026]);
  const cols: Record<string, Float64Array> = {
    'Policy Public Cost': Float64Array.from([0, cost, cost]),
    'Total GHG Emissions': Float64Array.from([200, ghg, ghg]),
    Employment: Float64Array.from([1e7, jobs, jobs]),
  };
  const result: RunResult = { time, names: Object.keys(cols), series: Object.values(cols), get: (n) => cols[n] };
  return { scenario: { name, title: name, description: '', levers: {}, where: {}, file: '' }, result, millis: 0 };
}

describe('cost-effectiveness against the reference', () => {
  const o = { from: 2025, to: 2026, cost: 'Policy Public Cost', ghg: 'Total GHG Emissions', jobs: 'Employment' };
  it('sums cost, avoided GHG and job-years over the years and divides (MSoles / MtCO2e = soles per tCO2e)', () => {
    const [row] = costEffectiveness([run('bau', 0, 200, 1e7), run('p', 500, 190, 1e7 + 1000)], 'bau', o);
    expect(row.cost).toBe(1000);
    expect(row.ghgAvoided).toBe(20);
    expect(row.jobYears).toBe(2000);
    expect(row.solesPerTonne).toBe(50);
    expect(row.solesPerJobYear).toBe(500_000);
  });
  it('gives no ratio when nothing is avoided or no job is added, and nothing without a cost variable', () => {
    const [row] = costEffectiveness([run('bau', 0, 200, 1e7), run('p', 500, 205, 1e7 - 10)], 'bau', o);
    expect(row.solesPerTonne).toBeUndefined();
    expect(row.solesPerJobYear).toBeUndefined();
    expect(costEffectiveness([run('bau', 0, 200, 1e7)], 'bau', { ...o, cost: 'nothing' })).toEqual([]);
  });
});
