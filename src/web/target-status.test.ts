import { describe, expect, it } from 'vitest';
import type { Target } from './indicators.js';
import type { BandResult } from './model/ensemble-bands.js';
import { bandStatus, centralStatus, targetStatuses } from './target-status.js';

const cap: Target = { year: 2030, value: 208.8, direction: 'max' };
const floor: Target = { year: 2030, value: 50, direction: 'min' };

/** A band of one series on the years 2020 and 2030 (flat in 2020), with the given 2030 figures. */
function band(p5: number, p95: number, intervals: { low: [number, number]; high: [number, number] }, runs = 200): BandResult {
  const two = (a: number, b: number) => [Float64Array.of(a, b)];
  return {
    time: Float64Array.of(2020, 2030),
    names: ['Total GHG Emissions'],
    low: two(p5, p5),
    high: two(p95, p95),
    lowFrom: two(p5, intervals.low[0]),
    lowTo: two(p5, intervals.low[1]),
    highFrom: two(p95, intervals.high[0]),
    highTo: two(p95, intervals.high[1]),
    runs,
    percentiles: [5, 95],
  };
}

describe('target status from the central run', () => {
  it('maps met, not met and unknown', () => {
    expect(centralStatus(200, cap)).toEqual({ verdict: 'met', edge: false });
    expect(centralStatus(210, cap)).toEqual({ verdict: 'missed', edge: false });
    expect(centralStatus(NaN, cap)).toEqual({ verdict: undefined, edge: false });
    expect(centralStatus(49, floor).verdict).toBe('missed');
  });
});

describe('target status from the uncertainty band (the report rule)', () => {
  const narrow = { low: [0, 0] as [number, number], high: [0, 0] as [number, number] };

  it('is met under a cap only when the 95th percentile is at or below it', () => {
    expect(bandStatus(band(180, 205, { low: [178, 182], high: [203, 207] }), 'Total GHG Emissions', cap)).toEqual({ verdict: 'met', edge: false });
    // The central run could be under the cap while the band straddles it: uncertain, not met.
    expect(bandStatus(band(190, 215, { low: [188, 192], high: [213, 217] }), 'Total GHG Emissions', cap)?.verdict).toBe('uncertain');
    expect(bandStatus(band(210, 230, { low: [209.5, 211], high: [228, 232] }), 'Total GHG Emissions', cap)?.verdict).toBe('missed');
  });

  it('turns the rule round over a floor', () => {
    expect(bandStatus(band(51, 60, narrow), 'Total GHG Emissions', floor)?.verdict).toBe('met');
    expect(bandStatus(band(45, 55, narrow), 'Total GHG Emissions', floor)?.verdict).toBe('uncertain');
    expect(bandStatus(band(40, 49, narrow), 'Total GHG Emissions', floor)?.verdict).toBe('missed');
  });

  it('flags "on the edge" when the cap lies inside the sampling interval of a deciding percentile', () => {
    expect(bandStatus(band(180, 207, { low: [178, 182], high: [205, 210] }), 'Total GHG Emissions', cap)).toEqual({ verdict: 'met', edge: true });
    expect(bandStatus(band(209, 230, { low: [207, 211], high: [228, 232] }), 'Total GHG Emissions', cap)).toEqual({ verdict: 'missed', edge: true });
  });

  it('reads the band at the target year between saved times', () => {
    // p95 runs from 200 (2020) to 220 (2030): 210 in 2025, over a 2025 cap of 209.
    const b = band(190, 220, narrow);
    b.high[0] = Float64Array.of(200, 220);
    expect(bandStatus(b, 'Total GHG Emissions', { ...cap, year: 2025, value: 209 })?.verdict).toBe('uncertain');
    expect(bandStatus(b, 'Total GHG Emissions', { ...cap, year: 2040 })).toEqual({ verdict: undefined, edge: false });
  });

  it('uses the band for all targets when it holds the series, else the central run for all', () => {
    const b = band(190, 215, { low: [188, 192], high: [213, 217] }, 300);
    const conditional: Target = { ...cap, value: 179 };
    const fromBand = targetStatuses('Total GHG Emissions', [cap, conditional], () => 200, b);
    expect(fromBand.basis).toEqual({ kind: 'band', runs: 300, low: 5, high: 95 });
    expect(fromBand.statuses.map((s) => s.verdict)).toEqual(['uncertain', 'missed']);
    const central = targetStatuses('Forest Area', [floor], () => 60, b);
    expect(central.basis).toEqual({ kind: 'central' });
    expect(central.statuses[0]!.verdict).toBe('met');
    expect(targetStatuses('Total GHG Emissions', [cap], () => 200, undefined).statuses[0]).toEqual({ verdict: 'met', edge: false });
  });
});
