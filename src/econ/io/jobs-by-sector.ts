/**
 * Jobs by sector and year from an SD→IO link result, split two ways: green / in transition / other
 * (ILO definition, greenjobs.ts) and formal / informal (the same formal share that is the
 * decent-work filter). Per sector j: formal_j = φ_j·E_j, informal_j = (1 − φ_j)·E_j, so
 * green + transition + other = formal + informal = E_j.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { splitJobs, type GreenSpec } from './greenjobs.js';
import type { LinkResult } from './link.js';

export interface SectorJobs {
  total: number;
  green: number;
  transition: number;
  other: number;
  formal: number;
  informal: number;
}

export interface JobsByYear {
  years: number[];
  sectors: string[];
  /** [year][sector] */
  jobs: SectorJobs[][];
}

export function jobsBySector(link: LinkResult, spec: GreenSpec): JobsByYear {
  if (!link.jobs) throw new InputError('io table', { en: 'jobs need an employment satellite in the IO table', es: 'los empleos necesitan un satélite de empleo en la tabla IO' });
  const jobs = link.jobs.map((row) => {
    const s = splitJobs(row, spec);
    return row.map((e, j) => ({
      total: e,
      green: s.green[j]!,
      transition: s.transition[j]!,
      other: s.other[j]!,
      formal: spec.formalShare[j]! * e,
      informal: (1 - spec.formalShare[j]!) * e,
    }));
  });
  return { years: link.years, sectors: link.sectors, jobs };
}

/** Sums over sectors of one year's split. */
export function totalJobs(row: SectorJobs[]): SectorJobs {
  const out: SectorJobs = { total: 0, green: 0, transition: 0, other: 0, formal: 0, informal: 0 };
  for (const s of row) for (const k of Object.keys(out) as (keyof SectorJobs)[]) out[k] += s[k];
  return out;
}
