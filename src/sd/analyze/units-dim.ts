/**
 * Units as dimensions: products of powers of named units (`MSoles/Year`, `TWh/(GW*Year)`,
 * `1/Year`, `Dmnl`), their algebra and the parser of a declared units text.
 *
 * Names are compared without regard to case, and `_` counts as a space: Vensim names are case
 * insensitive (its Units Check reports `Nails/Month` back as `Nails/month`, ref_units_equiv), and
 * Stella takes a space or an underscore interchangeably in units. A dimension keeps the first
 * spelling it met, so messages show the model's own words.
 */

import type { BilingualText } from '../ir/diagnostics.js';

/** Dimension exponents by unit name; `null` means unknown (not checked). */
export type Dim = Map<string, number> | null;

/** The names a model writes for one unit, by their case- and underscore-free key. */
export type UnitSpelling = Map<string, string>;

/** Units that mean "no units": Vensim's Dmnl and dimensionless, XMILE's and Stella's 1. */
const DIMENSIONLESS = new Set(['dmnl', 'dimensionless', '1', '']);

export const unitKey = (name: string): string => name.toLowerCase().replace(/[_\s]+/g, ' ').trim();

function clean(d: Map<string, number>): Map<string, number> {
  for (const [k, v] of [...d]) if (Math.abs(v) < 1e-12) d.delete(k);
  return d;
}

/** a × b (sign 1) or a / b (sign -1). */
export function combine(a: Dim, b: Dim, sign: 1 | -1): Dim {
  if (a === null || b === null) return null;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + sign * v);
  return clean(out);
}

export function power(a: Dim, p: number): Dim {
  if (a === null || !Number.isFinite(p)) return null;
  return clean(new Map([...a].map(([k, v]) => [k, v * p])));
}

export function sameDim(a: Dim, b: Dim): boolean {
  if (a === null || b === null) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (Math.abs((b.get(k) ?? 0) - v) > 1e-9) return false;
  return true;
}

export function formatDim(d: Dim): string {
  if (d === null) return '?';
  if (d.size === 0) return 'Dmnl';
  const num = [...d].filter(([, v]) => v > 0).map(([k, v]) => (v === 1 ? k : `${k}^${v}`));
  const den = [...d].filter(([, v]) => v < 0).map(([k, v]) => (v === -1 ? k : `${k}^${-v}`));
  return `${num.join('*') || '1'}${den.length ? `/${den.length > 1 ? `(${den.join('*')})` : den[0]}` : ''}`;
}

/** A units text that is not a product of powers of names: the check says where and why, in both languages. */
export class UnitSyntaxError extends Error {
  constructor(readonly text: BilingualText) {
    super(text.en);
  }
}

/**
 * Parses a unit expression into dimensions, resolving aliases (recursively, by name or by key).
 * `spelling` makes names agree across calls (one map per model). Throws UnitSyntaxError on text
 * that is not units: unbalanced parentheses, an operator without an operand, a non-numeric power.
 */
export function parseUnits(text: string, aliases: Record<string, string> = {}, depth = 0, spelling: UnitSpelling = new Map()): Dim {
  const src = text.trim();
  if (DIMENSIONLESS.has(src.toLowerCase())) return new Map();
  // Unit names run between operators and may hold spaces (`million soles`) or `$`.
  const tokens = src
    .split(/([*/^()])/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '');
  let i = 0;
  const fail = (why: BilingualText): never => {
    throw new UnitSyntaxError({ en: `'${src}': ${why.en}`, es: `'${src}': ${why.es}` });
  };
  const atom = (): Dim => {
    const t = tokens[i++];
    if (t === '(') {
      const d = expr();
      if (tokens[i++] !== ')') fail({ en: "'(' without ')'", es: "'(' sin ')'" });
      return d;
    }
    if (t === undefined) return fail({ en: 'ends after an operator', es: 'termina tras un operador' });
    if (t === ')' || t === '*' || t === '/' || t === '^') return fail({ en: `'${t}' where a unit name belongs`, es: `'${t}' donde va un nombre de unidad` });
    if (/^[\d.]+$/.test(t) || DIMENSIONLESS.has(t.toLowerCase())) return new Map();
    const key = unitKey(t);
    const alias = Object.prototype.hasOwnProperty.call(aliases, t) ? aliases[t] : Object.prototype.hasOwnProperty.call(aliases, key) ? aliases[key] : undefined;
    if (alias !== undefined && depth < 8 && unitKey(alias) !== key) return parseUnits(alias, aliases, depth + 1, spelling);
    let name = spelling.get(key);
    if (name === undefined) spelling.set(key, (name = t));
    return new Map([[name, 1]]);
  };
  const factor = (): Dim => {
    let d = atom();
    while (tokens[i] === '^') {
      i++;
      let sign = 1;
      if (tokens[i] === '(') {
        // `s^(-1)`: a parenthesised signed number.
        const inner = tokens[i + 1] ?? '';
        if (tokens[i + 2] !== ')' || !/^-?[\d.]+$/.test(inner)) fail({ en: 'a power must be a number', es: 'una potencia debe ser un número' });
        i += 3;
        d = power(d, Number(inner));
        continue;
      }
      if (tokens[i]?.startsWith('-')) sign = -1;
      const p = Number((tokens[i++] ?? '').replace(/^-/, ''));
      if (!Number.isFinite(p)) fail({ en: 'a power must be a number', es: 'una potencia debe ser un número' });
      d = power(d, sign * p);
    }
    return d;
  };
  const expr = (): Dim => {
    let d = factor();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      d = combine(d, factor(), op === '*' ? 1 : -1);
    }
    return d;
  };
  const out = expr();
  if (i < tokens.length) fail({ en: `'${tokens[i]}' is left over`, es: `sobra '${tokens[i]}'` });
  return out;
}
