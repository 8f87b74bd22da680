import { describe, expect, it } from 'vitest';
import { loadModelDir } from './model-dir.js';
import { runRecursive } from './recursive.js';
import { collectResults } from './results.js';

describe('CGE results report convergence as the solves found it', () => {
  it('converged only while every yearly solve of the run and its baseline converged', () => {
    const model = loadModelDir('models/peru/cge');
    const run = runRecursive(model, { years: [2019, 2021] });
    expect(collectResults(model.cal, run, 'base', run).converged).toBe(true);
    const bad = { ...run, records: run.records.map((r, i) => (i === 1 ? { ...r, sol: { ...r.sol, converged: false } } : r)) };
    expect(collectResults(model.cal, bad, 'base').converged).toBe(false);
    expect(collectResults(model.cal, run, 'scenario', bad).converged).toBe(false);
  });
});
