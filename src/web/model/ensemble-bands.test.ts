import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileVensim } from '../../sd/run/engine.js';
import { ensembleBands } from './ensemble-bands.js';

const example = join(__dirname, '..', '..', '..', 'models', 'examples', 'green-growth.mdl');

describe('uncertainty bands', () => {
  const { model } = compileVensim(readFileSync(example, 'utf8'), { file: 'g.mdl' });
  const req = { params: {}, columns: ['Population'], vary: ['birth rate=uniform(0.01,0.02)'], runs: 40, seed: 7, percentiles: [5, 95] as [number, number] };

  it('brackets the runs at the extremes of the distribution and starts with zero width', () => {
    const b = ensembleBands(model, req);
    const last = b.time.length - 1;
    const atLow = model.run({ params: { 'birth rate': 0.01 }, columns: ['Population'] }).series[0]![last]!;
    const atHigh = model.run({ params: { 'birth rate': 0.02 }, columns: ['Population'] }).series[0]![last]!;
    const mid = model.run({ params: { 'birth rate': 0.015 }, columns: ['Population'] }).series[0]![last]!;
    // Population grows monotonically with the birth rate: the band sits inside the extremes, around the middle.
    expect(b.low[0]![last]).toBeGreaterThan(atLow);
    expect(b.high[0]![last]).toBeLessThan(atHigh);
    expect(b.low[0]![last]).toBeLessThan(mid);
    expect(b.high[0]![last]).toBeGreaterThan(mid);
    expect(b.high[0]![0]).toBe(b.low[0]![0]);
  });

  it('is reproducible for a seed and applies the lever settings underneath', () => {
    expect(ensembleBands(model, req)).toEqual(ensembleBands(model, req));
    const taxed = ensembleBands(model, { ...req, columns: ['Fossil CO2 Emissions'], params: { 'carbon tax': 100 } });
    const untaxed = ensembleBands(model, { ...req, columns: ['Fossil CO2 Emissions'] });
    expect(taxed.high[0]!.at(-1)!).toBeLessThan(untaxed.high[0]!.at(-1)!);
  });

  it('gives each percentile its sampling interval: for 40 runs the 5th spans down to the lowest run, the 95th up to the highest', () => {
    const b = ensembleBands(model, req);
    const last = b.time.length - 1;
    const pop = (rate: number) => model.run({ params: { 'birth rate': rate }, columns: ['Population'] }).series[0]![last]!;
    // Latin hypercube: one run in each 1/40 of the range, so the lowest birth rate lies in [0.01, 0.01025).
    expect(b.lowFrom[0]![last]).toBeGreaterThanOrEqual(pop(0.01));
    expect(b.lowFrom[0]![last]).toBeLessThan(pop(0.01025));
    expect(b.highTo[0]![last]).toBeLessThanOrEqual(pop(0.02));
    expect(b.highTo[0]![last]).toBeGreaterThan(pop(0.01975));
    expect(b.lowFrom[0]![last]).toBeLessThan(b.low[0]![last]!);
    expect(b.lowTo[0]![last]).toBeGreaterThan(b.low[0]![last]!);
    expect(b.highFrom[0]![last]).toBeLessThan(b.high[0]![last]!);
    expect(b.highTo[0]![last]).toBeGreaterThan(b.high[0]![last]!);
    expect([b.lowFrom[0]![0], b.highTo[0]![0]]).toEqual([b.low[0]![0], b.high[0]![0]]);
    expect([b.runs, b.percentiles]).toEqual([40, [5, 95]]);
  });

  it('names a bad distribution by its position', () => {
    expect(() => ensembleBands(model, { ...req, vary: ['birth rate=wobbly(1)'] })).toThrow(/uncertainty.parameters\[0\]/);
  });
});
