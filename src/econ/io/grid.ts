/**
 * A sheet of cells read from CSV, TSV or a workbook, with a way to name any cell in a message
 * (`table.csv:7:3`, `table.xlsx:Sheet1!C7`). Table readers work on grids and never on files.
 */
export type Cell = string | number | null;

export interface Grid {
  /** The file (or description) the cells came from. */
  source: string;
  rows: Cell[][];
  /** The location of a cell by 0-based row and column, for messages. */
  where(row: number, col: number): string;
  /** What the reader assumed (delimiter, sheet), for `igem io check`. */
  assumptions?: string[];
}

export function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** Lower case, no accents, single spaces, no punctuation at the ends: how labels are compared. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/^[\s.:;,-]+|[\s.:;,-]+$/g, '')
    .trim();
}
