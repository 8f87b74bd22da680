/**
 * Person-level survey records held column by column (typed arrays where the value is a number), so
 * that half a million records classify and tabulate without per-record objects.
 */

/** Employment status (ICSE-93 groups as asked in ENAHO P507 / EPEN). */
export const STATUSES = ['employer', 'own_account', 'employee', 'family_worker', 'domestic', 'other'] as const;
export type Status = (typeof STATUSES)[number];

export const SEXES = ['male', 'female'] as const;
export const AREAS = ['urban', 'rural'] as const;

/** Tri-state answers: 1 yes, 0 no, -1 not known (missing in the file). */
export type TriState = 1 | 0 | -1;

export interface Survey {
  /** File the records came from (for messages and output headers). */
  source: string;
  year: number;
  /** True when the file says it is synthetic (a SYNTHETIC column or the descriptor). */
  synthetic: boolean;
  n: number;
  /** 1-based line (CSV) or case number (SAV) of each record, for messages. */
  line: Int32Array;
  /** CIIU rev. 4 class, 4 digits ('' when missing). */
  activity: string[];
  /** National occupation classification (CNO 2015), 4 digits ('' when missing). */
  occupation: string[];
  /** Index into STATUSES, or -1 when missing. */
  status: Int8Array;
  contract: Int8Array;
  pension: Int8Array;
  health: Int8Array;
  /** INEI's own informality flag where the file has one: 1 informal, 0 formal, -1 not given. */
  informal: Int8Array;
  firmSize: string[];
  /** Usual weekly hours in the main job (NaN when missing). */
  hours: Float64Array;
  /** Monthly labour income in soles (NaN when missing). */
  income: Float64Array;
  /** 0 male, 1 female, -1 missing. */
  sex: Int8Array;
  age: Float64Array;
  /** Department code (2 digits). */
  region: string[];
  /** 0 urban, 1 rural, -1 missing. */
  area: Int8Array;
  weight: Float64Array;
  stratum: string[];
  psu: string[];
  /** Population number of PSUs in the record's stratum, when a finite-population correction is wanted. */
  fpc?: Float64Array;
  /** Replicate weights, one array per replicate, when the file has them. */
  replicates?: { weights: Float64Array[]; type: 'JK1' | 'BRR' | 'bootstrap' | 'other'; scale: number; rscales: number[]; mse: boolean };
}

/** An empty survey of n records, for readers and generators to fill. */
export function allocateSurvey(n: number, source: string, year: number, synthetic: boolean): Survey {
  const strings = (): string[] => new Array<string>(n).fill('');
  const tri = (): Int8Array => new Int8Array(n).fill(-1);
  const nums = (): Float64Array => new Float64Array(n).fill(NaN);
  return {
    source, year, synthetic, n,
    line: new Int32Array(n),
    activity: strings(), occupation: strings(), status: tri(), contract: tri(), pension: tri(), health: tri(), informal: tri(),
    firmSize: strings(), hours: nums(), income: nums(), sex: tri(), age: nums(), region: strings(), area: tri(),
    weight: new Float64Array(n), stratum: strings(), psu: strings(),
  };
}
