/** Model checks beyond what compiling needs: variables that nothing uses. */
import { warningAt, type Diagnostic, type SourceLocation } from '../ir/diagnostics.js';
import type { ModelIR } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { refsOf } from './order.js';
import type { ScalarModel } from './scalar-model.js';

/** The settings, and RC START TIME: read by Vensim's Reality Check functions, not by equations (Help 22111, fn_rc). */
const CONTROL = new Set(['initial time', 'final time', 'time step', 'saveper', 'rc start time']);

/**
 * Where each variable of the model is declared: its left-hand side (in XMILE the variable's
 * element, `<aux>` or `<stock>`, not its `<eqn>`), first definition first.
 */
export function declaredAt(ir: Pick<ModelIR, 'equations'>): Map<string, SourceLocation> {
  const at = new Map<string, SourceLocation>();
  for (const eq of ir.equations) if (!at.has(eq.lhs.name)) at.set(eq.lhs.name, eq.lhs.loc);
  return at;
}

/**
 * The names each equation's text reads, other than its own. A name read only where compiling
 * turns it into a number (the order of DELAY N or SMOOTH N) leaves no reference in the scalar
 * model, yet the model needs it: removing it, as an "unused" warning invites, would break the model.
 */
export function readInText(ir: Pick<ModelIR, 'equations'>): Set<string> {
  const read = new Set<string>();
  for (const eq of ir.equations) {
    if (!eq.expr) continue;
    visitExpr(eq.expr, (x) => {
      if (x.kind === 'ref' && x.name !== eq.lhs.name) read.add(x.name);
    });
  }
  return read;
}

/**
 * One warning per variable that no equation reads (outputs a modeler may still want), except
 * those in `outputsOnly`: marked Supplementary, which Vensim does not report as unused, and those
 * in `readText` (readInText: read by an equation's text). Each points at the variable's
 * declaration in `declared` (declaredAt), else at its equation.
 */
export function findUnused(m: ScalarModel, outputsOnly: ReadonlySet<string> = new Set(), declared: ReadonlyMap<string, SourceLocation> = new Map(), readText: ReadonlySet<string> = new Set()): Diagnostic[] {
  const used = new Set<string>(readText);
  for (const n of m.nodes) {
    const refs = [...refsOf(n.expr), ...refsOf(n.init), ...(n.args ?? []).flatMap((a) => refsOf(a))];
    for (const id of refs) {
      const target = m.nodes[id]!;
      if (target.varName !== n.varName || n.hidden) used.add(target.varName);
    }
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const n of m.nodes) {
    if (n.hidden || CONTROL.has(n.varName) || used.has(n.varName) || seen.has(n.varName) || outputsOnly.has(n.varName)) continue;
    seen.add(n.varName);
    const name = n.name.replace(/\[.*$/, '');
    out.push(warningAt('W_UNUSED', { en: `${name} is not used by any other equation`, es: `ninguna otra ecuación usa ${name}` }, declared.get(n.varName) ?? n.loc));
  }
  return out;
}
