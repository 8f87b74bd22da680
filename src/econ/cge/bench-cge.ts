/**
 * CGE benchmarks (issue 10 targets): one static solve of a 20-sector × 5-household model
 * (< 50 ms), one static policy solve of the Peru 2019 model, and the 2019–2050 recursive run of
 * the Peru model for a scenario, baseline included (< 2 s). Called by src/bench/run-bench.ts.
 */
import { existsSync } from 'node:fs';
import { calibrate } from './calibrate.js';
import { DEFAULT_CLOSURE } from './closure.js';
import { parseElasticities } from './elasticities.js';
import { runCgeModel } from './run-model.js';
import { solveStatic } from './solve.js';
import { syntheticElasticities, syntheticSam } from './synthetic-sam.js';

export interface CgeBench {
  staticMs: number;
  staticIterations: number;
  recursiveMs: number;
  recursiveYears: number;
  /** Jacobian factorisations and chord steps of the baseline and scenario runs together. */
  factorisations: number;
  chordSteps: number;
}

export function benchCge(peruDir = 'models/peru/cge'): CgeBench {
  const cal = calibrate(syntheticSam({ sectors: 20, households: 5 }), parseElasticities(syntheticElasticities(), 'synthetic'));
  const dtq = cal.T.map((_t, ti) => cal.C.map((_c, ci) => (cal.taxKind[ti] === 'isc' && cal.acc[cal.C[ci]!]!.kind === 'fuel' ? 0.2 : 0)));
  solveStatic(cal, DEFAULT_CLOSURE, { dtq }); // warm-up (JIT)
  const runs = 5;
  let t = performance.now();
  let it = 0;
  for (let k = 0; k < runs; k++) it = solveStatic(cal, DEFAULT_CLOSURE, { dtq }).iterations;
  const staticMs = (performance.now() - t) / runs;
  let recursiveMs = NaN, recursiveYears = 0, factorisations = 0, chordSteps = 0;
  if (existsSync(`${peruDir}/model.json`)) {
    t = performance.now();
    const r = runCgeModel(peruDir, { scenario: 'isc-reform-lumpsum', years: [2019, 2050] });
    recursiveMs = performance.now() - t;
    recursiveYears = r.results.years.length;
    factorisations = (r.baseline.solver?.factorisations ?? 0) + (r.run === r.baseline ? 0 : (r.run.solver?.factorisations ?? 0));
    chordSteps = (r.baseline.solver?.chordSteps ?? 0) + (r.run === r.baseline ? 0 : (r.run.solver?.chordSteps ?? 0));
  }
  return { staticMs, staticIterations: it, recursiveMs, recursiveYears, factorisations, chordSteps };
}

export function cgeBenchLine(): string {
  const b = benchCge();
  return `CGE: static policy solve, 20 sectors × 5 households: ${b.staticMs.toFixed(1)} ms (${b.staticIterations} Newton steps; target < 50 ms); Peru 2019–2050 recursive run, baseline + isc-reform-lumpsum (${b.recursiveYears} years): ${b.recursiveMs.toFixed(0)} ms, ${b.factorisations} Jacobians + ${b.chordSteps} chord steps (target < 2000 ms)`;
}
