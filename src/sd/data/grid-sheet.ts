/** A Sheet over rows of cells held in memory; the form every host hands to the readers. */

import type { CellRange, Sheet } from './types.js';

export type CellValue = number | string | undefined;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A raw cell as a reader sees it: numbers stay numbers, text that spells a number (spreadsheets
 * often store numbers as text, and text files hold nothing else) becomes that number, booleans
 * become 1 and 0, blank text and absent cells become undefined, other text is kept (trimmed).
 */
export function toCellValue(raw: unknown): CellValue {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (s === '') return undefined;
  return NUMBER_TEXT.test(s) ? Number(s) : s;
}

export class GridSheet implements Sheet {
  readonly label: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly rows: readonly (readonly CellValue[] | undefined)[];
  private readonly names: ReadonlyMap<string, CellRange>;

  /** `rows[r][c]` holds cells already converted with `toCellValue`; names match without regard to case. */
  constructor(label: string, rows: readonly (readonly CellValue[] | undefined)[], names?: ReadonlyMap<string, CellRange>) {
    this.label = label;
    this.rows = rows;
    let rowCount = 0;
    let colCount = 0;
    rows.forEach((row, r) => {
      if (!row) return;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== undefined) {
          rowCount = r + 1;
          colCount = Math.max(colCount, c + 1);
          break;
        }
      }
    });
    this.rowCount = rowCount;
    this.colCount = colCount;
    const lower = new Map<string, CellRange>();
    for (const [k, v] of names ?? []) lower.set(k.toLowerCase(), v);
    this.names = lower;
  }

  cell(row: number, col: number): CellValue {
    return this.rows[row]?.[col];
  }

  namedRange(name: string): CellRange | undefined {
    return this.names.get(name.trim().toLowerCase());
  }
}
