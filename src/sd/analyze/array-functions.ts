/**
 * Functions over whole arrays: SUM/PROD/VMIN/VMAX iterate the dimensions marked with `!`;
 * the VECTOR and ALLOCATE functions see a whole vector and return the element for the
 * current position.
 */
import { FLAT_INDEX, XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import { ModelError, warningAt, type BilingualText, type Diagnostic, type SourceLocation } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { VENSIM_NA } from '../ir/na.js';
import { visitExpr } from '../ir/walk.js';
import type { Ctx, ExpanderApi as Expander } from './context.js';
import { cartesian } from './context.js';
import type { SExpr } from './scalar-model.js';
import { checkConstantProfile, lowerCurveAtPrice, lowerFindMarketPrice, optionError, profileFields, withLast } from './market-functions.js';
import { allocateByPriorityProblem, type OptionProblem, vectorLookupModeProblem, vectorSelectActionProblem, vectorSelectErrorActionProblem } from './vector-options.js';

export const ARRAY_FUNCTIONS = new Set([
  'SUM', 'PROD', 'VMIN', 'VMAX', 'ELMCOUNT', 'VECTOR SELECT', 'VECTOR ELM MAP', 'VECTOR SORT ORDER', 'VECTOR RANK',
  'VECTOR REORDER', 'VECTOR LOOKUP', 'ALLOCATE BY PRIORITY', 'ALLOCATE AVAILABLE', 'INVERT MATRIX', 'MIN', 'MAX',
  'FIND MARKET PRICE', 'DEMAND AT PRICE', 'SUPPLY AT PRICE', XMILE_RANK, XMILE_ELEMENT,
]);

/** Dimensions referenced with `!` inside an expression, in order of appearance. */
export function bangDims(e: Expr, out: string[] = []): string[] {
  visitExpr(e, (x) => {
    if (x.kind !== 'ref' && x.kind !== 'apply') return;
    for (const s of x.subs) if (s.bang && !out.includes(s.name)) out.push(s.name);
  });
  return out;
}

/** Dimensions named (with or without `!`) in references inside an expression. */
function namedDims(x: Expander, e: Expr, out: string[] = []): string[] {
  visitExpr(e, (n) => {
    if (n.kind !== 'ref' && n.kind !== 'apply') return;
    for (const s of n.subs) if (x.dims.isDimension(s.name) && !out.includes(s.name)) out.push(s.name);
  });
  return out;
}

/** Resolves `e` once for every element combination of `dims` (bound as `dim!` and `dim`). */
function over(x: Expander, e: Expr, dims: string[], ctx: Ctx, alsoPlain: boolean): SExpr[] {
  const lists = dims.map((d) => x.dims.get(d)!.elements);
  const bangs = dims.map((d) => `${d}!`);
  // One binding and one context, rebound for each tuple (in cartesian order, the last dimension
  // fastest): resolve keeps neither, and the same keys are set in the same order every time, so
  // the Map iterates as a fresh copy would (bindElement's preferences follow that order).
  const binding = new Map(ctx.binding);
  const inner: Ctx = { ...ctx, binding };
  const out: SExpr[] = [];
  const total = lists.reduce((n, l) => n * l.length, 1);
  const digits = new Array<number>(lists.length).fill(0);
  for (let t = 0; t < total; t++) {
    if (t > 0) {
      for (let p = lists.length - 1; p >= 0; p--) {
        if (++digits[p]! < lists[p]!.length) break;
        digits[p] = 0;
      }
    }
    for (let i = 0; i < dims.length; i++) {
      const el = lists[i]![digits[i]!]!;
      binding.set(bangs[i]!, el);
      if (alsoPlain) binding.set(dims[i]!, el);
    }
    out.push(x.resolve(e, inner));
  }
  return out;
}

export function fold(op: string, terms: SExpr[]): SExpr {
  if (terms.length === 0) return { k: 'num', v: op === '*' ? 1 : 0 };
  if (op === 'min' || op === 'max') return { k: 'call', fn: op === 'min' ? 'MIN' : 'MAX', args: terms.length === 1 ? [terms[0]!, terms[0]!] : terms };
  // A balanced tree keeps generated code shallow for long sums.
  const build = (lo: number, hi: number): SExpr => (hi - lo === 1 ? terms[lo]! : { k: 'bin', op, a: build(lo, (lo + hi) >> 1), b: build((lo + hi) >> 1, hi) });
  return build(0, terms.length);
}

/** The dimension a VECTOR function runs along, and this node's position on it. */
function vectorAxis(x: Expander, e: Expr, ctx: Ctx): { dim: string; index: number } {
  const bangs = bangDims(e);
  const named = namedDims(x, e);
  // Vensim sorts along the argument's last subscript (suite case vector_order: with
  // `x[scompany,Region] = VECTOR SORT ORDER(r[company,Region], 0)` the order runs over Region).
  const dim = bangs[0] ?? named[named.length - 1];
  if (!dim) throw ModelError.at('E_DIMENSION', { en: 'this function needs an array argument', es: 'esta función necesita un arreglo como argumento' }, ctx.loc);
  const el = x.bindElement(dim, ctx.binding);
  const index = el === undefined ? 0 : x.dims.get(dim)!.elements.indexOf(el);
  return { dim, index: Math.max(0, index) };
}

/**
 * A run-constant option refused now, located at its argument and naming the variable; one that
 * changes during the run is checked by the run time with the same rule (vector-options.ts).
 */
function refuseConstant(x: Expander, e: SExpr, at: Expr, ctx: Ctx, what: BilingualText, problem: (v: number) => OptionProblem | undefined): void {
  if (!x.isRunConstant(e)) return;
  const p = problem(x.constantValue(e, at.loc, what));
  if (p) throw optionError(p, ctx, at.loc);
}

/** The array an array function reduces: the ranges marked `!`, else the named dimensions left unbound. */
function reducedDims(x: Expander, e: Expr, ctx: Ctx): string[] {
  const dims = bangDims(e);
  return dims.length ? dims : namedDims(x, e).filter((d) => x.bindElement(d, ctx.binding) === undefined);
}

/**
 * XMILE's RANK(array, n [, secondary]) (rules and sources in src/sd/run/xmile-rank.ts): both arrays
 * laid out flat, row-major. A secondary array of another size is not used (isee help 10.x, Array
 * builtins), and the reader says so.
 */
function lowerXmileRank(x: Expander, args: Expr[], ctx: Ctx): SExpr {
  const values = over(x, args[0]!, reducedDims(x, args[0]!, ctx), ctx, false);
  const vecs = [values];
  const b = args[2];
  if (b) {
    const secondary = over(x, b, reducedDims(x, b, ctx), ctx, false);
    if (secondary.length === values.length) vecs.push(secondary);
    else {
      x.warnings.push({
        severity: 'warning',
        code: 'W_RANK_SECONDARY',
        message: `${ctx.owner.name}: the secondary array of RANK has ${secondary.length} elements and the ranked array ${values.length}; as isee's help says (Array builtins), the secondary sort does not occur, so ties keep the order of the array`,
        messageEs: `${ctx.owner.name}: el arreglo secundario de RANK tiene ${secondary.length} elementos y el arreglo ordenado ${values.length}; como dice la ayuda de isee (Array builtins), no se aplica el orden secundario, así que los empates conservan el orden del arreglo`,
        loc: b.loc,
      });
    }
  }
  return { k: 'vec', fn: XMILE_RANK, vecs, scalars: [x.resolve(args[1]!, ctx)], index: 0 };
}

/**
 * `#ELEMENT(x[…], invalid, position, index, …)` (src/sd/ir/builtins.ts): the elements of x along
 * the computed positions, the other subscripts as resolved here, laid out row-major; the run time
 * picks one from the 1-based indices, each paired with its dimension's size.
 */
function lowerComputedElement(x: Expander, args: Expr[], ctx: Ctx): SExpr {
  const a = args[0]!;
  const v = a.kind === 'ref' ? x.vars.get(a.name) : undefined;
  if (a.kind !== 'ref' || !v) throw ModelError.at('E_UNDEFINED', { en: `'${a.kind === 'ref' ? a.display : '?'}' is not defined`, es: `'${a.kind === 'ref' ? a.display : '?'}' no está definida` }, a.loc);
  const key = x.elementKey(v, a.subs, ctx, a.loc);
  const at: number[] = [];
  const scalars: SExpr[] = [x.resolve(args[1]!, ctx)];
  for (let i = 2; i + 1 < args.length; i += 2) {
    const p = (args[i] as { value: number }).value;
    if (p === FLAT_INDEX) {
      // One index over every position, row-major: the cells are all of x and the size their count.
      at.push(...v.positions.map((_, q) => q));
      scalars.push({ k: 'num', v: v.positions.reduce((n, list) => n * list.length, 1) }, x.resolve(args[i + 1]!, ctx));
      continue;
    }
    const list = v.positions[p];
    if (!list) throw ModelError.at('E_DIMENSION', { en: `${a.display} has no subscript position ${p + 1}`, es: `${a.display} no tiene la posición de subíndice ${p + 1}` }, args[i + 1]!.loc);
    at.push(p);
    const index = x.resolve(args[i + 1]!, ctx);
    if (index.k === 'num') warnInvalidIndex(x, ctx, a.display, p, list.length, index.v, scalars[0]!, args[i + 1]!.loc);
    scalars.push({ k: 'num', v: list.length }, index);
  }
  const cells = cartesian(at.map((p) => v.positions[p]!)).map((tuple): SExpr => {
    const k = [...key];
    at.forEach((p, j) => (k[p] = tuple[j]!));
    const id = v.isLookup ? undefined : v.slots.at(k);
    return id === undefined ? { k: 'num', v: NaN } : { k: 'ref', id };
  });
  return { k: 'vec', fn: XMILE_ELEMENT, vecs: [cells], scalars, index: 0 };
}

/**
 * A subscript whose index is known when the model is built (`v[5]`, `v[2 + 3]`) and outside 1…n:
 * XMILE 1.0 §3.7.1 returns 0 (or NaN, footnote 10) "and, optionally, a warning SHOULD be given to
 * the user". Given once per place in the equation, however many elements share the equation.
 */
function warnInvalidIndex(x: Expander, ctx: Ctx, display: string, p: number, n: number, k: number, invalid: SExpr, loc: SourceLocation | undefined): void {
  const j = Math.trunc(k);
  if (j >= 1 && j <= n) return;
  const gives = invalid.k === 'num' ? String(invalid.v) : '0';
  const same = (d: Diagnostic) => d.code === 'W_INVALID_INDEX' && d.loc?.file === loc?.file && d.loc?.line === loc?.line && d.loc?.column === loc?.column;
  if (x.warnings.some(same)) return;
  x.warnings.push(
    warningAt(
      'W_INVALID_INDEX',
      {
        en: `${ctx.owner.name}: subscript ${p + 1} of ${display} is ${k}, outside 1 to ${n}; the reference gives ${gives}, as XMILE 1.0 §3.7.1 says of an index out of range`,
        es: `${ctx.owner.name}: el subíndice ${p + 1} de ${display} es ${k}, fuera de 1 a ${n}; la referencia da ${gives}, como dice XMILE 1.0 §3.7.1 de un índice fuera de rango`,
      },
      loc,
    ),
  );
}

export function lowerArrayCall(x: Expander, fn: string, args: Expr[], ctx: Ctx): SExpr {
  const v = lowerVectorCall(x, fn, args, ctx);
  return v.k === 'vec' ? { ...v, owner: ctx.owner.id } : v;
}

function lowerVectorCall(x: Expander, fn: string, args: Expr[], ctx: Ctx): SExpr {
  switch (fn) {
    case 'SUM':
    case 'PROD':
    case 'VMIN':
    case 'VMAX': {
      const terms = over(x, args[0]!, reducedDims(x, args[0]!, ctx), ctx, false);
      const op = fn === 'SUM' ? '+' : fn === 'PROD' ? '*' : fn === 'VMIN' ? 'min' : 'max';
      return fold(op, terms);
    }
    case 'MIN':
    case 'MAX': {
      if (args.length === 2) return { k: 'call', fn, args: args.map((a) => x.resolve(a, ctx)) };
      const dims = namedDims(x, args[0]!);
      return fold(fn === 'MIN' ? 'min' : 'max', over(x, args[0]!, dims, ctx, true));
    }
    case 'ELMCOUNT': {
      const a = args[0]!;
      const name = a.kind === 'ref' ? a.name : '';
      const dim = x.dims.get(name);
      if (!dim) throw ModelError.at('E_ARGUMENT', { en: 'ELMCOUNT needs the name of a subscript range', es: 'ELMCOUNT necesita el nombre de un rango de subíndices' }, a.loc);
      return { k: 'num', v: dim.elements.length };
    }
    case 'VECTOR SELECT': {
      // Both arrays are iterated together over every dimension marked `!` in either.
      const dims = bangDims(args[1]!, bangDims(args[0]!));
      const sel = over(x, args[0]!, dims, ctx, false);
      const vals = over(x, args[1]!, dims, ctx, false);
      const scalars = [2, 3, 4].map((i) => x.resolve(args[i]!, ctx));
      refuseConstant(x, scalars[1]!, args[3]!, ctx, { en: 'the numerical action of VECTOR SELECT', es: 'la acción numérica de VECTOR SELECT' }, vectorSelectActionProblem);
      refuseConstant(x, scalars[2]!, args[4]!, ctx, { en: 'the error action of VECTOR SELECT', es: 'la acción de error de VECTOR SELECT' }, vectorSelectErrorActionProblem);
      return { k: 'vec', fn, vecs: [sel, vals], scalars, index: 0 };
    }
    case 'VECTOR ELM MAP': {
      const a = args[0]!;
      if (a.kind !== 'ref') throw ModelError.at('E_ARGUMENT', { en: 'VECTOR ELM MAP needs a variable as its first argument', es: 'VECTOR ELM MAP necesita una variable como primer argumento' }, a.loc);
      const v = x.vars.get(a.name);
      if (!v) throw ModelError.at('E_UNDEFINED', { en: `'${a.display}' is not defined`, es: `'${a.display}' no está definida` }, a.loc);
      // Vensim's reference: the offset counts over the whole variable laid out flat, last
      // subscript fastest (v[s1,t1] offset (sub-1)*ELMCOUNT(tub) + (tub-1) is v[sub,tub]).
      const key = x.elementKey(v, a.subs, ctx, a.loc);
      const flat = cartesian(v.positions);
      const base = flat.findIndex((k) => k.join(',') === key.join(','));
      const cell = (k: string[]): SExpr => {
        const id = v.isLookup ? undefined : v.slots.at(k);
        return id === undefined ? { k: 'num', v: NaN } : { k: 'ref', id };
      };
      const offset = x.resolve(args[1]!, ctx);
      // A constant offset picks one element here; only a varying one needs the whole vector.
      // Outside the variable Vensim "issues an error message and returns :NA:"
      // (documentation/fn_vector_elm_map.html): the message is a warning now, :NA: the value, the
      // number −2^109 that every other :NA: of the engine is (ir/na.ts), not IEEE NaN.
      if (offset.k === 'num') {
        const at = flat[base + offset.v];
        if (Number.isInteger(offset.v) && at) return cell(at);
        x.warnings.push({
          severity: 'warning',
          code: 'W_VECTOR_ELM_MAP',
          message: `${ctx.owner.name}: VECTOR ELM MAP maps outside ${a.display}: offset ${offset.v} from element ${base + 1} is not among its ${flat.length} elements; where it is computed it gives :NA:, as in Vensim`,
          messageEs: `${ctx.owner.name}: VECTOR ELM MAP apunta fuera de ${a.display}: el desplazamiento ${offset.v} desde el elemento ${base + 1} no está entre sus ${flat.length} elementos; donde se calcula da :NA:, como en Vensim`,
          loc: args[1]!.loc,
        });
        return { k: 'num', v: VENSIM_NA };
      }
      return { k: 'vec', fn, vecs: [flat.map(cell)], scalars: [offset], index: base };
    }
    case 'VECTOR SORT ORDER':
    case 'VECTOR RANK': {
      const { dim, index } = vectorAxis(x, args[0]!, ctx);
      const vec = over(x, args[0]!, [dim], ctx, true);
      return { k: 'vec', fn, vecs: [vec], scalars: [x.resolve(args[1]!, ctx)], index };
    }
    case XMILE_RANK:
      return lowerXmileRank(x, args, ctx);
    case XMILE_ELEMENT:
      return lowerComputedElement(x, args, ctx);
    case 'VECTOR REORDER': {
      const { dim, index } = vectorAxis(x, args[0]!, ctx);
      const vec = over(x, args[0]!, [dim], ctx, true);
      const order = over(x, args[1]!, [dim], ctx, true);
      return { k: 'vec', fn, vecs: [vec, order], scalars: [], index };
    }
    case 'VECTOR LOOKUP': {
      // Vensim's reference: called with the first element of vec (`LV[s1]`); the vector runs
      // along the last subscript from there, as many values as that subscript has elements.
      const a = args[0]!;
      const scalars = [1, 2, 3, 4].map((i) => x.resolve(args[i]!, ctx));
      refuseConstant(x, scalars[3]!, args[4]!, ctx, { en: 'the mode of VECTOR LOOKUP', es: 'el modo de VECTOR LOOKUP' }, vectorLookupModeProblem);
      const v = a.kind === 'ref' ? x.vars.get(a.name) : undefined;
      if (a.kind === 'ref' && v && v.positions.length > 0 && a.subs.length > 0 && !x.dims.isDimension(a.subs[a.subs.length - 1]!.name)) {
        const key = x.elementKey(v, a.subs, ctx, a.loc);
        const flat = cartesian(v.positions);
        const base = flat.findIndex((k) => k.join(',') === key.join(','));
        const count = v.positions[v.positions.length - 1]!.length;
        const vec = flat.slice(base, base + count).map((k): SExpr => {
          const id = v.isLookup ? undefined : v.slots.at(k);
          return id === undefined ? { k: 'num', v: NaN } : { k: 'ref', id };
        });
        return { k: 'vec', fn, vecs: [vec], scalars, index: 0 };
      }
      const { dim } = vectorAxis(x, a, ctx);
      const vec = over(x, a, [dim], ctx, true);
      return { k: 'vec', fn, vecs: [vec], scalars, index: 0 };
    }
    case 'ALLOCATE BY PRIORITY': {
      const { dim, index } = vectorAxis(x, args[0]!, ctx);
      const req = over(x, args[0]!, [dim], ctx, true);
      const prio = over(x, args[1]!, [dim], ctx, true);
      const scalars = [2, 3, 4].map((i) => x.resolve(args[i]!, ctx));
      if (x.isRunConstant(scalars[0]!) && x.isRunConstant(scalars[1]!)) {
        const size = x.constantValue(scalars[0]!, args[2]!.loc, { en: 'the size of ALLOCATE BY PRIORITY', es: 'el tamaño de ALLOCATE BY PRIORITY' });
        const width = x.constantValue(scalars[1]!, args[3]!.loc, { en: 'the width of ALLOCATE BY PRIORITY', es: 'el ancho de ALLOCATE BY PRIORITY' });
        const p = allocateByPriorityProblem(size, width, req.length);
        if (p) throw optionError(p, ctx, (size !== req.length ? args[2]! : args[3]!).loc, undefined, true);
      }
      return { k: 'vec', fn, vecs: [req, prio], scalars, index };
    }
    case 'ALLOCATE AVAILABLE': {
      const { dim, index } = vectorAxis(x, args[0]!, ctx);
      const req = over(x, args[0]!, [dim], ctx, true);
      // The priority profile is named by its first element (`priority[branch, ptype]`): the
      // profile runs over that element's range, from it on (type, priority, width, extra).
      const { ref, fields } = profileFields(x, args[1]!, ctx, fn);
      const vecs: SExpr[][] = [req, ...fields.map((f) => over(x, withLast(ref, f), [dim], ctx, true))];
      // Constant profile types (and their widths) are checked now; others at run time, by the same rule.
      x.dims.get(dim)!.elements.forEach((el, i) => {
        const who = x.dims.displayOf(el);
        checkConstantProfile(x, vecs[1]![i]!, vecs[3]![i]!, ref, ctx, fn, { en: `ALLOCATE AVAILABLE, requester ${who}`, es: `ALLOCATE AVAILABLE, solicitante ${who}` }, true);
      });
      const names = [x.dims.get(dim)!.elements.map((el) => x.dims.displayOf(el))];
      return { k: 'vec', fn, vecs, scalars: [x.resolve(args[2]!, ctx)], index, names };
    }
    case 'FIND MARKET PRICE':
      return lowerFindMarketPrice(x, args, ctx);
    case 'DEMAND AT PRICE':
    case 'SUPPLY AT PRICE':
      return lowerCurveAtPrice(x, fn, args, ctx);
    case 'INVERT MATRIX': {
      // INVERT MATRIX(m[..., rows, cols], n): the inverse over the last two subscripts.
      const a = args[0]!;
      if (a.kind !== 'ref' || a.subs.length < 2) throw ModelError.at('E_ARGUMENT', { en: 'INVERT MATRIX needs a matrix variable with two subscripts', es: 'INVERT MATRIX necesita una variable matriz con dos subíndices' }, a.loc);
      const rowsDim = a.subs[a.subs.length - 2]!.name;
      const colsDim = a.subs[a.subs.length - 1]!.name;
      const rows = x.dims.get(rowsDim);
      const cols = x.dims.get(colsDim);
      if (!rows || !cols || rows.elements.length !== cols.elements.length) {
        throw ModelError.at('E_DIMENSION', { en: 'INVERT MATRIX needs a square matrix over two subscript ranges', es: 'INVERT MATRIX necesita una matriz cuadrada sobre dos rangos de subíndices' }, a.loc);
      }
      // fn_invert_matrix: the last two subscripts each have n elements.
      const n = x.resolve(args[1]!, ctx);
      if (x.isRunConstant(n)) {
        const size = x.constantValue(n, args[1]!.loc, { en: 'the size of INVERT MATRIX', es: 'el tamaño de INVERT MATRIX' });
        if (size !== rows.elements.length) {
          throw ModelError.at('E_ARGUMENT', { en: `${ctx.owner.name}: the size of INVERT MATRIX is ${size}, but the matrix is ${rows.elements.length}×${cols.elements.length} (documentation/fn_invert_matrix.html)`, es: `${ctx.owner.name}: el tamaño de INVERT MATRIX es ${size}, pero la matriz es de ${rows.elements.length}×${cols.elements.length} (documentation/fn_invert_matrix.html)` }, args[1]!.loc);
        }
      }
      const i = rows.elements.indexOf(x.bindElement(rowsDim, ctx.binding) ?? '');
      const j = cols.elements.indexOf(x.bindElement(colsDim, ctx.binding) ?? '');
      const cells: SExpr[] = [];
      for (const r of rows.elements) {
        for (const c of cols.elements) {
          const binding = new Map(ctx.binding);
          binding.set(rowsDim, r);
          binding.set(colsDim, c);
          cells.push(x.resolve(a, { ...ctx, binding }));
        }
      }
      return { k: 'vec', fn, vecs: [cells], scalars: [], index: Math.max(0, i) * rows.elements.length + Math.max(0, j) };
    }
    default:
      throw ModelError.at('E_UNSUPPORTED', { en: `${fn} is not supported yet`, es: `${fn} aún no se admite` }, ctx.loc);
  }
}
