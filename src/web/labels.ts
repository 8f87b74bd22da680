/**
 * Display labels of a model's variables and subscript elements from its labels file (es/en),
 * so readers see "Año de inicio (residuos sólidos)" rather than `Policy Start Year[waste policy]`.
 */
import type { Lang } from './i18n.js';

export interface ModelLabels {
  variables?: Record<string, { en?: string; es?: string; percent?: boolean }>;
  elements?: Record<string, { en?: string; es?: string }>;
}

const key = (s: string) => s.toLowerCase().replace(/[_\s]+/g, ' ').trim();

/** An index of a labels file by canonical name (built once per model). */
export class LabelIndex {
  private readonly vars: Map<string, { en?: string; es?: string; percent?: boolean }>;
  private readonly elems: Map<string, { en?: string; es?: string }>;

  constructor(labels: ModelLabels = {}) {
    this.vars = new Map(Object.entries(labels.variables ?? {}).map(([k, v]) => [key(k), v]));
    this.elems = new Map(Object.entries(labels.elements ?? {}).map(([k, v]) => [key(k), v]));
  }

  /** The label of `Name` or `Name[e1,e2]` in the language, or undefined when the file has none. */
  variable(name: string, lang: Lang): string | undefined {
    const b = name.indexOf('[');
    const base = b < 0 ? name : name.slice(0, b);
    const v = this.vars.get(key(base));
    const label = v?.[lang];
    if (!label) return undefined;
    if (b < 0) return label;
    const elems = name.slice(b + 1, name.lastIndexOf(']')).split(',').map((e) => this.element(e, lang));
    return `${label} (${elems.join(', ')})`;
  }

  /** A subscript element's label, else the element as written. */
  element(e: string, lang: Lang): string {
    return this.elems.get(key(e))?.[lang] ?? e.trim();
  }

  /** Fractions shown as percentages. */
  percent(name: string): boolean {
    return this.vars.get(key(name.replace(/\[.*$/, '')))?.percent === true;
  }
}
