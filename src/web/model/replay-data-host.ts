/**
 * The browser's data host: answers a model's GET XLS/DIRECT calls from the cells the server
 * recorded when it compiled the same model (src/server/recording-data-host.ts).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { CellRange, DataHost, Sheet } from '../../sd/data/types.js';
import type { RecordedSheet } from '../../server/api-types.js';

export class ReplayDataHost implements DataHost {
  private readonly sheets = new Map<string, RecordedSheet>();

  constructor(recorded: readonly RecordedSheet[]) {
    for (const s of recorded) this.sheets.set(`${s.file}\u0000${s.tab}`, s);
  }

  readSheet(file: string, tab: string): Sheet {
    const rec = this.sheets.get(`${file}\u0000${tab}`);
    if (!rec) throw new InputError(file, {
        en: `data file not available in the browser (tab ${tab}); upload models that read data files through the server`,
        es: `archivo de datos no disponible en el navegador (pestaña ${tab}); suba a través del servidor los modelos que leen archivos de datos`,
      });
    const cells = new Map<string, number | string>();
    for (const [r, c, v] of rec.cells) cells.set(`${r},${c}`, v);
    const names = new Map<string, CellRange | null>(rec.names);
    return {
      label: rec.label,
      rowCount: rec.rowCount,
      colCount: rec.colCount,
      cell: (row, col) => cells.get(`${row},${col}`),
      namedRange: (name) => names.get(name) ?? undefined,
    };
  }
}
