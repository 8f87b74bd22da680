/**
 * The HTTP API's data shapes, shared by the server and the web app (type-only imports there).
 * Requests are validated with the zod schemas in schemas.ts; these are the answers.
 */
import type { CellRange } from '../sd/data/types.js';

export type { SectorJobs } from '../econ/io/jobs-by-sector.js';

/** One sheet the model's GET XLS/DIRECT calls read on the server, replayed in the browser. */
export interface RecordedSheet {
  file: string;
  tab: string;
  label: string;
  rowCount: number;
  colCount: number;
  /** Only the cells the readers asked for: [row, col, value]. */
  cells: [number, number, number | string][];
  /** Named ranges the readers asked for (null: not defined). */
  names: [string, CellRange | null][];
}

/** Optional display profile of a model (`<model>.web.json` beside it): levers, indicators, charts. */
export interface ModelProfile {
  levers?: { name: string; group?: Localized; label?: Localized; help?: Localized }[];
  indicators?: IndicatorSpec[];
  /** Variables charted first on the simulator page. */
  charts?: string[];
  /**
   * Uncertain parameters for bands on the charts: a sensitivity spec file (as `igem sensitivity
   * --spec`, relative to the model's folder) or its fields inline.
   */
  uncertainty?: string | UncertaintySpec;
  /** Historical data for the calibration view, relative to the model's folder (default: calibration/history.csv). */
  history?: string;
  /**
   * Other published figures drawn on the simulator's charts beside the model (e.g. a statistics office's
   * estimates and its projection): data files in the layout of `history`, relative to the model's folder.
   */
  references?: ReferenceSpec[];
}

/** One file of published figures for the charts: who published them and whether they are estimates or a projection. */
export interface ReferenceSpec {
  file: string;
  label: Localized;
  kind: 'estimate' | 'projection';
}

export interface UncertaintySpec {
  /** `NAME=uniform(LO,HI)`, `NAME=normal(MEAN,SD)`, … or `{ NAME: "uniform(LO,HI)" }`. */
  parameters: string[] | Record<string, string>;
  runs?: number;
  seed?: number;
}

/** One observed series (calibration view). */
export interface ObservedData {
  name: string;
  time: number[];
  value: number[];
}

export type Localized = string | { en?: string; es?: string };

export interface IndicatorSpec {
  name: string;
  label?: Localized;
  /** SDG or NDC code, e.g. "13.2". */
  sdg?: string;
  target?: { year: number; value: number; direction: 'max' | 'min' };
  /** Extra targets (e.g. the NDC's conditional cap). */
  targets?: { year: number; value: number; direction: 'max' | 'min'; label?: Localized }[];
}

/** The result families a model has besides its SD runs (src/server/result-families.ts). */
export interface ResultFamilies {
  /** Green jobs by sector from an IO table linked to the SD run. */
  io: boolean;
  /** Prices, GDP, revenue and welfare by household group from a CGE model. */
  cge: boolean;
}

export interface ModelSummary {
  id: string;
  name: string;
  source: 'builtin' | 'upload';
  file: string;
  isDefault: boolean;
  createdAt?: string;
  results: ResultFamilies;
}

export interface ModelBundle extends ModelSummary {
  text: string;
  sheets: RecordedSheet[];
  profile: ModelProfile;
  /** Observed history beside the model, when it has some. */
  history: { source: string; series: ObservedData[] } | null;
  /** Why the history file could not be read (the model itself still works). */
  historyError?: string;
  /** The profile's reference figures, read; an unreadable file is left out and named in referencesError. */
  references?: { label: Localized; kind: ReferenceSpec['kind']; source: string; series: ObservedData[] }[];
  referencesError?: string;
  /** Uncertain parameters for the charts' bands, when the profile names them. */
  uncertainty: { parameters: string[]; runs: number; seed: number; source: string } | null;
}

export interface Scenario {
  id: string;
  modelId: string;
  name: string;
  description: string;
  params: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

export interface RunAnswer {
  time: number[];
  names: string[];
  /** NaN and ±∞ are written null; `warnings` says where they came from. */
  series: number[][];
  ms: number;
  /** One per root cause of saved values that are not finite numbers (empty for a clean run). */
  warnings: RunWarning[];
  /** Root causes left out past the first ten. */
  warningsNotShown?: number;
}

/**
 * Saved values that are not finite (NaN, ±∞) and the equation that first made them from finite
 * inputs (src/sd/run/nonfinite-report.ts NonFiniteWarning). Vensim would have stopped the run there.
 */
export interface RunWarning {
  variable: string;
  /** `file:line:column` of its equation. */
  location?: string;
  /** When it became non-finite; with `step`, the start of the Runge-Kutta step it became so in. */
  time: number;
  /** Set when it became non-finite at a Runge-Kutta stage, inside the step from `from` to `to` (no value is saved there). */
  step?: { from: number; to: number };
  value: 'NaN' | 'Infinity' | '-Infinity';
  /** `at` (and `step`): when a stock's rate made it; `initial`: in a stock's initial value. */
  cause?: { kind: string; op: string; args: number[]; at?: number; step?: { from: number; to: number }; initial?: boolean };
  /** The saved variables it reaches, each with its first non-finite value. */
  columns: { name: string; time: number; value: 'NaN' | 'Infinity' | '-Infinity' }[];
  message: string;
  messageEs: string;
}

/** One model diagnostic (line, column, code) or one bad field of an error, in both languages. */
export interface ApiErrorDetail {
  line?: number;
  column?: number;
  field?: string;
  code?: string;
  message: string;
  messageEs: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    /** English. */
    message: string;
    /** The same in Spanish: every error the server sends has it (src/server/bilingual-errors.test.ts). */
    messageEs: string;
    /** Model diagnostics with line and column, or validation issues with a field path; `messageEs` as above. */
    details?: ApiErrorDetail[];
  };
}

/** One survey estimate with its interval (`igem greenjobs export-io` base-year JSON). */
export interface MeasuredEstimate {
  value: number;
  low: number;
  high: number;
  cv: number;
}

/** The base year measured in a labour-force survey, in persons, as the green-jobs results carry it. */
export interface MeasuredBaseYear {
  synthetic: boolean;
  year: number;
  source: string;
  confidence: number;
  green: MeasuredEstimate;
  transition: MeasuredEstimate;
  other: MeasuredEstimate;
  employment: MeasuredEstimate;
}
