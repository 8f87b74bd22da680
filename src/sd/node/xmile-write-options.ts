/**
 * What the XMILE writer needs from a model file beyond its IR: the data host its GET DIRECT calls
 * read through (constants and ranges are written as the values read), and, when the model has data
 * variables or GET … LOOKUPS, the tables the engine read (written as graphical functions).
 */
import type { ModelIR } from '../ir/model.js';
import { knownTables } from '../run/known-tables.js';
import { isDataEquation } from '../xmile/writer-data.js';
import type { WriteXmileOptions } from '../xmile/writer.js';
import { loadModel, modelDataHost } from './load.js';

export function xmileWriteOptions(path: string, ir: ModelIR): WriteXmileOptions {
  const dataHost = modelDataHost(path);
  if (!ir.equations.some((q) => q.kind === 'lookup-data' || isDataEquation(q))) return { dataHost };
  try {
    return { dataHost, known: knownTables(loadModel(path)) };
  } catch {
    // A model the engine cannot run has no tables to give: the writer refuses its data variables, located.
    return { dataHost };
  }
}
