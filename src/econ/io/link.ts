/**
 * The yearly soft link from a system-dynamics run to the IO model. A mapping turns model
 * variables into final-demand changes by sector (e.g. "investment in solar capacity" → 50 %
 * construction, 40 % electricity, 10 % other manufacturing); for every whole year of the run the
 * final-demand change is pushed through the Leontief (type I) or household-closed (type II)
 * model and gives output, value added, jobs, green jobs and satellite quantities by sector.
 * Pure: it reads only the run it is given (time vector + named series).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { normalizeLabel } from './grid.js';
import { splitJobs, type GreenSpec } from './greenjobs.js';
import { buildModels, valueAddedRows } from './multipliers.js';
import type { IoTable } from './types.js';

export interface LinkEntry {
  /** The model variable, as named in the run's output. */
  variable: string;
  /** Share of the variable that becomes final demand for each sector (the rest leaks, e.g. imports). */
  sectors: Record<string, number>;
  /** Factor from model units to table units (default 1). */
  scale?: number;
  /** 'level' (default): the value is itself a final-demand change; 'change': value minus its first-year value. */
  mode?: 'level' | 'change';
}

export interface LinkMapping {
  entries: LinkEntry[];
  /** 1 (default) or 2 (households endogenous: adds induced effects). */
  type?: 1 | 2;
  description?: string;
}

/** What the link needs of a run: src/sd/run/types.ts RunResult satisfies it. */
export interface RunSeries {
  time: ArrayLike<number>;
  names: string[];
  series: ArrayLike<number>[];
  get?(name: string): ArrayLike<number> | undefined;
}

export interface LinkResult {
  years: number[];
  sectors: string[];
  type: 1 | 2;
  /** [year][sector], in table units. */
  finalDemand: number[][];
  output: number[][];
  valueAdded: number[][];
  jobs?: number[][];
  greenJobs?: number[][];
  jobsInTransition?: number[][];
  otherJobs?: number[][];
  satellites: { name: string; kind: string; unit?: string; values: number[][] }[];
  notes: string[];
}

/** Checks a parsed mapping file against the table's sectors; errors name the field. */
export function validateLinkMapping(value: unknown, source: string, sectors: string[]): LinkMapping {
  const fail = (field: string, en: string, es: string): never => {
    throw new InputError(`${source}: ${field}`, { en, es });
  };
  if (typeof value !== 'object' || value === null) fail('(top level)', 'the mapping must be a JSON object with "entries"', 'el mapeo debe ser un objeto JSON con "entries"');
  const m = value as Record<string, unknown>;
  if (!Array.isArray(m.entries) || m.entries.length === 0) fail('entries', 'must be a non-empty list of {variable, sectors, scale, mode}', 'debe ser una lista no vacía de {variable, sectors, scale, mode}');
  if (m.type !== undefined && m.type !== 1 && m.type !== 2) fail('type', 'must be 1 or 2', 'debe ser 1 o 2');
  const keys = new Map(sectors.map((s) => [normalizeLabel(s), s]));
  const entries = (m.entries as unknown[]).map((e, i): LinkEntry => {
    const o = e as Record<string, unknown>;
    const at = `entries[${i}]`;
    if (typeof o !== 'object' || o === null) fail(at, 'must be an object', 'debe ser un objeto');
    if (typeof o.variable !== 'string' || o.variable.trim() === '') fail(`${at}.variable`, 'must name a model variable', 'debe nombrar una variable del modelo');
    if (typeof o.sectors !== 'object' || o.sectors === null || Array.isArray(o.sectors)) fail(`${at}.sectors`, 'must map sector names to shares', 'debe asignar participaciones a nombres de sectores');
    const shares: Record<string, number> = {};
    let sum = 0;
    for (const [name, share] of Object.entries(o.sectors as Record<string, unknown>)) {
      const sector = keys.get(normalizeLabel(name));
      if (!sector) fail(`${at}.sectors`, `unknown sector "${name}" (the table's sectors: ${sectors.join(', ')})`, `sector desconocido "${name}" (sectores de la tabla: ${sectors.join(', ')})`);
      if (typeof share !== 'number' || !(share >= 0)) fail(`${at}.sectors["${name}"]`, 'must be a number ≥ 0', 'debe ser un número ≥ 0');
      shares[sector!] = share as number;
      sum += share as number;
    }
    if (sum > 1 + 1e-9) fail(
        `${at}.sectors`,
        `shares add up to ${+sum.toFixed(6)}; they may add up to at most 1 (the rest is demand met by imports)`,
        `las participaciones suman ${+sum.toFixed(6)}; pueden sumar como máximo 1 (el resto es demanda atendida con importaciones)`,
      );
    if (o.scale !== undefined && typeof o.scale !== 'number') fail(`${at}.scale`, 'must be a number', 'debe ser un número');
    if (o.mode !== undefined && o.mode !== 'level' && o.mode !== 'change') fail(`${at}.mode`, 'must be "level" or "change"', 'debe ser "level" o "change"');
    return { variable: o.variable as string, sectors: shares, scale: o.scale as number | undefined, mode: o.mode as LinkEntry['mode'] };
  });
  return { entries, type: m.type as 1 | 2 | undefined, description: typeof m.description === 'string' ? m.description : undefined };
}

function seriesOf(run: RunSeries, name: string, where: string): ArrayLike<number> {
  const byGet = run.get?.(name);
  if (byGet) return byGet;
  const key = normalizeLabel(name);
  const i = run.names.findIndex((n) => normalizeLabel(n) === key);
  if (i < 0) {
    const list = run.names.length > 20 ? `${run.names.slice(0, 20).join(', ')}, …` : run.names.join(', ');
    throw new InputError(where, { en: `the run has no output named "${name}" (outputs: ${list})`, es: `la corrida no tiene una salida llamada "${name}" (salidas: ${list})` });
  }
  return run.series[i];
}

/** Whole years covered by the run and, for each, where to read (by linear interpolation). */
export function wholeYears(time: ArrayLike<number>): number[] {
  if (time.length === 0) throw new InputError('run', { en: 'the run has no saved times', es: 'la corrida no tiene tiempos guardados' });
  const first = Math.ceil(time[0] - 1e-9);
  const last = Math.floor(time[time.length - 1] + 1e-9);
  if (last < first) throw new InputError('run', { en: `the run (${time[0]}..${time[time.length - 1]}) contains no whole year`, es: `la corrida (${time[0]}..${time[time.length - 1]}) no contiene ningún año completo` });
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

export function valueAt(time: ArrayLike<number>, values: ArrayLike<number>, t: number): number {
  let hi = 0;
  while (hi < time.length - 1 && time[hi] < t - 1e-9) hi++;
  if (Math.abs(time[hi] - t) <= 1e-9 || hi === 0) return values[hi];
  const lo = hi - 1;
  const w = (t - time[lo]) / (time[hi] - time[lo]);
  return values[lo] + w * (values[hi] - values[lo]);
}

export interface LinkContext {
  table: IoTable;
  green?: GreenSpec;
  /** A baseline run: the link then uses scenario minus baseline for every variable. */
  baseline?: RunSeries;
  /** Names the mapping in messages. */
  where?: string;
}

export function linkRunToIo(run: RunSeries, mapping: LinkMapping, ctx: LinkContext): LinkResult {
  const { table } = ctx;
  const where = ctx.where ?? 'mapping';
  const models = buildModels(table);
  const type = mapping.type ?? 1;
  const notes = [...models.notes];
  if (type === 2 && !models.closed) throw new InputError(`${where}: type`, { en: 'type 2 needs household accounts in the table', es: 'el tipo 2 necesita cuentas de hogares en la tabla' });
  const closed = type === 2 ? models.closed : undefined;
  const n = table.sectors.length;
  const years = wholeYears(run.time);
  const index = new Map(table.sectors.map((s, i) => [s, i]));

  const finalDemand = years.map(() => new Array<number>(n).fill(0));
  mapping.entries.forEach((e, k) => {
    const at = `${where}: entries[${k}].variable`;
    const series = seriesOf(run, e.variable, at);
    const base = ctx.baseline ? seriesOf(ctx.baseline, e.variable, `${at} (baseline)`) : undefined;
    const raw = years.map((y) => valueAt(run.time, series, y) - (base ? valueAt(ctx.baseline!.time, base, y) : 0));
    const origin = e.mode === 'change' ? raw[0] : 0;
    raw.forEach((v, t) => {
      const amount = (v - origin) * (e.scale ?? 1);
      if (!Number.isFinite(amount)) throw new InputError(at, { en: `"${e.variable}" is not finite in ${years[t]}`, es: `"${e.variable}" no es finito en ${years[t]}` });
      for (const [sector, share] of Object.entries(e.sectors)) finalDemand[t][index.get(sector)!] += amount * share;
    });
  });

  const output = finalDemand.map((df) => (closed ? closed.outputFor(df) : models.open.outputFor(df)));
  const per = (v: number[]): number[] => v.map((q, j) => q / table.x[j]);
  const times = (perUnit: number[]) => output.map((dx) => dx.map((v, j) => v * perUnit[j]));
  const result: LinkResult = {
    years, sectors: table.sectors, type, finalDemand, output,
    valueAdded: times(per(valueAddedRows(table))),
    satellites: table.satellites.map((s) => ({ name: s.name, kind: s.kind, unit: s.unit, values: times(per(s.values)) })),
    notes,
  };
  const emp = table.satellites.find((s) => s.kind === 'employment');
  if (emp) {
    result.jobs = times(per(emp.values));
    if (ctx.green) {
      const splits = result.jobs.map((j) => splitJobs(j, ctx.green!));
      result.greenJobs = splits.map((s) => s.green);
      result.jobsInTransition = splits.map((s) => s.transition);
      result.otherJobs = splits.map((s) => s.other);
    } else notes.push('green jobs not computed: no green classification given');
  } else notes.push('jobs not computed: the table has no employment satellite');
  return result;
}

/** Long-format rows (year, sector, indicator, value) of a link result. */
export function linkRows(r: LinkResult): [number, string, string, number][] {
  const rows: [number, string, string, number][] = [];
  const add = (name: string, m?: number[][]): void => {
    if (!m) return;
    r.years.forEach((y, t) => r.sectors.forEach((s, j) => rows.push([y, s, name, m[t][j]])));
  };
  add('final_demand_change', r.finalDemand);
  add('output', r.output);
  add('value_added', r.valueAdded);
  add('jobs', r.jobs);
  add('green_jobs', r.greenJobs);
  add('jobs_in_transition', r.jobsInTransition);
  add('other_jobs', r.otherJobs);
  for (const s of r.satellites) if (s.kind !== 'employment') add(s.name, s.values);
  return rows;
}
