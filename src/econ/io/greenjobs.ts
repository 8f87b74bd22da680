/**
 * Green jobs following the ILO statistical definition (19th ICLS guidelines, 2013): employment in
 * the production of environmental goods and services that also meets decent-work criteria. As in
 * Peru's practice, environmental-sector jobs that fail the decent-work filter (informal jobs) are
 * counted as jobs "in transition". Per sector j with employment E_j, environmental share g_j
 * (from a classification of activities) and formal share φ_j (the decent-work filter):
 *   green_j = g_j·φ_j·E_j,   transition_j = g_j·(1 − φ_j)·E_j,   other_j = (1 − g_j)·E_j.
 * For a final-demand shock the same split applies to the change in jobs of each round.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { decomposeOutput } from './decompose.js';
import type { ClosedModel } from './households.js';
import type { LeontiefModel } from './leontief.js';
import { readGrid } from './read-grid.js';
import { readPerSector } from './sector-csv.js';
import type { IoTable } from './types.js';

export interface GreenSpec {
  environmentalShare: number[];
  formalShare: number[];
  /** Where each share came from, for the output header. */
  basis: { environmental: string; formal: string };
}

export interface JobSplit {
  total: number[];
  green: number[];
  transition: number[];
  other: number[];
}

const share01 = (v: number, where: string): void => {
  if (!(v >= 0 && v <= 1)) throw new InputError(where, { en: `a share must be between 0 and 1, got ${v}`, es: `una participación debe estar entre 0 y 1, se recibió ${v}` });
};

/** sector,environmental_share (0–1); other columns (basis, source) are documentation. */
export function readGreenClassification(path: string, sectors: string[]): number[] {
  return readPerSector(readGrid(path), sectors, ['environmental share', 'environmental_share', 'green share', 'green_share'], share01);
}

/** sector,informal_share (0–1). */
export function readInformality(path: string, sectors: string[]): number[] {
  return readPerSector(readGrid(path), sectors, ['informal share', 'informal_share', 'informality', 'informality share'], share01);
}

/** Formal share from formal-employment and employment satellites, when the table has both. */
export function formalShareFromTable(table: IoTable): number[] | undefined {
  const emp = table.satellites.find((s) => s.kind === 'employment');
  const formal = table.satellites.find((s) => s.kind === 'formal_employment');
  if (!emp || !formal) return undefined;
  return emp.values.map((e, i) => (e > 0 ? formal.values[i] / e : 0));
}

export function employmentOf(table: IoTable): number[] {
  const emp = table.satellites.find((s) => s.kind === 'employment');
  if (!emp) throw new InputError(table.source, { en: 'green jobs need an employment satellite row (e.g. "Employment (thousand persons)")', es: 'los empleos verdes necesitan una fila satélite de empleo (p. ej. "Employment (thousand persons)")' });
  return emp.values;
}

export function splitJobs(jobs: number[], spec: GreenSpec): JobSplit {
  const g = spec.environmentalShare;
  const f = spec.formalShare;
  return {
    total: [...jobs],
    green: jobs.map((e, i) => g[i] * f[i] * e),
    transition: jobs.map((e, i) => g[i] * (1 - f[i]) * e),
    other: jobs.map((e, i) => (1 - g[i]) * e),
  };
}

export function baseYearGreenJobs(table: IoTable, spec: GreenSpec): JobSplit {
  return splitJobs(employmentOf(table), spec);
}

export interface GreenImpact {
  direct: JobSplit;
  indirect: JobSplit;
  induced?: JobSplit;
  total: JobSplit;
}

/**
 * Jobs created (or lost) by a final-demand change, by round, split into green / transition / other.
 * `directEnvironmentalShare` (per sector, undefined = sector average) classifies the direct round
 * by what the new demand itself is, e.g. 1 for building renewable plants.
 */
export function greenJobsImpact(
  table: IoTable, open: LeontiefModel, spec: GreenSpec, df: number[], closed?: ClosedModel, directEnvironmentalShare?: (number | undefined)[],
): GreenImpact {
  const perOutput = employmentOf(table).map((e, i) => e / table.x[i]);
  const rounds = decomposeOutput(open, df, closed);
  const jobs = (out: number[], s: GreenSpec = spec): JobSplit => splitJobs(out.map((v, i) => v * perOutput[i]), s);
  const directSpec: GreenSpec = directEnvironmentalShare
    ? { ...spec, environmentalShare: spec.environmentalShare.map((g, i) => directEnvironmentalShare[i] ?? g) }
    : spec;
  const direct = jobs(rounds.direct, directSpec);
  const rest = [jobs(rounds.indirect), ...(rounds.induced ? [jobs(rounds.induced)] : [])];
  const add = (a: JobSplit, b: JobSplit): JobSplit => ({
    total: a.total.map((v, i) => v + b.total[i]),
    green: a.green.map((v, i) => v + b.green[i]),
    transition: a.transition.map((v, i) => v + b.transition[i]),
    other: a.other.map((v, i) => v + b.other[i]),
  });
  return {
    direct,
    indirect: rest[0],
    induced: rest[1],
    total: rest.reduce(add, direct),
  };
}

const minusSplit = (a: JobSplit, b: JobSplit): JobSplit => ({
  total: a.total.map((v, i) => v - b.total[i]),
  green: a.green.map((v, i) => v - b.green[i]),
  transition: a.transition.map((v, i) => v - b.transition[i]),
  other: a.other.map((v, i) => v - b.other[i]),
});

/** Net effect: the programme's gross effect minus the effect of the demand it displaces. */
export function netImpact(gross: GreenImpact, displaced: GreenImpact): GreenImpact {
  return {
    direct: minusSplit(gross.direct, displaced.direct),
    indirect: minusSplit(gross.indirect, displaced.indirect),
    induced: gross.induced && displaced.induced ? minusSplit(gross.induced, displaced.induced) : undefined,
    total: minusSplit(gross.total, displaced.total),
  };
}

export const totalsOf = (s: JobSplit): { total: number; green: number; transition: number; other: number } => ({
  total: s.total.reduce((a, b) => a + b, 0),
  green: s.green.reduce((a, b) => a + b, 0),
  transition: s.transition.reduce((a, b) => a + b, 0),
  other: s.other.reduce((a, b) => a + b, 0),
});
