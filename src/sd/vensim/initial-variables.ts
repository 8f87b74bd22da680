/**
 * INITIAL on its way to .mdl. Vensim's INITIAL must be the whole right-hand side
 * (https://www.vensim.com/documentation/fn_initial.html: "must appear first on the right of the =
 * sign and not be followed by anything else"), while XMILE's INIT may stand anywhere in an
 * expression (XMILE 1.0 puts no such rule on it), and Vensim has no INIT. So each INIT or INITIAL
 * inside a larger expression gets a generated variable of its own, `g = INITIAL(arg)`, written
 * right after the equation that used it, and the equation uses `g`; one that is the whole
 * right-hand side is written as INITIAL. The value is the same: both hold the argument's value at
 * the initial time. The generated variable is subscripted by the dimensions of the equation's
 * left-hand side (an element there is fixed, so it needs no subscript of g), and its name, `<lhs>
 * initial value`, is numbered until no variable, range, element or macro of the model has it; its
 * comment says why it exists, in English and Spanish.
 */
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import { canonicalName } from '../ir/names.js';
import type { Equation, Expr, MacroDecl, ModelIR, SubscriptRef } from '../ir/model.js';
import { mapExpr, visitExpr } from '../ir/walk.js';

/** The comment of a generated variable, in English and Spanish (a model's comment is one text: "en / es"). */
function generatedDoc(owner: string): string {
  const text: BilingualText = {
    en: `The initial value that ${owner}'s equation takes with INIT or INITIAL inside a larger expression, held here because Vensim's INITIAL must be the whole right-hand side (fn_initial). Written by IGEM.`,
    es: `El valor inicial que toma la ecuación de ${owner} con INIT o INITIAL dentro de una expresión mayor, guardado aquí porque INITIAL de Vensim debe ser todo el lado derecho (fn_initial). Escrito por IGEM.`,
  };
  return `${text.en} / ${text.es}`;
}

const isInitial = (e: Expr): boolean => e.kind === 'call' && (e.fn === 'INITIAL' || e.fn === 'INIT');

/** Every name the written model (or a macro in it) already gives a meaning to, canonical. */
function takenNames(ir: ModelIR): Set<string> {
  const taken = new Set<string>();
  const eqs = (list: Equation[]) => {
    for (const q of list) taken.add(q.lhs.name);
  };
  eqs(ir.equations);
  for (const d of ir.dimensions) {
    taken.add(d.name);
    for (const m of d.members) taken.add(m.name);
  }
  for (const m of ir.macros) {
    taken.add(canonicalName(m.name));
    for (const p of [...m.params, ...m.outputs]) taken.add(canonicalName(p));
    eqs(m.equations);
  }
  return taken;
}

/** The equations with each INIT / INITIAL inside a larger expression lifted into a variable of its own. */
function liftIn(equations: Equation[], dimensions: Set<string>, taken: Set<string>, units: Map<string, string>): Equation[] {
  const out: Equation[] = [];
  for (const eq of equations) {
    if (!eq.expr || !hasInitial(eq.expr)) {
      out.push(eq);
      continue;
    }
    // The dimensions of the left-hand side bind the generated variable; its elements are fixed.
    const subs: SubscriptRef[] = eq.lhs.subs.filter((s) => dimensions.has(s.name));
    const dims = eq.lhs.dims?.filter((_, i) => dimensions.has(eq.lhs.subs[i]!.name));
    const lifted: Equation[] = [];
    const lift = (call: Extract<Expr, { kind: 'call' }>): Expr => {
      const bang = looseBang(call.args[0]!);
      if (bang) {
        throw ModelError.at(
          'E_UNSUPPORTED',
          {
            en: `${eq.lhs.display} takes INITIAL of ${bang.display}! inside an array function around it; Vensim's INITIAL must be the whole right-hand side and IGEM does not yet give such an INITIAL a variable of its own, so the model cannot be written as .mdl`,
            es: `${eq.lhs.display} toma INITIAL de ${bang.display}! dentro de una función de arreglo que lo rodea; INITIAL de Vensim debe ser todo el lado derecho e IGEM aún no da a ese INITIAL una variable propia, así que el modelo no se puede escribir como .mdl`,
          },
          call.loc,
        );
      }
      let k = 1;
      let display = `${eq.lhs.display} initial value`;
      while (taken.has(canonicalName(display))) display = `${eq.lhs.display} initial value ${++k}`;
      const name = canonicalName(display);
      taken.add(name);
      const arg = call.args[0]!;
      lifted.push({
        lhs: { name, display, subs: subs.map((s) => ({ ...s, bang: false })), except: [], ...(dims && dims.length === subs.length ? { dims } : {}), loc: call.loc },
        kind: 'aux',
        expr: { ...call, fn: 'INITIAL' },
        units: arg.kind === 'ref' ? (units.get(arg.name) ?? '') : '',
        doc: generatedDoc(eq.lhs.display),
        group: eq.group,
        loc: call.loc,
      });
      return { kind: 'ref', name, display, subs: subs.map((s) => ({ ...s, bang: false, loc: call.loc })), loc: call.loc };
    };
    // Innermost first (mapExpr rewrites a node after its arguments): an INITIAL inside another's
    // argument is lifted before the outer one; one that is the whole right-hand side stays, as INITIAL.
    const liftAll = (e: Expr): Expr => mapExpr(e, (x) => (x.kind === 'call' && isInitial(x) ? lift(x) : x));
    const root = eq.expr;
    const expr = root.kind === 'call' && isInitial(root) ? { ...root, fn: 'INITIAL', args: root.args.map(liftAll) } : liftAll(root);
    out.push({ ...eq, expr }, ...lifted);
  }
  return out;
}

/**
 * A `dim!` subscript in `e` that no call inside `e` iterates: the array function that does is
 * outside, so `e` alone, as another variable's equation, would lose it.
 */
function looseBang(e: Expr): SubscriptRef | undefined {
  switch (e.kind) {
    case 'ref':
      return e.subs.find((s) => s.bang);
    case 'apply':
      return e.subs.find((s) => s.bang) ?? e.args.map(looseBang).find((s) => s);
    case 'unary':
      return looseBang(e.arg);
    case 'binary':
      return looseBang(e.left) ?? looseBang(e.right);
    default:
      return undefined; // a call (SUM, VMAX …) iterates its own `dim!`
  }
}

function hasInitial(e: Expr): boolean {
  let found = false;
  visitExpr(e, (x) => {
    if (isInitial(x)) found = true;
  });
  return found;
}

/** The model as Vensim can read it: no INIT, and no INITIAL inside a larger expression. */
export function initialsStandalone(ir: ModelIR): ModelIR {
  const any = (list: Equation[]) => list.some((q) => q.expr && hasInitial(q.expr));
  if (!any(ir.equations) && !ir.macros.some((m) => any(m.equations))) return ir;
  const taken = takenNames(ir);
  const dimensions = new Set(ir.dimensions.map((d) => d.name));
  const units = new Map(ir.equations.map((q) => [q.lhs.name, q.units]));
  const equations = liftIn(ir.equations, dimensions, taken, units);
  const macros: MacroDecl[] = ir.macros.map((m) => (any(m.equations) ? { ...m, equations: liftIn(m.equations, dimensions, taken, new Map(m.equations.map((q) => [q.lhs.name, q.units]))) } : m));
  return { ...ir, equations, macros };
}
