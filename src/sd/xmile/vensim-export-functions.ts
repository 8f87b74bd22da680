/**
 * Vensim's own XMILE export (header `<product>Vensim</product>`, vendor Ventana Systems) writes
 * the Vensim functions XMILE 1.0 has no word for under their Vensim names, spaces as underscores
 * (`PULSE_TRAIN(2, 3, 10, 30)`), and Vensim reads them back with its own meaning. A file from
 * Vensim is read the same way for these functions, each a function of its arguments' current
 * values (Vensim's help defines each: PULSE TRAIN, XIDZ, ZIDZ, INTEGER, POWER, MODULO, QUANTUM);
 * from any other vendor the names stay unknown and are refused where they are called.
 */
import { isBuiltin } from '../ir/builtins.js';
import type { XmlElement } from './xml-tree.js';
import { child } from './xml-tree.js';
import type { SourceText } from './source-text.js';

const FROM_VENSIM = new Set(['PULSE TRAIN', 'XIDZ', 'ZIDZ', 'INTEGER', 'POWER', 'MODULO', 'QUANTUM']);

/** Whether the file's header names Vensim (or Ventana Systems) as the product that wrote it. */
export function writtenByVensim(root: XmlElement, src: SourceText): boolean {
  const header = child(root, 'header');
  if (!header) return false;
  const text = (name: string) => {
    const el = child(header, name);
    return el ? src.elementText(el.start).text : '';
  };
  return /\bVensim\b/i.test(text('product')) || /\bVentana\b/i.test(text('vendor'));
}

/** The Vensim function a key (upper case, spaces) names in a file Vensim wrote, or undefined. */
export function vensimExportFunction(key: string): string | undefined {
  return FROM_VENSIM.has(key) && isBuiltin(key) ? key : undefined;
}
