/**
 * Vensim's VECTOR SELECT written out element by element with XMILE 1.0 operators, computing what
 * the engine computes (run/vector-functions.ts), operation for operation.
 *
 * VECTOR SELECT(selection, values, missing, numerical action, error action) walks the ranges
 * marked `!` in the selection and then in the values (in that order of first mention, the last
 * range fastest: analyze/array-functions.ts), picks the elements whose selection is not 0 (NaN
 * is picked, as `sel !== 0`), and gives `missing` when none is picked, else, by the action: the
 * sum (0) or product (1) of value × selection from 0 or 1 left to right, their MIN (2) or MAX
 * (3), their sum divided by the count picked (4), the product of value ^ selection (5), and the
 * same on the values alone (6 sum, 7 product, 8 min, 9 max, 10 mean).
 *
 * Written with one term per element, `IF s = 0 THEN identity ELSE term`, folded from the same
 * start in the same order: x + 0 = x for every x but −0, which a sum started at +0 never holds;
 * x × 1 = x; Math.min(x, +INF) = x and Math.max(x, −INF) = x, NaN and ±0 included; the count is a
 * sum of 0s and 1s (exact). `missing` comes first: `IF s₁ = 0 AND … AND sₙ = 0 THEN missing ELSE …`.
 * An action computed in the run becomes a choice among the eleven forms by its value; where it is
 * not a whole number from 0 to 10 the engine stops the run with an error (vector-options.ts) and
 * the form gives :NA:'s number, −2^109, as XMILE cannot stop a run: the same numbers wherever the
 * engine gives numbers. Refused: error actions other than 0 (they stop the run on an empty or a
 * multiple selection), and a selection, values or varying action holding a function call (each is
 * written several times).
 */
import type { BilingualText } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { mapExpr, visitExpr } from '../ir/walk.js';
import { callFree } from './writer-builtins.js';
import { bin, call, num, sum } from './ir-build.js';
import { VENSIM_NA } from '../ir/na.js';

/** The ranges marked `!`, in order of first mention. */
function bangDims(e: Expr, out: string[]): string[] {
  visitExpr(e, (x) => {
    if (x.kind !== 'ref' && x.kind !== 'apply') return;
    for (const s of x.subs) if (s.bang && !out.includes(s.name)) out.push(s.name);
  });
  return out;
}

/** Every tuple of elements over the ranges, the last fastest. */
function tuples(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, l) => acc.flatMap((t) => l.map((el) => [...t, el])), [[]]);
}

/** A whole number written in the equation (`3`, `-1`), or undefined. */
function literal(e: Expr | undefined): number | undefined {
  if (e?.kind === 'num') return e.value;
  if (e?.kind === 'unary' && e.op === '-' && e.arg.kind === 'num') return -e.arg.value;
  return undefined;
}

/** The engine's :NA: (ir/na.ts). */
const NA = VENSIM_NA;

/** Why VECTOR SELECT is refused, its name put before the reason in each language (each call's reasons are a checked pair). */
const refusal = (why: BilingualText): BilingualText => ({ en: 'VECTOR SELECT ' + why.en, es: 'VECTOR SELECT ' + why.es });

/** VECTOR SELECT as an explicit expression over its elements, or why it has none. */
export function vectorSelectForm(e: Extract<Expr, { kind: 'call' }>, members: (dim: string) => string[] | undefined): Expr | BilingualText {
  const [sel, vals, missing] = e.args;
  const action = literal(e.args[3]);
  const onError = literal(e.args[4]);
  if (!sel || !vals || !missing || e.args.length !== 5) return refusal({ en: 'without its five arguments', es: 'sin sus cinco argumentos' });
  if (onError !== 0) return refusal({ en: 'with an error action other than 0 (it stops the run on an empty or multiple selection, which XMILE cannot say)', es: 'con una acción de error distinta de 0 (detiene la corrida ante una selección vacía o múltiple, lo que XMILE no puede expresar)' });
  const actionExpr = e.args[3]!;
  if (action !== undefined && !(Number.isInteger(action) && action >= 0 && action <= 10)) return refusal({ en: 'whose numerical action is not a whole number from 0 to 10', es: 'cuya acción numérica no es un número entero de 0 a 10' });
  if (action === undefined && !callFree(actionExpr)) return refusal({ en: 'whose numerical action changes during the run and holds a function call (it is compared with each action)', es: 'cuya acción numérica cambia durante la corrida y contiene una llamada a función (se compara con cada acción)' });
  if (!callFree(sel) || !callFree(vals)) return refusal({ en: 'whose selection or values hold a function call (each element is written twice)', es: 'cuya selección o valores contienen una llamada a función (cada elemento se escribe dos veces)' });
  const dims = bangDims(vals, bangDims(sel, []));
  const lists = dims.map((d) => members(d));
  if (!dims.length || lists.some((l) => !l?.length)) return refusal({ en: 'over no range marked with ! (nothing to walk)', es: 'sobre ningún rango marcado con ! (nada que recorrer)' });
  const loc = e.loc;
  const cells = tuples(lists as string[][]).map((t) => {
    const at = (x: Expr): Expr =>
      mapExpr(x, (n) => (n.kind === 'ref' || n.kind === 'apply') && n.subs.some((s) => s.bang)
        ? { ...n, subs: n.subs.map((s) => (s.bang ? { name: t[dims.indexOf(s.name)]!, display: t[dims.indexOf(s.name)]!, bang: false, loc: s.loc } : s)) }
        : n);
    return { s: at(sel), v: at(vals) };
  });
  const off = (s: Expr) => bin('=', s, num(0, loc), loc);
  const pick = (s: Expr, identity: Expr, term: Expr) => call('IF THEN ELSE', [off(s), identity, term], loc);
  const formOf = (action: number): Expr => {
    const weighted = action <= 4;
    const value = (c: (typeof cells)[number]) => (weighted ? bin('*', c.v, c.s, loc) : c.v);
    const from = (start: number, op: '+' | '*') => cells.reduce<Expr>((a, c) => bin(op, a, pick(c.s, num(start, loc), value(c)), loc), num(start, loc));
    const extreme = (fn: 'MIN' | 'MAX') => {
      const identity = num(fn === 'MIN' ? Infinity : -Infinity, loc);
      return cells.reduce<Expr>((a, c) => call(fn, [a, pick(c.s, identity, value(c))], loc), identity);
    };
    switch (action) {
      case 0:
      case 6:
        return from(0, '+');
      case 1:
      case 7:
        return from(1, '*');
      case 2:
      case 8:
        return extreme('MIN');
      case 3:
      case 9:
        return extreme('MAX');
      case 5:
        return cells.reduce<Expr>((a, c) => bin('*', a, pick(c.s, num(1, loc), bin('^', c.v, c.s, loc)), loc), num(1, loc));
      default: // 4 and 10, the means over the count picked
        return bin('/', from(0, '+'), sum([num(0, loc), ...cells.map((c) => pick(c.s, num(0, loc), num(1, loc)))], loc), loc);
    }
  };
  // An action computed in the run: the form of each whole number from 0 to 10 where it is that number,
  // :NA:'s number elsewhere (the engine stops the run there, vector-options.ts; XMILE cannot stop one).
  const picked = action !== undefined
    ? formOf(action)
    : Array.from({ length: 11 }, (_, k) => 10 - k).reduce<Expr>((rest, k) => call('IF THEN ELSE', [bin('=', actionExpr, num(k, loc), loc), formOf(k), rest], loc), num(NA, loc));
  const none = cells.slice(1).reduce<Expr>((a, c) => bin('and', a, off(c.s), loc), off(cells[0]!.s));
  return call('IF THEN ELSE', [none, missing, picked], loc);
}
