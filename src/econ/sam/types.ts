/**
 * The social accounting matrix as plain data, shared by the SAM tools (read, check, balance,
 * update: src/econ/sam) and the CGE model (src/econ/cge), which calibrates from it.
 *
 * Convention (as in every SAM): cell values[i][j] is a payment FROM column account j TO row
 * account i; an account balances when its row total (receipts) equals its column total
 * (expenditures).
 */

/** What an account is; the CGE looks accounts up by type, never by label. */
export type SamAccountType =
  | 'activity'
  | 'commodity'
  | 'margin' // trade and transport margins
  | 'factor' // kind: labour (with segment/skill), capital, land
  | 'household'
  | 'enterprise'
  | 'government'
  | 'tax' // kind: isc, vat, import-duty, export-tax, direct, production, factor, other
  | 'savings-investment'
  | 'stock-change'
  | 'rest-of-world';

export interface SamAccount {
  /** Short stable code, unique in the SAM (e.g. `a-agr`, `c-diesel`, `f-lab-formal`, `h-q1`). */
  code: string;
  /** Label as published (Spanish or English); shown to users. */
  label: string;
  type: SamAccountType;
  /**
   * Refines the type: for factors 'labour' | 'capital' | 'land'; for taxes the tax kind
   * ('isc' | 'vat' | 'import-duty' | 'export-tax' | 'direct' | 'production' | 'factor' | 'other', and
   * 'indirect' for taxes on products not split by kind, as in the published 2004 Peru SAM);
   * for commodities 'fuel' | 'electricity' | 'other' where the energy nest needs it.
   */
  kind?: string;
  /** Free attributes: labour 'formal'/'informal', skill level, household quintile, fuel name ... */
  attributes?: Record<string, string>;
  /** Where the account is in its file (`file:line` or `file:Sheet!A7`), for messages. */
  where?: string;
}

export interface Sam {
  /** File or description, used in messages. */
  source: string;
  title?: string;
  year?: number;
  /** e.g. 'million PEN'. */
  units?: string;
  accounts: SamAccount[];
  /** Square matrix, accounts.length × accounts.length: values[row][col]. */
  values: number[][];
  /** Same shape as values: true where the cell is estimated rather than published (labelled in outputs). */
  estimated?: boolean[][];
}
