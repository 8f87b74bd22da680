/**
 * Values the writer knows once the model is read, written as numbers:
 * - a time setting (INITIAL TIME, FINAL TIME, TIME STEP, SAVEPER) given by a constant expression
 *   (`-10`, `100 / 4`, another constant's name): XMILE sim specs are numbers (XMILE 1.0 §3.1.4).
 *   The expression is computed here with the same double operations the engine uses (+ − × ÷ on
 *   numbers, INITIAL of a constant), so the number written is the one the engine runs; anything else (Time, a function,
 *   a variable that changes) is left undefined and the writer refuses it.
 * - GET DIRECT / GET XLS CONSTANTS: the numbers the data host gives, element by element, read with
 *   the engine's own reader (src/sd/data getConstants, in the order of analyze/data-functions.ts).
 * - GET DIRECT SUBSCRIPT: a range's elements as the engine reads them (getSubscript; the element's
 *   name in lower case, its display as read, as ir/dimension-table.ts keeps them).
 */
import { caughtText } from '../ir/diagnostics.js';
import type { DimensionDecl, Equation, Expr, SubscriptRef } from '../ir/model.js';
import { getConstants, getSubscript } from '../data/index.js';
import type { DataHost } from '../data/types.js';

/** The number a constant expression computes, or undefined when it is not one. */
export function constantValue(e: Expr, equationOf: (name: string) => Equation | undefined, seen: ReadonlySet<string> = new Set()): number | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'unary': {
      if (e.op !== '-') return undefined;
      const v = constantValue(e.arg, equationOf, seen);
      return v === undefined ? undefined : -v;
    }
    case 'binary': {
      const a = constantValue(e.left, equationOf, seen);
      const b = constantValue(e.right, equationOf, seen);
      if (a === undefined || b === undefined) return undefined;
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      if (e.op === '/') return a / b;
      return undefined;
    }
    case 'ref': {
      if (e.subs.length || seen.has(e.name)) return undefined;
      const eq = equationOf(e.name);
      if (!eq?.expr || eq.lhs.subs.length || (eq.kind !== 'aux' && eq.kind !== 'unchangeable')) return undefined;
      return constantValue(eq.expr, equationOf, new Set([...seen, e.name]));
    }
    case 'call':
      // INITIAL(x) of a constant is that constant (`SAVEPER = INITIAL(TIME STEP)`, as converted
      // models write it): the value at the start, which a constant keeps all run.
      return (e.fn === 'INITIAL' || e.fn === 'INIT') && e.args.length === 1 ? constantValue(e.args[0]!, equationOf, seen) : undefined;
    default:
      return undefined;
  }
}

const isConstantsCall = (e: Expr | undefined): e is Extract<Expr, { kind: 'call' }> => e?.kind === 'call' && (e.fn === 'GET DIRECT CONSTANTS' || e.fn === 'GET XLS CONSTANTS');

/** Why a GET … CONSTANTS equation cannot be written as numbers; undefined when it can. */
export type ConstantsProblem = { en: string; es: string; eq: Equation };

/**
 * The equations with every `x[…] = GET … CONSTANTS(file, tab, cell)` replaced by one equation per
 * element whose value is the number the engine reads there. `members` gives a dimension's
 * elements (an element: itself), in the engine's order.
 */
export function constantsAsNumbers(equations: readonly Equation[], host: DataHost | undefined, members: (d: string) => string[], isDimension: (n: string) => boolean): Equation[] | ConstantsProblem {
  const out: Equation[] = [];
  for (const eq of equations) {
    const e = eq.expr;
    if (!isConstantsCall(e)) {
      out.push(eq);
      continue;
    }
    if (!host) return { en: `${e.fn}: the writer was given no data files to read the values from`, es: `${e.fn}: el escritor no recibió archivos de datos de donde leer los valores`, eq };
    if (eq.lhs.except.length) return { en: `${e.fn} on a definition with :EXCEPT:`, es: `${e.fn} en una definición con :EXCEPT:`, eq };
    const args = e.args.slice(0, 3).map((a) => (a.kind === 'str' ? a.value : a.kind === 'num' ? String(a.value) : undefined));
    if (args.some((a) => a === undefined)) return { en: `${e.fn} whose file, tab or cell is not written as text`, es: `${e.fn} cuyo archivo, hoja o celda no está escrito como texto`, eq };
    const [file, tab, cell] = args as string[];
    const lists = eq.lhs.subs.map((s) => members(s.name));
    // The block's shape: the positions that are ranges (analyze/data-functions.ts).
    const shape = lists.filter((_, p) => isDimension(eq.lhs.subs[p]!.name)).map((l) => l.length);
    let values: Float64Array;
    try {
      values = getConstants(host.readSheet(file!, tab!), cell!, shape);
    } catch (err) {
      const why = caughtText(err);
      return { en: `${e.fn}('${file}', '${tab}', '${cell}'): ${why.en}`, es: `${e.fn}('${file}', '${tab}', '${cell}'): ${why.es}`, eq };
    }
    // One equation per element, in the engine's order (the last subscript varies fastest).
    const tuples = lists.reduce<string[][]>((acc, l) => acc.flatMap((t) => l.map((m) => [...t, m])), [[]]);
    tuples.forEach((t, index) => {
      const subs: SubscriptRef[] = t.map((m) => ({ name: m, display: m, bang: false, loc: eq.lhs.loc }));
      out.push({ ...eq, lhs: { ...eq.lhs, subs, dims: eq.lhs.dims ?? eq.lhs.subs.map((s) => s.name) }, expr: { kind: 'num', value: values[index]!, loc: e.loc } });
    });
  }
  return out;
}

/** The ranges with every GET DIRECT SUBSCRIPT replaced by the elements it reads. */
export function subscriptsAsElements(dims: readonly DimensionDecl[], host: DataHost | undefined): DimensionDecl[] | { en: string; es: string; dim: DimensionDecl } {
  const out: DimensionDecl[] = [];
  for (const d of dims) {
    const call = d.fromData;
    if (!call) {
      out.push(d);
      continue;
    }
    const fn = call.kind === 'call' ? call.fn : 'GET DIRECT SUBSCRIPT';
    if (!host) return { en: `${d.display} takes its elements from a data file (${fn}), and the writer was given no data files`, es: `${d.display} toma sus elementos de un archivo de datos (${fn}), y el escritor no recibió archivos de datos`, dim: d };
    const args = call.kind === 'call' ? call.args.slice(0, 5).map((a) => (a.kind === 'str' ? a.value : a.kind === 'num' ? String(a.value) : undefined)) : [];
    if (args.length < 4 || args.some((a) => a === undefined)) return { en: `${fn} of ${d.display} whose arguments are not written as text`, es: `${fn} de ${d.display} cuyos argumentos no están escritos como texto`, dim: d };
    const [file, tab, first, last, prefix] = args as string[];
    try {
      const elements = getSubscript(host.readSheet(file!, tab!), first!, last!, prefix ?? '');
      out.push({ ...d, fromData: undefined, members: elements.map((e) => ({ name: e.toLowerCase(), display: e })) });
    } catch (err) {
      const why = caughtText(err);
      return { en: `${fn} of ${d.display}: ${why.en}`, es: `${fn} de ${d.display}: ${why.es}`, dim: d };
    }
  }
  return out;
}
