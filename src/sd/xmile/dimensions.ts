/**
 * `<dimensions>`: each `<dim name="X">` lists its elements as `<elem name="…"/>`, or gives
 * `size="n"` for elements numbered 1…n (XMILE 1.0 §4.1.4, §3.7.1).
 */
import { ModelError } from '../ir/diagnostics.js';
import { checkRangeSize, DEFAULT_LIMITS } from '../ir/limits.js';
import type { DimensionDecl } from '../ir/model.js';
import { canonicalName } from '../ir/names.js';
import { displayOf, type DimensionInfo } from './expr-parser.js';
import type { SourceText } from './source-text.js';
import { attr, children, type XmlElement } from './xml-tree.js';

export interface Dimensions {
  decls: DimensionDecl[];
  info: Map<string, DimensionInfo>;
}

export function readDimensions(blocks: XmlElement[], src: SourceText, maxRangeSize = DEFAULT_LIMITS.maxRangeSize): Dimensions {
  const out: Dimensions = { decls: [], info: new Map() };
  for (const block of blocks) {
    for (const d of children(block, 'dim')) {
      const rawName = attr(d, 'name');
      if (!rawName) throw ModelError.at('E_DIMENSION', { en: 'a <dim> has no name', es: 'un <dim> no tiene nombre' }, src.loc(d.start));
      const name = canonicalName(rawName);
      const display = displayOf(rawName);
      const members: DimensionDecl['members'] = children(d, 'elem').map((e) => {
        const el = attr(e, 'name');
        if (el === undefined) throw ModelError.at('E_DIMENSION', { en: `an element of dimension ${display} has no name`, es: `un elemento de la dimensión ${display} no tiene nombre` }, src.loc(e.start));
        return { name: canonicalName(el), display: displayOf(el) };
      });
      const size = attr(d, 'size');
      if (members.length === 0 && size !== undefined) {
        const n = Number(size);
        if (!Number.isInteger(n) || n < 1) throw ModelError.at('E_DIMENSION', { en: `dimension ${display} has size "${size}"; a positive whole number is needed`, es: `la dimensión ${display} tiene tamaño "${size}"; se necesita un número entero positivo` }, src.loc(d.start));
        checkRangeSize(n, maxRangeSize, { en: `dimension ${display}`, es: `la dimensión ${display}` }, src.loc(d.start));
        for (let i = 1; i <= n; i++) members.push({ name: String(i), display: String(i) });
      }
      // Vensim's XMILE export writes each equation group as an empty `<dim name=".Group">`: no
      // equation can name it (a name does not start with a period), so it is not a dimension.
      if (members.length === 0 && rawName.trim().startsWith('.')) continue;
      if (members.length === 0) throw ModelError.at('E_DIMENSION', { en: `dimension ${display} has no elements`, es: `la dimensión ${display} no tiene elementos` }, src.loc(d.start));
      if (out.info.has(name)) throw ModelError.at('E_REDEFINED', { en: `dimension ${display} is defined twice`, es: `la dimensión ${display} está definida dos veces` }, src.loc(d.start));
      out.decls.push({ name, display, members, mappings: [], doc: '', loc: src.loc(d.start) });
      out.info.set(name, { display, elements: members.map((m) => m.name) });
    }
  }
  return out;
}

/**
 * The sub-range of elements lo…hi (1-based) of a dimension, declared once for `m[lo:hi]` in an
 * array function (expr-parser.ts rangeSub); named `Dim_lo_to_hi`, with a numbered suffix if a
 * dimension of the model already has that name with other elements.
 */
export function declareSubRange(dims: Dimensions, dim: string, lo: number, hi: number): string {
  const parent = dims.decls.find((d) => d.name === dim)!;
  const members = parent.members.slice(lo - 1, hi);
  const same = (name: string): boolean => {
    const have = dims.info.get(name)?.elements;
    return !!have && have.length === members.length && have.every((e, i) => e === members[i]!.name);
  };
  let display = `${parent.display}_${lo}_to_${hi}`;
  for (let k = 2; dims.info.has(canonicalName(display)) && !same(canonicalName(display)); k++) display = `${parent.display}_${lo}_to_${hi}_${k}`;
  const name = canonicalName(display);
  if (!dims.info.has(name)) {
    dims.decls.push({ name, display: displayOf(display), members, mappings: [], doc: '', loc: parent.loc });
    dims.info.set(name, { display: displayOf(display), elements: members.map((m) => m.name) });
  }
  return name;
}
