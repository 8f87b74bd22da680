/**
 * The data model of the IO/SAM module: a symmetric input-output table in the layout statistics
 * offices publish, plus satellite accounts. Everything here is plain data (arrays of numbers), so
 * tables can be built in code, read from files, aggregated and analysed by pure functions.
 */

/** What a satellite row measures; green jobs and the SD link look satellites up by kind. */
export type SatelliteKind = 'employment' | 'formal_employment' | 'emissions' | 'water' | 'energy' | 'other';

/** A row of physical or social quantities by sector (jobs, tCO2e, m3 ...), not money. */
export interface Satellite {
  name: string;
  kind: SatelliteKind;
  unit?: string;
  /** One value per sector, in sector order. */
  values: number[];
}

/** A named column of final demand (household consumption, exports ...) or row of primary inputs. */
export interface Vector {
  name: string;
  values: number[];
}

export interface IoTable {
  /** Where the table came from (file name or a short description), used in messages. */
  source: string;
  title?: string;
  /** 'estimated' tables are labelled as such in every output. */
  status?: 'official' | 'estimated' | 'example';
  units?: string;
  sectors: string[];
  /** Intermediate flows Z[i][j]: sales of sector i to sector j. */
  Z: number[][];
  /** Final-demand columns, each with one value per sector (row). */
  finalDemand: Vector[];
  /** Primary-input rows (value added components, imports, taxes), each one value per sector (column). */
  primaryInputs: Vector[];
  /**
   * Final demand columns' purchases of primary inputs (e.g. imports or taxes paid by households),
   * keyed by primary-input name then final-demand name. Only needed for the household income total.
   */
  primaryToFinal?: Record<string, Record<string, number>>;
  /** Total output by sector. */
  x: number[];
  satellites: Satellite[];
  /** Name of the primary-input row that pays households (compensation of employees / labour income). */
  labourIncome?: string;
  /** Name of the final-demand column of household consumption. */
  householdConsumption?: string;
  /**
   * Total household income, the denominator of household consumption coefficients in the closed
   * (type II) model. When absent it is the household column's total over every row (Miller & Blair
   * section 2.5: household purchases of sector goods, of household services and of primary inputs).
   */
  householdIncome?: number;
  /** Names of primary-input rows that are not value added (imports, taxes on products). */
  nonValueAdded?: string[];
}

/** One account that does not add up, with its gap. */
export interface BalanceIssue {
  /** 'row' means sales side (row total vs output), 'column' the purchases side (column total vs input). */
  side: 'row' | 'column' | 'subtotal';
  account: string;
  /** Where the account is in the file (e.g. `table.csv:7:1`), when known. */
  where?: string;
  expected: number;
  actual: number;
  gap: number;
  relativeGap: number;
  message: string;
  /** `message` in Spanish. */
  messageEs: string;
}

export interface BalanceReport {
  source: string;
  tolerance: { relative: number; absolute: number };
  accountsChecked: number;
  issues: BalanceIssue[];
  balanced: boolean;
}
