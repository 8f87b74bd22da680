/**
 * Result documents for the CLI and the HTTP API: the JSON objects (snake_case keys, stable shape)
 * and the per-sector rows written as text tables or CSV. Pure functions of computed results.
 */
import type { GreenImpact, GreenSpec, JobSplit } from './greenjobs.js';
import { totalsOf } from './greenjobs.js';
import type { ClosedModel } from './households.js';
import type { LeontiefModel } from './leontief.js';
import type { Linkages } from './linkages.js';
import type { Multipliers } from './multipliers.js';
import type { Row } from './report.js';
import type { Rounds } from './decompose.js';
import type { IoTable } from './types.js';

export function tableMeta(t: IoTable): Record<string, unknown> {
  return { source: t.source, title: t.title ?? null, status: t.status ?? null, units: t.units ?? null, sectors: t.sectors.length };
}

/** One line naming the table, with a loud ESTIMATED label when it is not an official table. */
export function tableHeading(t: IoTable): string {
  const label = t.status === 'estimated' && !/estimated/i.test(t.title ?? '') ? ' [ESTIMATED TABLE, not official statistics]' : t.status === 'example' ? ' [example]' : '';
  return `table: ${t.title ?? t.source}${label}\nsource: ${t.source}${t.units ? `\nunits: ${t.units}` : ''}`;
}

export function multipliersJson(
  t: IoTable, m: Multipliers, link: Linkages, open: LeontiefModel, closed: ClosedModel | undefined, type: 1 | 2,
): Record<string, unknown> {
  const sat = m.satellites.map((s) => ({
    name: s.name, kind: s.kind, unit: s.unit ?? null, direct: s.direct, simple: s.simple, type1: s.type1,
    simple_total: s.simpleTotal ?? null, type2: s.type2 ?? null,
  }));
  return {
    table: tableMeta(t),
    type,
    sectors: t.sectors,
    technical_coefficients: open.A,
    leontief: open.inverse(),
    leontief_closed: type === 2 && closed ? closed.inverse() : null,
    output_multipliers: type === 2 ? m.output.type2 : m.output.type1,
    output_multipliers_type1: m.output.type1,
    output_multipliers_type2: m.output.type2 ?? null,
    output_multipliers_total: m.output.total ?? null,
    income_multipliers: m.income
      ? { direct: m.income.direct, simple: m.income.simple, type1: m.income.type1, total: m.income.total ?? null, type2: m.income.type2 ?? null }
      : null,
    value_added_multipliers: { direct: m.valueAdded.direct, simple: m.valueAdded.simple, simple_total: m.valueAdded.simpleTotal ?? null },
    employment_multipliers: sat.find((s) => s.kind === 'employment') ?? null,
    satellite_multipliers: sat,
    linkages: { backward: link.backward, forward: link.forward, forward_ghosh: link.forwardGhosh, class: link.class },
    notes: m.notes,
  };
}

export function multiplierRows(m: Multipliers, link: Linkages, type: 1 | 2): { headers: string[]; rows: Row[] } {
  const headers = ['sector', 'output_type1'];
  if (type === 2) headers.push('output_type2', 'output_total');
  headers.push('income_simple', 'income_type1');
  if (type === 2) headers.push('income_total', 'income_type2');
  headers.push('value_added');
  for (const s of m.satellites) {
    const key = s.name.replace(/\s*\(.*\)\s*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '_');
    headers.push(`${key}_simple`, `${key}_type1`);
    if (type === 2) headers.push(`${key}_simple_total`, `${key}_type2`);
  }
  headers.push('backward_linkage', 'forward_linkage', 'forward_ghosh', 'linkage_class');
  const rows = m.sectors.map((s, j) => {
    const r: Row = [s, m.output.type1[j]];
    if (type === 2) r.push(m.output.type2?.[j], m.output.total?.[j]);
    r.push(m.income?.simple[j], m.income?.type1[j]);
    if (type === 2) r.push(m.income?.total?.[j], m.income?.type2?.[j]);
    r.push(m.valueAdded.simple[j]);
    for (const sat of m.satellites) {
      r.push(sat.simple[j], sat.type1[j]);
      if (type === 2) r.push(sat.simpleTotal?.[j], sat.type2?.[j]);
    }
    r.push(link.backward[j], link.forward[j], link.forwardGhosh[j], link.class[j]);
    return r;
  });
  return { headers, rows };
}

export interface ImpactResult {
  sectors: string[];
  demand: number[];
  output: Rounds;
  valueAdded: Rounds;
  satellites: { name: string; kind: string; unit?: string; rounds: Rounds }[];
}

const sum = (v?: number[]): number | undefined => v?.reduce((a, b) => a + b, 0);

export function impactRows(r: ImpactResult): { headers: string[]; rows: Row[] } {
  const induced = r.output.induced !== undefined;
  const headers = ['sector', 'demand_change', 'output_direct', 'output_indirect', ...(induced ? ['output_induced'] : []), 'output_total', 'value_added_total'];
  for (const s of r.satellites) headers.push(`${s.name}`);
  const rows: Row[] = r.sectors.map((name, i) => [
    name, r.demand[i], r.output.direct[i], r.output.indirect[i], ...(induced ? [r.output.induced![i]] : []), r.output.total[i],
    r.valueAdded.total[i], ...r.satellites.map((s) => s.rounds.total[i]),
  ]);
  rows.push([
    'TOTAL', sum(r.demand), sum(r.output.direct), sum(r.output.indirect), ...(induced ? [sum(r.output.induced)] : []), sum(r.output.total),
    sum(r.valueAdded.total), ...r.satellites.map((s) => sum(s.rounds.total)),
  ]);
  return { headers, rows };
}

const roundsJson = (r: Rounds) => ({ direct: r.direct, indirect: r.indirect, induced: r.induced ?? null, total: r.total });
const roundTotals = (r: Rounds) => ({ direct: sum(r.direct), indirect: sum(r.indirect), induced: sum(r.induced) ?? null, total: sum(r.total) });

export function impactJson(t: IoTable, r: ImpactResult, type: 1 | 2, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    table: tableMeta(t),
    type,
    sectors: r.sectors,
    demand_change: r.demand,
    output: roundsJson(r.output),
    value_added: roundsJson(r.valueAdded),
    satellites: r.satellites.map((s) => ({ name: s.name, kind: s.kind, unit: s.unit ?? null, ...roundsJson(s.rounds) })),
    totals: {
      output: roundTotals(r.output),
      value_added: roundTotals(r.valueAdded),
      satellites: Object.fromEntries(r.satellites.map((s) => [s.name, roundTotals(s.rounds)])),
    },
    ...extra,
  };
}

export function greenRows(sectors: string[], split: JobSplit, spec: GreenSpec): { headers: string[]; rows: Row[] } {
  const headers = ['sector', 'jobs', 'environmental_share', 'formal_share', 'green_jobs', 'jobs_in_transition', 'other_jobs'];
  const rows: Row[] = sectors.map((s, i) => [s, split.total[i], spec.environmentalShare[i], spec.formalShare[i], split.green[i], split.transition[i], split.other[i]]);
  const t = totalsOf(split);
  rows.push(['TOTAL', t.total, null, null, t.green, t.transition, t.other]);
  return { headers, rows };
}

const splitJson = (s: JobSplit) => ({ ...s, totals: totalsOf(s) });

export function greenImpactJson(g: GreenImpact) {
  return { direct: splitJson(g.direct), indirect: splitJson(g.indirect), induced: g.induced ? splitJson(g.induced) : null, total: splitJson(g.total) };
}

export function greenJson(t: IoTable, spec: GreenSpec, base: JobSplit, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    table: tableMeta(t),
    sectors: t.sectors,
    environmental_share: spec.environmentalShare,
    formal_share: spec.formalShare,
    basis: spec.basis,
    base_year: splitJson(base),
    ...extra,
  };
}
