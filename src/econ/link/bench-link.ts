/**
 * Benchmark of the linked SD–CGE run (issue 10 target: under 10 s for one scenario): the whole
 * `runIntegrated` of models/peru for isc-reform-lumpsum, SD model load and compile included.
 * Called by src/bench/run-bench.ts; wall and CPU time, with the work it did.
 */
import { existsSync } from 'node:fs';
import { runIntegrated } from './run-integrated.js';

export function linkBenchLine(dir = 'models/peru', scenario = 'isc-reform-lumpsum'): string {
  if (!existsSync(`${dir}/link/cge-link.json`)) return 'linked SD–CGE run: no link mapping found';
  const r = runIntegrated(dir, { scenario });
  const ys = r.link.years;
  const its = ys.reduce((s, y) => s + y.iterations, 0);
  const ok = ys.filter((y) => y.converged).length;
  return `linked SD–CGE run, ${scenario} ${ys[0]!.year}–${ys[ys.length - 1]!.year}: ${(r.timing.wallMs / 1000).toFixed(2)} s wall, ${(r.timing.cpuMs / 1000).toFixed(2)} s CPU (${ok}/${ys.length} years converged, ${its} iterations, ${r.link.sdRuns} SD runs, ${r.link.cgeSolves} CGE solves; target < 10 s)`;
}
