/**
 * A data host that remembers what the model's GET XLS/DIRECT calls read, so the browser can
 * compile the same model without the files: the server compiles once with this host and ships the
 * recorded cells; the web app replays them (src/web/model/replay-data-host.ts).
 */
import type { CellRange, DataHost, Sheet } from '../sd/data/types.js';
import type { RecordedSheet } from './api-types.js';

export class RecordingDataHost implements DataHost {
  private readonly sheets = new Map<string, { sheet: Sheet; rec: RecordedSheet; seen: Set<string> }>();

  constructor(private readonly inner: DataHost) {}

  readSheet(file: string, tab: string): Sheet {
    const key = `${file}\u0000${tab}`;
    let entry = this.sheets.get(key);
    if (!entry) {
      const sheet = this.inner.readSheet(file, tab);
      const rec: RecordedSheet = { file, tab, label: sheet.label, rowCount: sheet.rowCount, colCount: sheet.colCount, cells: [], names: [] };
      entry = { sheet, rec, seen: new Set() };
      this.sheets.set(key, entry);
    }
    const { sheet, rec, seen } = entry;
    return {
      label: sheet.label,
      rowCount: sheet.rowCount,
      colCount: sheet.colCount,
      cell(row: number, col: number) {
        const v = sheet.cell(row, col);
        const k = `${row},${col}`;
        if (v !== undefined && !seen.has(k)) {
          seen.add(k);
          rec.cells.push([row, col, v]);
        }
        return v;
      },
      namedRange(name: string): CellRange | undefined {
        const r = sheet.namedRange?.(name);
        if (!rec.names.some(([n]) => n === name)) rec.names.push([name, r ?? null]);
        return r;
      },
    };
  }

  recorded(): RecordedSheet[] {
    return [...this.sheets.values()].map((e) => e.rec);
  }
}
