/**
 * Vensim's SHIFT IF TRUE(var, cond, size, accum, inval), from its reference page
 * (vensim.com/documentation/fn_shift_if_true.html):
 *  - when cond is true, the `size` elements of the level var, counted from the element given along
 *    var's rightmost subscript, move one position along it;
 *  - the first of them becomes inval;
 *  - the last becomes the second to last, or, when accum is non-zero, the last plus the second to last;
 *  - the call returns what left the last element: its value when accum is zero, else 0.
 *
 * The call "modifies the values of the variable it is called with" while the auxiliaries of time t
 * are computed; Vensim's Computational Sequence page (vensim.com/documentation/computationalsequence.html)
 * stores results before computing the auxiliaries only for Diff integration, so with Euler the
 * stored level is, we infer, the shifted one. Rule used here: at time t the
 * shifted value S[i] = IF cond THEN (the value moved in) ELSE L[i] is what the model reads and
 * saves as the level, and the level steps from it: L[i](t+dt) = S[i](t) + dt × rate[i], with the
 * rate computed from the shifted values. The level's node becomes hidden state whose rate gains
 * IF cond THEN (S[i] − L[i]) / dt ELSE 0, and a new auxiliary node S[i] takes the level's name and
 * every reference to it, so the compiled engine needs no new machinery (L + dt × (rate + (S − L)/dt)
 * equals S + dt × rate up to rounding). The condition, accum,
 * inval, every equation they depend on, and the amount returned read the unshifted values (the
 * shift is decided from them, so Vensim computes them first).
 *
 * Assumptions (the page does not say): every other equation of time t reads the shifted values
 * (Vensim's order between the call and readers it does not depend on is not documented);
 * size is a constant of at least 2; the window must stay inside var's last subscript (Vensim warns
 * a too-large size changes other variables; here it is an error); a level may be shifted by one
 * call only; Euler integration only (a run with RK2/RK4 stops, see ScalarModel.eulerOnly).
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import type { Ctx, ExpanderApi } from './context.js';
import { refsOf } from './order.js';
import type { ScalarNode, SExpr } from './scalar-model.js';

/** One call's window: the level nodes shifted, first to last, and the shared condition and values. */
export interface ShiftWindow {
  levels: number[];
  cond: SExpr;
  accum: SExpr;
  inval: SExpr;
  loc: SourceLocation;
  /** Nodes made for this call that read the levels before the shift. */
  unshiftedReaders: number[];
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
    throw ModelError.at('E_SYNTAX', { en: 'the first argument of SHIFT IF TRUE must be an element of a level (an INTEG variable)', es: 'el primer argumento de SHIFT IF TRUE debe ser un elemento de un nivel (una variable INTEG)' }, target.loc);
  }
  const v = x.vars.get(target.name);
  if (!v || v.positions.length === 0) {
    throw ModelError.at('E_DIMENSION', { en: `SHIFT IF TRUE shifts along the last subscript of its first argument; ${target.display} has none`, es: `SHIFT IF TRUE desplaza a lo largo del último subíndice de su primer argumento; ${target.display} no tiene ninguno` }, target.loc);
  }
  const size = x.constantValue(x.resolve(args[2]!, ctx), args[2]!.loc, { en: 'the size of SHIFT IF TRUE', es: 'el tamaño de SHIFT IF TRUE' });
  if (!Number.isInteger(size) || size < 2) {
    throw ModelError.at('E_ARGUMENT', { en: `the size of SHIFT IF TRUE must be a whole number of at least 2 (it is ${size})`, es: `el tamaño de SHIFT IF TRUE debe ser un número entero de al menos 2 (es ${size})` }, args[2]!.loc);
  }
  const key = x.elementKey(v, target.subs, ctx, target.loc);
  const last = v.positions.length - 1;
  const along = v.positions[last]!;
  const start = along.indexOf(key[last]!);
  if (start + size > along.length) {
    throw ModelError.at('E_DIMENSION', { en: `SHIFT IF TRUE would shift ${size} elements of ${target.display} from ${key[last]}, past the end of its last subscript (${along.length - start} left)`, es: `SHIFT IF TRUE desplazaría ${size} elementos de ${target.display} desde ${key[last]}, más allá del final de su último subíndice (quedan ${along.length - start})` }, args[2]!.loc);
  }
  const levels: number[] = [];
  for (let j = 0; j < size; j++) {
    const tuple = [...key.slice(0, last), along[start + j]!];
    const id = v.isLookup ? undefined : v.slots.at(tuple);
    if (id === undefined) {
      const k = tuple.join(',');
      throw ModelError.at(
        'E_UNDEFINED',
        { en: `${v.display}[${k}] is shifted by SHIFT IF TRUE but never defined`, es: `SHIFT IF TRUE desplaza ${v.display}[${k}], que nunca se define` },
        target.loc,
      );
    }
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
  // What leaves the last element: all of it when not accumulating and the shift happens. A node
  // of its own, so that it keeps reading the unshifted level.
  const removed = x.hiddenNode(ctx.owner, 'shift removed', loc);
  removed.expr = ifThen(bin('and', cond, bin('=', accum, num(0))), ref(levels[size - 1]!), num(0));
  const readers = [cond, accum, inval].flatMap((e) => (e.k === 'ref' && !levels.includes(e.id) ? [e.id] : []));
  windows.push({ levels, cond, accum, inval, loc, unshiftedReaders: [removed.id, ...readers] });
  return ref(removed.id);
}

/** `e` with every reference to a key of `to` replaced by a reference to its value. */
function redirect(e: SExpr, to: ReadonlyMap<number, number>): SExpr {
  switch (e.k) {
    case 'ref': {
      const id = to.get(e.id);
      return id === undefined ? e : ref(id);
    }
    case 'call':
      return { ...e, args: e.args.map((a) => redirect(a, to)) };
    case 'un':
      return { ...e, a: redirect(e.a, to) };
    case 'bin':
      return { ...e, a: redirect(e.a, to), b: redirect(e.b, to) };
    case 'lookup':
      return { ...e, x: redirect(e.x, to) };
    case 'vec':
      return { ...e, vecs: e.vecs.map((v) => v.map((a) => redirect(a, to))), scalars: e.scalars.map((a) => redirect(a, to)) };
    default:
      return e;
  }
}

/**
 * After every node is defined: each shifted level hands its name to a new auxiliary holding its
 * shifted value, which every other equation then reads; the level's rate gains the jump.
 */
export function applyShiftWindows(nodes: ScalarNode[], windows: ShiftWindow[], newNode: (name: string) => ScalarNode): void {
  if (windows.length === 0) return;
  const shiftedOf = new Map<number, number>();
  const keep = new Set<number>();
  const jumps: { level: ScalarNode; jump: SExpr }[] = [];
  for (const w of windows) {
    const n = w.levels.length;
    w.unshiftedReaders.forEach((id) => keep.add(id));
    w.levels.forEach((id, i) => {
      const level = nodes[id]!;
      if (level.kind !== 'stock') {
        throw ModelError.at('E_ARGUMENT', { en: `SHIFT IF TRUE shifts levels (INTEG); ${level.name} is not one`, es: `SHIFT IF TRUE desplaza niveles (INTEG); ${level.name} no es un nivel` }, w.loc);
      }
      if (shiftedOf.has(id)) throw ModelError.at('E_UNSUPPORTED', { en: `${level.name} is shifted by more than one SHIFT IF TRUE`, es: `${level.name} lo desplaza más de un SHIFT IF TRUE` }, w.loc);
      const before = ref(w.levels[i - 1] ?? id);
      const moved = i === 0 ? w.inval : i < n - 1 ? before : ifThen(bin('<>', w.accum, num(0)), bin('+', ref(id), before), before);
      // The shifted value takes the level's place in the output and in every other equation.
      const shifted = newNode(level.name);
      shifted.varName = level.varName;
      shifted.kind = 'aux';
      shifted.expr = ifThen(w.cond, moved, ref(id));
      for (const k of ['units', 'doc', 'range', 'loc'] as const) if (level[k] !== undefined) (shifted as unknown as Record<string, unknown>)[k] = level[k];
      level.name = `#shifted level(${level.name})#${level.id}`;
      level.hidden = true;
      keep.add(shifted.id);
      shiftedOf.set(id, shifted.id);
      jumps.push({ level, jump: ifThen(w.cond, bin('/', bin('-', ref(shifted.id), ref(id)), { k: 'dt' }), num(0)) });
    });
  }
  // What the call's arguments depend on is computed before the call, so it reads the unshifted
  // levels (Vensim orders by those dependencies; the shift itself is not one).
  const pending = windows.flatMap((w) => [...refsOf(w.cond), ...refsOf(w.accum), ...refsOf(w.inval)]);
  const seen = new Set<number>();
  while (pending.length) {
    const node = nodes[pending.pop()!]!;
    if (node.kind === 'stock' || seen.has(node.id)) continue;
    seen.add(node.id);
    keep.add(node.id);
    pending.push(...refsOf(node.expr), ...refsOf(node.init), ...(node.args ?? []).flatMap((a) => refsOf(a)));
  }
  for (const node of nodes) {
    if (keep.has(node.id)) continue;
    node.expr = redirect(node.expr, shiftedOf);
    if (node.init) node.init = redirect(node.init, shiftedOf);
    if (node.args) node.args = node.args.map((a) => redirect(a, shiftedOf));
  }
  for (const { level, jump } of jumps) level.expr = bin('+', level.expr, jump);
}
