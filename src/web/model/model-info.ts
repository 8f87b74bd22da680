/**
 * What the model explorer shows about each variable, derived from the IR and the model's text:
 * kind, equation as written, units, documentation, source line, causes and uses.
 */
import type { Equation, Expr, ModelIR } from '../../sd/ir/model.js';
import { visitExpr } from '../../sd/ir/walk.js';
import { looksLikeXmile } from '../../sd/xmile/reader.js';
import { equationFromIR } from '../../sd/vensim/expr-text.js';

export type VariableKind = 'stock' | 'flow' | 'aux' | 'constant' | 'lookup' | 'data';

export interface VariableInfo {
  /** Canonical name (lower case, single spaces): the key for causes and uses. */
  key: string;
  /** The name as written in the model. */
  name: string;
  kind: VariableKind;
  /** The equation(s) as written, one per definition (subscript ranges have several). */
  equations: string[];
  units: string;
  doc: string;
  group?: string;
  line?: number;
  column?: number;
  /** Keys of the variables this one reads. */
  causes: string[];
  /** Keys of the variables that read this one. */
  uses: string[];
}

export { isControlVariable } from './control.js';

/** Names an expression reads (variables, lookups, macros), in order of appearance. */
export function namesIn(e: Expr | undefined, out: string[] = []): string[] {
  if (!e) return out;
  visitExpr(e, (x) => {
    if (x.kind === 'ref' || x.kind === 'apply') out.push(x.name);
  });
  return out;
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

function kindOf(eq: Equation): VariableKind {
  if (eq.kind === 'lookup') return 'lookup';
  if (eq.kind === 'data' || eq.kind === 'lookup-data') return 'data';
  const e = eq.expr;
  if (e?.kind === 'call' && e.fn === 'INTEG') return 'stock';
  if (e?.kind === 'num' || e?.kind === 'list' || (e?.kind === 'unary' && e.arg.kind === 'num')) return 'constant';
  return 'aux';
}

/** Offsets of each line's start, to turn line/column into a position in the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The equation's text from its left-hand side up to the `~` before its units. */
function equationText(text: string, starts: number[], eq: Equation): string {
  const { line, column } = eq.lhs.loc;
  const from = (starts[line - 1] ?? 0) + column - 1;
  const to = text.indexOf('~', from);
  const raw = text.slice(from, to < 0 ? undefined : to);
  return raw
    .split(/\r?\n/)
    .map((l) => l.replace(/^\t+/, '  ').trimEnd())
    .filter((l) => l.trim() !== '' && l.trim() !== '\\')
    .join('\n')
    .trim();
}

/** One entry per model variable (control variables included), in the model's order. */
export function describeVariables(ir: ModelIR, text: string): VariableInfo[] {
  const starts = lineStarts(text);
  // Vensim text is shown as written; XMILE equations are printed from the IR in Vensim's notation.
  const xmile = looksLikeXmile(text);
  const byKey = new Map<string, VariableInfo>();
  for (const eq of ir.equations) {
    const key = eq.lhs.name;
    let v = byKey.get(key);
    if (!v) {
      v = { key, name: eq.lhs.display, kind: kindOf(eq), equations: [], units: eq.units, doc: eq.doc, causes: [], uses: [] };
      if (eq.group) v.group = eq.group;
      v.line = eq.loc.line;
      v.column = eq.loc.column;
      byKey.set(key, v);
    }
    v.equations.push(xmile ? equationFromIR(eq) : equationText(text, starts, eq));
    if (!v.units && eq.units) v.units = eq.units;
    if (!v.doc && eq.doc) v.doc = eq.doc;
    const names = [...namesIn(eq.expr)];
    for (const n of names) if (n !== key && !v.causes.includes(n)) v.causes.push(n);
  }
  // Keep only causes that are variables (not Time, dimensions or macro parameters).
  for (const v of byKey.values()) v.causes = v.causes.filter((c) => byKey.has(c));
  for (const v of byKey.values()) for (const c of v.causes) byKey.get(c)!.uses.push(v.key);
  for (const eq of ir.equations) {
    if (eq.expr?.kind === 'call' && eq.expr.fn === 'INTEG') {
      for (const f of flowsOf(eq.expr.args[0])) {
        const fv = byKey.get(f);
        if (fv && fv.kind === 'aux') fv.kind = 'flow';
      }
    }
  }
  return [...byKey.values()];
}
