/**
 * The causal graph of a model at the variable level, as Vensim's causes and uses trees show it:
 * one node per variable (all elements of an array together), one link per variable read by an
 * equation, with the link's polarity and whether it acts only at the initial time (a stock's
 * initial value, INITIAL(...)), which cannot close a feedback loop.
 */
import { CONVEYOR_LEAK } from '../../ir/builtins.js';
import type { Equation, Expr, LookupTable, ModelIR } from '../../ir/model.js';
import type { SourceLocation } from '../../ir/diagnostics.js';
import { addSigns, derivativeSign, shiftedLevelSign, type Sign, type SignContext } from './polarity.js';

export type NodeKind = 'stock' | 'flow' | 'aux' | 'constant' | 'lookup' | 'data';

export interface CausalNode {
  key: string;
  display: string;
  kind: NodeKind;
  units: string;
  loc: SourceLocation;
}

export interface CausalLink {
  from: string;
  to: string;
  polarity: Sign;
  /** True when `from` only sets `to`'s initial value. */
  initialOnly: boolean;
}

export interface CausalGraph {
  nodes: Map<string, CausalNode>;
  links: CausalLink[];
  /** Links by cause and by effect, in model order. */
  out: Map<string, CausalLink[]>;
  in: Map<string, CausalLink[]>;
}

/** Arguments that act only at the initial time, by function. */
const INITIAL_ARGS: Record<string, number[]> = {
  INTEG: [1], INITIAL: [0], INIT: [0], REINITIAL: [0], 'ACTIVE INITIAL': [1], SMOOTHI: [2], SMOOTH3I: [2],
  DELAY1I: [2], DELAY3I: [2], 'DELAY N': [2], 'SMOOTH N': [2], 'DELAY FIXED': [2], TREND: [2], NPV: [2], NPVE: [2], 'SAMPLE IF TRUE': [2],
  // Profile, initial content and age range shape only the start (fn_queue_fifo); dtime and fisc
  // are read at the start, init stands for str before it (fn_depreciate_straightline).
  'QUEUE FIFO': [2, 3, 4], 'DEPRECIATE STRAIGHTLINE': [1, 2, 3],
};

/** Names read by `e`, split into those read at every step and those read only initially. */
function collect(e: Expr, initial: boolean, every: Set<string>, init: Set<string>): void {
  switch (e.kind) {
    case 'ref':
      (initial ? init : every).add(e.name);
      return;
    case 'apply':
      (initial ? init : every).add(e.name);
      e.args.forEach((a) => collect(a, initial, every, init));
      return;
    case 'call': {
      const initArgs = INITIAL_ARGS[e.fn] ?? [];
      // A conveyor leak is drawn from the belt (its stock) by its fraction, not from the outflow
      // that the engine reads it through (src/sd/xmile/conveyors.ts).
      const args = e.fn === CONVEYOR_LEAK ? e.args.slice(2) : e.args;
      args.forEach((a, i) => collect(a, initial || initArgs.includes(i), every, init));
      return;
    }
    case 'unary':
      collect(e.arg, initial, every, init);
      return;
    case 'binary':
      collect(e.left, initial, every, init);
      collect(e.right, initial, every, init);
      return;
    default:
      return;
  }
}

/** The SHIFT IF TRUE calls anywhere in `e`. */
function shiftCalls(e: Expr, out: (Expr & { kind: 'call' })[] = []): (Expr & { kind: 'call' })[] {
  if (e.kind === 'call' && e.fn === 'SHIFT IF TRUE') out.push(e);
  if (e.kind === 'call' || e.kind === 'apply') e.args.forEach((a) => shiftCalls(a, out));
  else if (e.kind === 'unary') shiftCalls(e.arg, out);
  else if (e.kind === 'binary') {
    shiftCalls(e.left, out);
    shiftCalls(e.right, out);
  }
  return out;
}

function kindOf(eq: Equation): NodeKind {
  if (eq.kind === 'lookup') return 'lookup';
  if (eq.kind === 'data' || eq.kind === 'lookup-data') return 'data';
  const e = eq.expr;
  if (e?.kind === 'call' && e.fn === 'INTEG') return 'stock';
  if (e?.kind === 'num' || e?.kind === 'list' || (e?.kind === 'unary' && e.arg.kind === 'num')) return 'constant';
  return 'aux';
}

/** Refs added or subtracted at the top of a stock's rate: its inflows and outflows. */
function flowsOf(rate: Expr | undefined, out: string[] = []): string[] {
  if (!rate) return out;
  if (rate.kind === 'ref') out.push(rate.name);
  else if (rate.kind === 'unary') flowsOf(rate.arg, out);
  else if (rate.kind === 'binary' && (rate.op === '+' || rate.op === '-')) {
    flowsOf(rate.left, out);
    flowsOf(rate.right, out);
  }
  return out;
}

function constantValue(e: Expr | undefined): number | undefined {
  if (e?.kind === 'num') return e.value;
  if (e?.kind === 'unary' && e.op === '-' && e.arg.kind === 'num') return -e.arg.value;
  return undefined;
}

/** Builds the variable-level causal graph of a model. */
export function causalGraph(ir: ModelIR): CausalGraph {
  const nodes = new Map<string, CausalNode>();
  const lookups = new Map<string, LookupTable>();
  const negative = new Set<string>();
  // Scalar variables defined once by a number: their values sign constant expressions (polarity.ts).
  const constants = new Map<string, number>();
  const definitions = new Map<string, number>();
  for (const eq of ir.equations) definitions.set(eq.lhs.name, (definitions.get(eq.lhs.name) ?? 0) + 1);
  for (const eq of ir.equations) {
    const key = eq.lhs.name;
    if (!nodes.has(key)) nodes.set(key, { key, display: eq.lhs.display, kind: kindOf(eq), units: eq.units, loc: eq.loc });
    const node = nodes.get(key)!;
    if (!node.units && eq.units) node.units = eq.units;
    if (eq.kind === 'lookup' && eq.lookup) lookups.set(key, eq.lookup);
    const c = constantValue(eq.expr);
    if (c !== undefined && c < 0) negative.add(key);
    if (c !== undefined && eq.kind === 'aux' && !eq.lhs.subs.length && definitions.get(key) === 1) constants.set(key, c);
    if (eq.expr?.kind === 'list' && eq.expr.rows.some((r) => r.some((v) => v < 0))) negative.add(key);
  }
  for (const eq of ir.equations) {
    if (eq.expr?.kind === 'call' && eq.expr.fn === 'INTEG') {
      for (const f of flowsOf(eq.expr.args[0])) {
        const n = nodes.get(f);
        if (n && n.kind === 'aux') n.kind = 'flow';
      }
    }
  }
  const ctx: SignContext = {
    valueSign: (name) => (negative.has(name) ? '-' : '+'),
    lookup: (name) => lookups.get(name),
    constant: (name) => constants.get(name),
  };

  // One link per (cause, effect), merging the definitions of an array variable.
  const byPair = new Map<string, CausalLink>();
  const addLink = (from: string, to: string, polarity: Sign, initialOnly: boolean): void => {
    const pair = `${from}\u0000${to}`;
    const prev = byPair.get(pair);
    if (!prev) byPair.set(pair, { from, to, polarity: polarity === '0' ? '?' : polarity, initialOnly });
    else {
      prev.initialOnly &&= initialOnly;
      if (!initialOnly) prev.polarity = prev.polarity === '?' ? '?' : polarity === '0' ? prev.polarity : (addSigns(prev.polarity, polarity) as Sign);
    }
  };
  for (const eq of ir.equations) {
    if (!eq.expr) continue;
    const to = eq.lhs.name;
    const every = new Set<string>();
    const init = new Set<string>();
    collect(eq.expr, false, every, init);
    for (const from of new Set([...every, ...init])) {
      if (!nodes.has(from)) continue; // Time, dimensions, macro parameters
      const initialOnly = !every.has(from);
      addLink(from, to, initialOnly ? '+' : derivativeSign(eq.expr, from, ctx), initialOnly);
    }
    // SHIFT IF TRUE (fn_shift_if_true) also changes the level it is given: its condition, accum
    // and inval act on that level at every step, besides giving the caller its value.
    for (const call of shiftCalls(eq.expr)) {
      const level = call.args[0]!;
      if (level.kind !== 'ref' || !nodes.has(level.name)) continue;
      const readers = new Set<string>();
      for (const a of call.args.slice(1)) collect(a, false, readers, readers);
      for (const from of readers) if (nodes.has(from) && from !== level.name) addLink(from, level.name, shiftedLevelSign(call, from, ctx), false);
    }
  }
  const links = [...byPair.values()];
  const out = new Map<string, CausalLink[]>();
  const inn = new Map<string, CausalLink[]>();
  for (const k of nodes.keys()) {
    out.set(k, []);
    inn.set(k, []);
  }
  for (const l of links) {
    out.get(l.from)!.push(l);
    inn.get(l.to)!.push(l);
  }
  return { nodes, links, out, in: inn };
}
