/**
 * Green jobs and jobs in transition of a scenario run, through the input-output module
 * (src/econ/io): the run's final-demand aggregates are mapped to IO sectors (the project's link
 * mapping), pushed through the Leontief model year by year, and the resulting jobs by sector are
 * split with the ILO definition used by the IO module (green = environmental share × formal share
 * × jobs; transition = environmental share × informal share × jobs).
 *
 * Two bridges keep the result consistent with the SD run:
 * - IO jobs use fixed base-year jobs per unit of output, so the sector mix comes from the IO model
 *   and the level from the SD model: jobs are rescaled each year to the run's total employment;
 * - the formal share of every sector moves with the run's formal-employment share relative to the
 *   base year, and chosen sectors take their environmental share from a run variable (e.g. the
 *   renewable share of generation for Electricity).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { RunResult } from '../../sd/run/types.js';
import { loadIoTable } from '../../econ/io/load.js';
import { readJson } from '../../econ/io/read-grid.js';
import { readGreenClassification, readInformality } from '../../econ/io/greenjobs.js';
import { linkRunToIo, validateLinkMapping, type LinkMapping } from '../../econ/io/link.js';
import type { IoTable } from '../../econ/io/types.js';
import type { GreenJobsSpec } from './project.js';
import { valueAtYear } from './run.js';

export interface GreenJobsContext {
  spec: GreenJobsSpec;
  table: IoTable;
  mapping: LinkMapping;
  environmentalShare: number[];
  formalShare: number[];
  /** Column index of each overridden sector. */
  overrides: { sector: number; variable: string }[];
  employmentVariable: string;
}

export interface GreenJobsSeries {
  years: number[];
  /** Persons, by year. */
  green: number[];
  transition: number[];
  total: number[];
}

export function loadGreenJobsContext(spec: GreenJobsSpec, employmentVariable = 'Employment'): GreenJobsContext {
  const { table } = loadIoTable(spec.table);
  const mapping = validateLinkMapping(readJson(spec.mapping), spec.mapping, table.sectors);
  const key = (s: string) => s.trim().toLowerCase();
  const overrides = Object.entries(spec.environmentalShareFrom).map(([sector, variable]) => {
    const j = table.sectors.findIndex((s) => key(s) === key(sector));
    if (j < 0) throw new InputError(`greenJobs.environmentalShareFrom["${sector}"]`, { en: `not a sector of ${spec.table} (${table.sectors.join(', ')})`, es: `no es un sector de ${spec.table} (${table.sectors.join(', ')})` });
    return { sector: j, variable };
  });
  if (!table.satellites.some((s) => s.kind === 'employment')) {
    throw new InputError(spec.table, { en: 'the IO table has no employment satellite: green jobs cannot be computed', es: 'la tabla IO no tiene satélite de empleo: no se pueden calcular los empleos verdes' });
  }
  return {
    spec,
    table,
    mapping,
    environmentalShare: readGreenClassification(spec.classification, table.sectors),
    formalShare: readInformality(spec.informality, table.sectors).map((s) => 1 - s),
    overrides,
    employmentVariable,
  };
}

function series(result: RunResult, name: string, where: string): ArrayLike<number> {
  const s = result.get(name);
  if (!s) throw new InputError(where, { en: `the run has no variable "${name}"`, es: `la corrida no tiene la variable "${name}"` });
  return s;
}

export function greenJobsOf(ctx: GreenJobsContext, result: RunResult): GreenJobsSeries {
  const link = linkRunToIo(result, ctx.mapping, { table: ctx.table, where: ctx.spec.mapping });
  if (!link.jobs) throw new InputError(ctx.spec.table, { en: 'the IO link returned no jobs', es: 'el enlace IO no devolvió empleos' });
  const { baseYear } = ctx.spec;
  const employment = series(result, ctx.employmentVariable, 'greenJobs');
  const formal = ctx.spec.formalShareFrom ? series(result, ctx.spec.formalShareFrom, 'greenJobs.formalShareFrom') : undefined;
  const formalBase = formal ? valueAtYear(result, formal, baseYear) : 1;
  if (formal && !(formalBase > 0)) throw new InputError('greenJobs.baseYear', { en: `${baseYear} lies outside the run or the formal share is 0 there`, es: `${baseYear} está fuera de la corrida o la participación formal es 0 en ese año` });
  const overrideSeries = ctx.overrides.map((o) => ({ ...o, values: series(result, o.variable, `greenJobs.environmentalShareFrom`) }));
  const out: GreenJobsSeries = { years: link.years, green: [], transition: [], total: [] };
  link.years.forEach((year, t) => {
    const jobs = link.jobs![t];
    const ioTotal = jobs.reduce((a, b) => a + b, 0);
    const modelTotal = valueAtYear(result, employment, year);
    // IO jobs are in the satellite's unit; only the sector mix is used, the level is the run's.
    const scale = ioTotal > 0 ? modelTotal / ioTotal : 0;
    const formalRatio = formal ? valueAtYear(result, formal, year) / formalBase : 1;
    const env = ctx.environmentalShare.slice();
    for (const o of overrideSeries) env[o.sector] = Math.min(1, Math.max(0, valueAtYear(result, o.values, year)));
    let green = 0;
    let transition = 0;
    jobs.forEach((e, j) => {
      const phi = Math.min(1, ctx.formalShare[j] * formalRatio);
      green += env[j] * phi * e * scale;
      transition += env[j] * (1 - phi) * e * scale;
    });
    out.green.push(green);
    out.transition.push(transition);
    out.total.push(modelTotal);
  });
  return out;
}
