/** Model checks beyond what compiling needs: variables that nothing uses. */
import { warningAt, type Diagnostic } from '../ir/diagnostics.js';
import { refsOf } from './order.js';
import type { ScalarModel } from './scalar-model.js';

const CONTROL = new Set(['initial time', 'final time', 'time step', 'saveper']);

/**
 * One warning per variable that no equation reads (outputs a modeler may still want), except
 * those in `outputsOnly`: marked Supplementary, which Vensim does not report as unused.
 */
export function findUnused(m: ScalarModel, outputsOnly: ReadonlySet<string> = new Set()): Diagnostic[] {
  const used = new Set<string>();
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
    out.push(warningAt('W_UNUSED', { en: `${name} is not used by any other equation`, es: `ninguna otra ecuación usa ${name}` }, n.loc));
  }
  return out;
}
