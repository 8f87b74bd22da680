/**
 * Vensim's SHIFT IF TRUE(var, cond, size, accum, inval), from its reference page
 * (vensim.com/documentation/fn_shift_if_true.html):
 *  - when cond is true, the `size` elements of the level var, counted from the element given along
 *    var's rightmost subscript, move one position along it;
 *  - the first of them becomes inval;
 *  - the last becomes the second to last, or, when accum is non-zero, the last plus the second to last;
 *  - the call returns what left the last element: its value when accum is zero, else 0.
 *
 * Rule used here: the call, evaluated at time t with the other auxiliaries, decides the shift of
 * the levels' values at t, and the shift takes effect in the levels' next Euler step:
 * L[i](t+dt) = shifted L(t)[i] + dt × rate[i](t). It is written into each level's rate as
 * IF cond THEN (shifted − L[i]) / dt ELSE 0, so the compiled engine needs no new machinery.
 *
 * Assumptions (the page does not say): the levels' values saved at t are the unshifted ones, and
 * the equations of time t read them unshifted (Vensim's order between the call and other readers is
 * not documented); size is a constant of at least 2; the window must stay inside var's last
 * subscript (Vensim warns a too-large size changes other variables; here it is an error); a level
 * may be shifted by one call only; Euler integration only (a run with RK2/RK4 stops, see
 * ScalarModel.eulerOnly).
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import type { Ctx, ExpanderApi } from './context.js';
import type { ScalarNode, SExpr } from './scalar-model.js';

/** One call's window: the level nodes shifted, first to last, and the shared condition and values. */
export interface ShiftWindow {
  levels: number[];
  cond: SExpr;
  accum: SExpr;
  inval: SExpr;
  loc: SourceLocation;
}

const num = (v: number): SExpr => ({ k: 'num', v });
const ref = (id: number): SExpr => ({ k: 'ref', id });
const bin = (op: string, a: SExpr, b: SExpr): SExpr => ({ k: 'bin', op, a, b });
const ifThen = (c: SExpr, a: SExpr, b: SExpr): SExpr => ({ k: 'call', fn: 'IF THEN ELSE', args: [c, a, b] });

/** Lowers one call: records its window in `windows` and returns the amount it removes. */
export function lowerShiftIfTrue(x: ExpanderApi, args: Expr[], ctx: Ctx, windows: ShiftWindow[]): SExpr {
  const loc = ctx.loc;
  const target = args[0]!;
  if (target.kind !== 'ref' || ctx.scope?.has(target.name)) {
    throw ModelError.at('E_SYNTAX', 'the first argument of SHIFT IF TRUE must be an element of a level (an INTEG variable)', target.loc);
  }
  const v = x.vars.get(target.name);
  if (!v || v.positions.length === 0) {
    throw ModelError.at('E_DIMENSION', `SHIFT IF TRUE shifts along the last subscript of its first argument; ${target.display} has none`, target.loc);
  }
  const size = x.constantValue(x.resolve(args[2]!, ctx), args[2]!.loc, 'the size of SHIFT IF TRUE');
  if (!Number.isInteger(size) || size < 2) {
    throw ModelError.at('E_ARGUMENT', `the size of SHIFT IF TRUE must be a whole number of at least 2 (it is ${size})`, args[2]!.loc);
  }
  const key = x.elementKey(v, target.subs, ctx, target.loc);
  const last = v.positions.length - 1;
  const along = v.positions[last]!;
  const start = along.indexOf(key[last]!);
  if (start + size > along.length) {
    throw ModelError.at('E_DIMENSION', `SHIFT IF TRUE would shift ${size} elements of ${target.display} from ${key[last]}, past the end of its last subscript (${along.length - start} left)`, args[2]!.loc);
  }
  const levels: number[] = [];
  for (let j = 0; j < size; j++) {
    const k = [...key.slice(0, last), along[start + j]!].join(',');
    const id = v.nodes.get(k);
    if (id === undefined) throw ModelError.at('E_UNDEFINED', `${v.display}[${k}] is shifted by SHIFT IF TRUE but never defined`, target.loc);
    levels.push(id);
  }
  /** An argument read by several rates, as a node of its own unless it is already a leaf. */
  const shared = (i: number, what: string): SExpr => {
    const e = x.resolve(args[i]!, ctx);
    if (e.k === 'num' || e.k === 'ref' || e.k === 'time') return e;
    const h = x.hiddenNode(ctx.owner, what, loc);
    h.expr = e;
    return ref(h.id);
  };
  const cond = shared(1, 'shift condition');
  const accum = shared(3, 'shift accumulates');
  const inval = shared(4, 'shift input');
  windows.push({ levels, cond, accum, inval, loc });
  // What leaves the last element: all of it when not accumulating and the shift happens.
  const lastLevel = ref(levels[size - 1]!);
  return ifThen(bin('and', cond, bin('=', accum, num(0))), lastLevel, num(0));
}

/** After every node is defined: adds each window's shift to its levels' rates. */
export function applyShiftWindows(nodes: ScalarNode[], windows: ShiftWindow[]): void {
  const shifted = new Set<number>();
  for (const w of windows) {
    const n = w.levels.length;
    w.levels.forEach((id, i) => {
      const level = nodes[id]!;
      if (level.kind !== 'stock') {
        throw ModelError.at('E_ARGUMENT', `SHIFT IF TRUE shifts levels (INTEG); ${level.name} is not one`, w.loc);
      }
      if (shifted.has(id)) throw ModelError.at('E_UNSUPPORTED', `${level.name} is shifted by more than one SHIFT IF TRUE`, w.loc);
      shifted.add(id);
      const before = ref(w.levels[i - 1] ?? id);
      const next = i === 0 ? w.inval : i < n - 1 ? before : ifThen(bin('<>', w.accum, num(0)), bin('+', ref(id), before), before);
      const jump = ifThen(w.cond, bin('/', bin('-', next, ref(id)), { k: 'dt' }), num(0));
      level.expr = bin('+', level.expr, jump);
    });
  }
}
