/**
 * Subscript ranges resolved to element lists: sub-ranges expanded, equivalences followed,
 * mappings recorded. Elements are canonical names; `display` keeps the spelling for output.
 */
import { ModelError } from './diagnostics.js';
import { checkRangeSize, DEFAULT_LIMITS } from './limits.js';
import type { DimensionDecl, DimensionMapping } from './model.js';

export interface Dimension {
  name: string;
  display: string;
  elements: string[];
  /**
   * Mappings declared on this dimension: target dim → for each of our elements, the target
   * elements it stands for (one, or all of a sub-range named in the list); undefined maps by position.
   */
  mappings: Map<string, string[][] | undefined>;
  decl: DimensionDecl;
}

export class DimensionTable {
  readonly dims = new Map<string, Dimension>();
  /** Display spelling of every element. */
  readonly elementDisplay = new Map<string, string>();

  constructor(decls: DimensionDecl[], resolveFromData?: (d: DimensionDecl) => string[], maxRangeSize = DEFAULT_LIMITS.maxRangeSize) {
    const byName = new Map(decls.map((d) => [d.name, d]));
    const resolving = new Set<string>();
    const resolve = (name: string): string[] => {
      const existing = this.dims.get(name);
      if (existing) return existing.elements;
      const decl = byName.get(name);
      if (!decl) return [name];
      if (resolving.has(name)) throw ModelError.at('E_SUBSCRIPT', { en: `subscript range ${decl.display} is defined in terms of itself`, es: `el rango de subíndices ${decl.display} está definido en términos de sí mismo` }, decl.loc);
      resolving.add(name);
      let elements: string[] = [];
      if (decl.equivalentTo) {
        elements = resolve(decl.equivalentTo);
      } else if (decl.fromData) {
        if (!resolveFromData) throw ModelError.at('E_DATA', { en: `subscript range ${decl.display} needs data files, which are not available here`, es: `el rango de subíndices ${decl.display} necesita archivos de datos, que aquí no están disponibles` }, decl.loc);
        elements = resolveFromData(decl);
        for (const e of elements) if (!this.elementDisplay.has(e.toLowerCase())) this.elementDisplay.set(e.toLowerCase(), e);
        elements = elements.map((e) => e.toLowerCase());
      } else {
        for (const m of decl.members) {
          if (byName.has(m.name) && m.name !== name) {
            const sub = resolve(m.name);
            checkRangeSize(elements.length + sub.length, maxRangeSize, { en: `subscript range ${decl.display}`, es: `el rango de subíndices ${decl.display}` }, decl.loc);
            elements.push(...sub);
          } else {
            elements.push(m.name);
            if (!this.elementDisplay.has(m.name)) this.elementDisplay.set(m.name, m.display);
          }
        }
      }
      checkRangeSize(elements.length, maxRangeSize, { en: `subscript range ${decl.display}`, es: `el rango de subíndices ${decl.display}` }, decl.loc);
      resolving.delete(name);
      this.dims.set(name, { name, display: decl.display, elements, mappings: new Map(), decl });
      return elements;
    };
    for (const d of decls) resolve(d.name);
    for (const d of decls) {
      const dim = this.dims.get(d.name)!;
      for (const m of d.mappings) {
        this.checkMapping(dim, m);
        if (m.elements) {
          // Vensim's reference (Mapping of Subscript Ranges): each entry of the list goes with one
          // of our elements; an entry that is a sub-range maps that element to all of its elements.
          dim.mappings.set(m.target, m.elements.map((e) => this.dims.get(e)?.elements ?? [e]));
        } else dim.mappings.set(m.target, undefined);
      }
    }
  }

  /**
   * Vensim's reference (Mapping of Subscript Ranges): the map-to range is a subscript range; by
   * position, both ranges have as many elements; a list has one entry per element of the mapped
   * range, each an element or a sub-range of the map-to range. Anything else would map some
   * element to nothing or to a value outside the range, so it is an error, not a guess.
   */
  private checkMapping(dim: Dimension, m: DimensionMapping): void {
    const loc = m.loc ?? dim.decl.loc;
    const target = this.dims.get(m.target);
    if (!target) throw ModelError.at('E_DIMENSION', { en: `${dim.display} is mapped onto ${m.target}, which is not a subscript range`, es: `${dim.display} se mapea sobre ${m.target}, que no es un rango de subíndices` }, loc);
    if (!m.elements) {
      if (target.elements.length !== dim.elements.length) {
        throw ModelError.at('E_DIMENSION', { en: `${dim.display} (${dim.elements.length} elements) is mapped by position onto ${target.display} (${target.elements.length} elements); a mapping by position needs as many`, es: `${dim.display} (${dim.elements.length} elementos) se mapea por posición sobre ${target.display} (${target.elements.length} elementos); un mapeo por posición necesita la misma cantidad` }, loc);
      }
      return;
    }
    if (m.elements.length !== dim.elements.length) {
      throw ModelError.at('E_DIMENSION', { en: `the mapping of ${dim.display} onto ${target.display} lists ${m.elements.length} entries, but ${dim.display} has ${dim.elements.length} elements (one entry per element)`, es: `el mapeo de ${dim.display} sobre ${target.display} da ${m.elements.length} entradas, pero ${dim.display} tiene ${dim.elements.length} elementos (una entrada por elemento)` }, loc);
    }
    m.elements.forEach((e, i) => {
      const members = this.dims.get(e)?.elements ?? [e];
      const outside = members.find((x) => !target.elements.includes(x));
      if (outside !== undefined) {
        const what = this.dims.has(e)
          ? {
              en: `${this.dims.get(e)!.display} has ${this.displayOf(outside)}, which is not an element of ${target.display}`,
              es: `${this.dims.get(e)!.display} tiene ${this.displayOf(outside)}, que no es un elemento de ${target.display}`,
            }
          : { en: `${e} is not an element of ${target.display}`, es: `${e} no es un elemento de ${target.display}` };
        throw ModelError.at('E_DIMENSION', { en: `in the mapping of ${dim.display}: ${what.en}`, es: `en el mapeo de ${dim.display}: ${what.es}` }, m.elementLocs?.[i] ?? loc);
      }
    });
  }

  get(name: string): Dimension | undefined {
    return this.dims.get(name);
  }

  isDimension(name: string): boolean {
    return this.dims.has(name);
  }

  displayOf(element: string): string {
    return this.elementDisplay.get(element) ?? element;
  }

  /** All dimensions that contain an element. */
  dimsContaining(element: string): Dimension[] {
    const out: Dimension[] = [];
    for (const d of this.dims.values()) if (d.elements.includes(element)) out.push(d);
    return out;
  }

  /**
   * The element of `to` that corresponds to `element` of `from` through a declared mapping
   * (in either direction), or undefined when none is declared.
   */
  mapElement(from: string, element: string, to: string): string | undefined {
    const f = this.dims.get(from);
    const t = this.dims.get(to);
    if (!f || !t) return undefined;
    if (f.mappings.has(to)) {
      const groups = f.mappings.get(to);
      const idx = f.elements.indexOf(element);
      if (idx < 0) return undefined;
      if (!groups) return t.elements[idx];
      // One of ours standing for a whole sub-range has no single counterpart.
      return groups[idx]?.length === 1 ? groups[idx]![0] : undefined;
    }
    if (t.mappings.has(from)) {
      const back = t.mappings.get(from);
      if (back) {
        const idx = back.findIndex((g) => g.includes(element));
        return idx >= 0 ? t.elements[idx] : undefined;
      }
      const idx = f.elements.indexOf(element);
      return idx >= 0 ? t.elements[idx] : undefined;
    }
    // A mapping declared on a dimension that shares our elements (e.g. a subrange's parent).
    for (const d of this.dims.values()) {
      if (d === f || !d.mappings.has(to)) continue;
      if (!f.elements.every((e) => d.elements.includes(e))) continue;
      const groups = d.mappings.get(to);
      const idx = d.elements.indexOf(element);
      if (idx < 0) continue;
      if (!groups) return t.elements[idx];
      return groups[idx]?.length === 1 ? groups[idx]![0] : undefined;
    }
    return undefined;
  }
}
