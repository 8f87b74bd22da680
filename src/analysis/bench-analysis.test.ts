/** The bench workloads run and do real work (no timing is asserted here). */
import { describe, expect, it } from 'vitest';
import { benchCalibration, benchEnsemble } from './bench-analysis.js';
import { logisticModel, oscillatorModel } from './testing/toy-model.js';

describe('bench workloads', () => {
  it('benchCalibration fits the constants it perturbed', () => {
    const r = benchCalibration(oscillatorModel(), { parameters: 4, series: 2 });
    expect(r.parameters).toEqual(['desired inventory', 'adjustment time', 'delivery delay', 'initial inventory']);
    expect(r.series).toEqual(['Inventory', 'Supply Line']);
    expect(r.maxRelativeError).toBeLessThan(1e-3);
    expect(r.runs).toBeGreaterThan(10);
  });

  it('benchEnsemble gives the same checksum for the same seed', async () => {
    const a = await benchEnsemble(logisticModel(), { runs: 50 });
    const b = await benchEnsemble(logisticModel(), { runs: 50 });
    expect(a.checksum).toBe(b.checksum);
    expect(a.runs).toBe(50);
  });
});
