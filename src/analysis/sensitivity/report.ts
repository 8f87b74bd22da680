/** Global sensitivity indices as terminal tables, CSV and JSON-ready rows. */
import { fmt } from '../report/format.js';
import { textTable } from '../report/text-table.js';
import { rowsCsv } from './csv.js';
import type { MorrisResult } from './morris.js';
import type { SobolResult } from './sobol.js';

const MORRIS_HEADER = ['Output', 'Time', 'Parameter', 'mu', 'mu*', 'sigma'];
const SOBOL_HEADER = ['Output', 'Time', 'Parameter', 'S1', 'S1 conf', 'ST', 'ST conf'];

export function morrisText(r: MorrisResult): string {
  return [
    `Morris: ${r.trajectories} trajectories × ${r.setup.parameters.length + 1} points = ${r.runs} runs, ${r.levels} levels`,
    textTable(
      MORRIS_HEADER,
      r.indices.map((i) => [i.output, fmt(i.time), i.parameter, fmt(i.mu, 5), fmt(i.muStar, 5), fmt(i.sigma, 5)]),
    ),
  ].join('\n');
}

export function morrisCsv(r: MorrisResult): string {
  return rowsCsv(
    MORRIS_HEADER,
    r.indices.map((i) => [i.output, i.time, i.parameter, i.mu, i.muStar, i.sigma]),
  );
}

export function sobolText(r: SobolResult): string {
  return [
    `Sobol (Saltelli sampling): N = ${r.baseSamples} × (${r.setup.parameters.length} + 2) = ${r.runs} runs; conf = 95% bootstrap half-width`,
    textTable(
      SOBOL_HEADER,
      r.indices.map((i) => [i.output, fmt(i.time), i.parameter, fmt(i.s1, 4), fmt(i.s1Conf, 2), fmt(i.st, 4), fmt(i.stConf, 2)]),
    ),
  ].join('\n');
}

export function sobolCsv(r: SobolResult): string {
  return rowsCsv(
    SOBOL_HEADER,
    r.indices.map((i) => [i.output, i.time, i.parameter, i.s1, i.s1Conf, i.st, i.stConf]),
  );
}
