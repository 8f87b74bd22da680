/**
 * Link polarity element by element: the sign rules of polarity.ts applied to one element's
 * expanded equation (scalar-model.ts), whose references name single elements and whose constants
 * have their own values. A variable whose elements have different equations, or read different
 * elements of another variable with opposite signs (`s[A1] - s[A2]`), has a variable-level link
 * of unknown sign ('?'), while each element's link has a sign of its own; a constant array with
 * one negative value makes every element's link read as negative at the variable level, and only
 * the element's own value says which.
 */
import type { ScalarModel, SExpr } from '../scalar-model.js';
import { addSigns, binaryDerivativeSign, binarySign, INCREASING, mulSigns, neg, tableSlope, type Sign } from './polarity.js';

const numberSign = (v: number): Sign => (v > 0 ? '+' : v < 0 ? '-' : '0');

/**
 * Sign of an element expression's value: a constant's own value, an INITIAL's argument, any other
 * value non-negative (the reading of stock-and-flow models that polarity.ts makes too).
 */
export function elementValueSign(e: SExpr, scalar: ScalarModel): Sign {
  switch (e.k) {
    case 'num':
      return numberSign(e.v);
    case 'ref': {
      const node = scalar.nodes[e.id]!;
      return node.kind === 'const' || (node.kind === 'initial' && node.hidden) ? elementValueSign(node.expr, scalar) : '+';
    }
    case 'time':
    case 'dt':
      return '+';
    case 'un':
      return e.op === '-' ? neg(elementValueSign(e.a, scalar)) : '+';
    case 'bin': {
      return binarySign(e.op, elementValueSign(e.a, scalar), elementValueSign(e.b, scalar));
    }
    case 'call': {
      const a = e.args.map((x) => elementValueSign(x, scalar));
      if (['EXP', 'ABS', 'SQRT'].includes(e.fn)) return '+';
      if (e.fn === 'MIN' || e.fn === 'MAX') return a.every((x) => x === '+') ? '+' : a.every((x) => x === '-') ? '-' : '?';
      if (e.fn === 'IF THEN ELSE') return a[1] === a[2] ? a[1]! : '?';
      return '?';
    }
    default:
      return '?';
  }
}

/**
 * Sign of ∂e/∂(node `id`), reading `id` where `e` names it (a hidden INITIAL node that reads it
 * keeps its start value: no derivative through it). One pass over `e`: a part that does not read
 * `id` gives '0' and its value's sign is read only where a product needs it.
 */
export function elementDerivativeSign(e: SExpr, id: number, scalar: ScalarModel): Sign {
  switch (e.k) {
    case 'ref':
      return e.id === id ? '+' : '0';
    case 'un': {
      const d = elementDerivativeSign(e.a, id, scalar);
      return d === '0' ? '0' : e.op === '-' ? neg(d) : '?';
    }
    case 'bin': {
      const dl = elementDerivativeSign(e.a, id, scalar);
      const dr = elementDerivativeSign(e.b, id, scalar);
      if (dl === '0' && dr === '0') return '0';
      return binaryDerivativeSign(e.op, dl, dr, () => elementValueSign(e.a, scalar), () => elementValueSign(e.b, scalar));
    }
    case 'lookup': {
      const d = elementDerivativeSign(e.x, id, scalar);
      const table = scalar.lookups[e.table];
      if (d === '0') return '0';
      // Clamped or extrapolated linear interpolation keeps the table's monotonicity.
      if (!table || (e.mode !== 'normal' && e.mode !== 'extrapolate')) return '?';
      return mulSigns(tableSlope(table), d);
    }
    case 'call': {
      const d = e.args.map((a) => elementDerivativeSign(a, id, scalar));
      if (d.every((x) => x === '0')) return '0';
      if (INCREASING.has(e.fn)) return d.reduce(addSigns, '0');
      if (e.fn === 'INTEGER' || e.fn === 'INT') return d[0]!;
      if (e.fn === 'IF THEN ELSE') return d[0] !== '0' ? '?' : addSigns(d[1]!, d[2]!);
      if (e.fn === 'XIDZ' || e.fn === 'ZIDZ') return addSigns(d[0] === '0' ? '0' : mulSigns(d[0]!, elementValueSign(e.args[1]!, scalar)), neg(d[1] === '0' ? '0' : mulSigns(d[1]!, elementValueSign(e.args[0]!, scalar))));
      return '?';
    }
    case 'vec': {
      const all = [...e.vecs.flat(), ...e.scalars];
      return all.every((a) => elementDerivativeSign(a, id, scalar) === '0') ? '0' : '?';
    }
    default:
      return '0';
  }
}

/** Polarity of the element link a → b: the sign of ∂(b's equation, a stock's rate)/∂a; '?' when the rules cannot tell. */
export function elementLinkSign(scalar: ScalarModel, from: number, to: number): Sign {
  return elementDerivativeSign(scalar.nodes[to]!.expr, from, scalar);
}
