/**
 * `<gf>`: a graphical function given by `<xscale min max>` and evenly spaced `<ypts>`, or by
 * `<xpts>` and `<ypts>` (XMILE 1.0 §3.1.4, §4.1.3). `sep` changes the separator (default ",").
 * The type (continuous, extrapolate, discrete) comes from `type="…"`; older files (go-xmile)
 * write `discrete="true"`.
 */
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import type { LookupTable } from '../ir/model.js';
import type { GfRef } from './expr-parser.js';
import type { SourceText } from './source-text.js';
import { attrOption } from './xml-flags.js';
import { attr, child, type XmlElement } from './xml-tree.js';

export interface GraphicalFunction {
  table: LookupTable;
  type: GfRef['type'];
}

export function gfType(gf: XmlElement, src: SourceText): GfRef['type'] {
  const type = attr(gf, 'type')?.trim().toLowerCase();
  if (type === undefined || type === '') return attrOption(gf, 'discrete', src) ? 'discrete' : 'continuous';
  if (type === 'continuous' || type === 'extrapolate' || type === 'discrete') return type;
  throw ModelError.at('E_GF', { en: `unknown graphical function type "${type}" (continuous, extrapolate or discrete)`, es: `tipo de función gráfica desconocido "${type}" (continuous, extrapolate o discrete)` }, src.loc(gf.start));
}

function points(el: XmlElement, src: SourceText, what: BilingualText): number[] {
  const sep = attr(el, 'sep') || ',';
  const text = src.elementText(el.start).text.trim();
  if (text === '') return [];
  return text.split(sep).map((s) => {
    const v = Number(s.trim());
    if (s.trim() === '' || Number.isNaN(v)) throw ModelError.at('E_GF', { en: `"${s.trim()}" in the ${what.en} of a graphical function is not a number`, es: `"${s.trim()}" en los ${what.es} de una función gráfica no es un número` }, src.loc(el.start));
    return v;
  });
}

function scale(el: XmlElement, src: SourceText): { min: number; max: number } {
  const min = Number(attr(el, 'min'));
  const max = Number(attr(el, 'max'));
  if (Number.isNaN(min) || Number.isNaN(max)) throw ModelError.at('E_GF', { en: `<${el.name}> needs numeric min and max`, es: `<${el.name}> necesita min y max numéricos` }, src.loc(el.start));
  return { min, max };
}

export function readGraphicalFunction(gf: XmlElement, src: SourceText, owner: string): GraphicalFunction {
  const loc = src.loc(gf.start);
  const yEl = child(gf, 'ypts');
  if (!yEl) throw ModelError.at('E_GF', { en: `the graphical function of ${owner} has no <ypts>`, es: `la función gráfica de ${owner} no tiene <ypts>` }, loc);
  const y = points(yEl, src, { en: 'y points', es: 'puntos y' });
  if (y.length === 0) throw ModelError.at('E_GF', { en: `the graphical function of ${owner} has no y points`, es: `la función gráfica de ${owner} no tiene puntos y` }, src.loc(yEl.start));
  const xEl = child(gf, 'xpts');
  const xs = child(gf, 'xscale');
  let x: number[];
  if (xEl) {
    x = points(xEl, src, { en: 'x points', es: 'puntos x' });
    if (x.length !== y.length) {
      throw ModelError.at('E_GF', { en: `the graphical function of ${owner} has ${x.length} x points but ${y.length} y points`, es: `la función gráfica de ${owner} tiene ${x.length} puntos x pero ${y.length} puntos y` }, src.loc(xEl.start));
    }
  } else if (xs) {
    const { min, max } = scale(xs, src);
    const n = y.length;
    x = y.map((_, i) => (n === 1 ? min : min + ((max - min) * i) / (n - 1)));
  } else {
    throw ModelError.at('E_GF', { en: `the graphical function of ${owner} needs <xscale> or <xpts>`, es: `la función gráfica de ${owner} necesita <xscale> o <xpts>` }, loc);
  }
  const ys = child(gf, 'yscale');
  const yr = ys ? scale(ys, src) : { min: Math.min(...y), max: Math.max(...y) };
  return { table: { x, y, range: { xmin: Math.min(...x), xmax: Math.max(...x), ymin: yr.min, ymax: yr.max }, loc }, type: gfType(gf, src) };
}
