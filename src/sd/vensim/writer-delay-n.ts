/**
 * XMILE's DELAYN reads the delay time of the moment (XMILE 1.0 §3.5.3; src/sd/analyze/stateful.ts),
 * Vensim's DELAY N the value it had at the previous step (fn_delay_n). Written as .mdl, an XMILE
 * DELAYN whose delay time may vary would run one step late, so the .mdl writer refuses it, located.
 * A delay time that is a number, or a name whose equation is one (through + − × ÷), is constant:
 * there the two agree.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Equation, Expr, ModelIR } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';

function constant(e: Expr, byName: ReadonlyMap<string, Equation>, seen: ReadonlySet<string>): boolean {
  switch (e.kind) {
    case 'num':
      return true;
    case 'unary':
      return e.op !== 'not' && constant(e.arg, byName, seen);
    case 'binary':
      return ['+', '-', '*', '/'].includes(e.op) && constant(e.left, byName, seen) && constant(e.right, byName, seen);
    case 'ref': {
      const eq = byName.get(e.name);
      if (e.subs.length || seen.has(e.name) || !eq?.expr || eq.lhs.subs.length || eq.kind !== 'aux') return false;
      return constant(eq.expr, byName, new Set([...seen, e.name]));
    }
    default:
      return false;
  }
}

/** The delay time of an XMILE DELAYN: `DELAY N(input, t, init, n)` or the reader's `#delayn(input, t, n)`. */
function delayTimeOf(e: Expr): Expr | undefined {
  if (e.kind === 'call' && e.fn === 'DELAY N') return e.args[1];
  if (e.kind === 'apply' && e.name === '#delayn') return e.args[1];
  return undefined;
}

export function refuseVaryingXmileDelayN(ir: ModelIR): void {
  if (ir.dialect !== 'xmile') return;
  const byName = new Map(ir.equations.map((eq) => [eq.lhs.name, eq]));
  for (const eq of ir.equations) {
    if (!eq.expr) continue;
    visitExpr(eq.expr, (e) => {
      const t = delayTimeOf(e);
      if (!t || constant(t, byName, new Set())) return;
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${eq.lhs.display} uses DELAYN with a delay time that may change; XMILE's DELAYN reads the delay time of each step and Vensim's DELAY N the one of the step before (fn_delay_n), so the model cannot be written as .mdl with the same results`,
          es: `${eq.lhs.display} usa DELAYN con un tiempo de retardo que puede cambiar; DELAYN de XMILE lee el tiempo de retardo de cada paso y DELAY N de Vensim el del paso anterior (fn_delay_n), así que el modelo no se puede escribir como .mdl con los mismos resultados`,
        },
        e.loc,
      );
    });
  }
}
