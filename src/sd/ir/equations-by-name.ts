/** A model's equations grouped by the variable they define (several for a variable defined element by element), in file order. */
import type { Equation, ModelIR } from './model.js';

export function equationsByName(ir: Pick<ModelIR, 'equations'>): Map<string, Equation[]> {
  const m = new Map<string, Equation[]>();
  for (const eq of ir.equations) {
    const list = m.get(eq.lhs.name);
    if (list) list.push(eq);
    else m.set(eq.lhs.name, [eq]);
  }
  return m;
}
