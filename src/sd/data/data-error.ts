/**
 * The one error type of the data layer: bad input in a data file, naming the file and the place
 * in it (sheet and cell for workbooks, line and column for text). It is an InputError, so the CLI
 * prints `where: message` and exits with status 2, and the server answers 4xx.
 */

import { InputError, type BilingualText } from '../ir/diagnostics.js';

export interface DataPlace {
  /** The file (or label) as the caller named it. */
  file: string;
  sheet?: string;
  /** A1 name of the cell, e.g. 'C7'. */
  cell?: string;
  /** 1-based, text files. */
  line?: number;
  column?: number;
}

/** `file`, `file:line:column`, `file:Sheet`, `file:Sheet!C7`. */
export function formatPlace(p: DataPlace): string {
  if (p.line !== undefined) return `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
  if (p.sheet !== undefined) return `${p.file}:${p.sheet}${p.cell !== undefined ? `!${p.cell}` : ''}`;
  return p.file;
}

export class DataError extends InputError {
  readonly file: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly line?: number;
  readonly column?: number;
  constructor(place: DataPlace, message: BilingualText) {
    super(formatPlace(place), message);
    this.name = 'DataError';
    this.file = place.file;
    this.sheet = place.sheet;
    this.cell = place.cell;
    this.line = place.line;
    this.column = place.column;
  }
}
