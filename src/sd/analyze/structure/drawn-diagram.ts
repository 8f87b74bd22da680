/**
 * The diagram a model carries: the Vensim sketch or the XMILE `<views>`. Warnings about records
 * that cannot be drawn point at their line in the file.
 */
import type { Diagnostic } from '../../ir/diagnostics.js';
import type { DiagramView } from '../../ir/diagram.js';
import type { ModelIR } from '../../ir/model.js';
import { parseSketch } from '../../vensim/sketch.js';
import { looksLikeXmile } from '../../xmile/reader.js';
import { readXmileViews } from '../../xmile/views.js';

export interface DrawnDiagram {
  views: DiagramView[];
  diagnostics: Diagnostic[];
}

/** The views drawn in the model file (none when it has no diagram). `text` is the file as read. */
export function drawnDiagram(ir: ModelIR, text: string): DrawnDiagram {
  if (looksLikeXmile(text)) return readXmileViews(text, ir.file);
  if (!ir.sketch) return { views: [], diagnostics: [] };
  // The reader keeps the sketch verbatim (line ends normalised): find where it starts for line numbers.
  const normal = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const at = normal.indexOf(ir.sketch);
  let firstLine = 1;
  for (let i = 0; i < at; i++) if (normal.charCodeAt(i) === 10) firstLine++;
  return parseSketch(ir.sketch, { file: ir.file, firstLine });
}
