/** A workbook cell's raw value, as the workbook readers (workbook.ts, xlsx-direct.ts) give it. */

/** An error value in a cell ('#N/A', '#DIV/0!', …). */
export class ErrorCell {
  constructor(readonly code: string) {}
}

/** A cell formatted as a date: the spreadsheet serial number and its epoch. */
export class DateCell {
  constructor(
    readonly serial: number,
    readonly date1904: boolean,
  ) {}
}

export type RawCell = number | string | boolean | ErrorCell | DateCell | undefined;
