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
 *
 * XMILE's DELAY(input, delay time [, initial]) goes the same way, as Vensim's DELAY FIXED (Vensim
 * has no plain DELAY; fn_delay_fixed "must directly follow the equal sign"): `<lhs> delayed value`
 * = DELAY FIXED(input, delay time, initial), the initial value being the input when XMILE leaves it
 * out. The engine computes DELAY and DELAY FIXED alike (analyze/stateful.ts); Vensim's DELAY FIXED
 * uses only the initial delay time.
 */
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import { canonicalName } from '../ir/names.js';
import type { Equation, Expr, MacroDecl, ModelIR, SubscriptRef } from '../ir/model.js';
import { mapExpr, someExpr } from '../ir/walk.js';

type Call = Extract<Expr, { kind: 'call' }>;

/** Calls Vensim takes only as a whole right-hand side, and how each is written there. */
interface Standalone {
  matches(e: Expr): boolean;
  /** The call as Vensim writes it, its arguments already rewritten. */
  vensim(call: Call): Call;
  /** The generated variable's name after the owner's: `<lhs> initial value`. */
  suffix: string;
  /** Why the generated variable exists, in English and Spanish. */
  why(owner: string): BilingualText;
}

const INITIALS: Standalone = {
  matches: (e) => e.kind === 'call' && (e.fn === 'INITIAL' || e.fn === 'INIT'),
  vensim: (call) => ({ ...call, fn: 'INITIAL' }),
  suffix: 'initial value',
  why: (owner) => ({
    en: `The initial value that ${owner}'s equation takes with INIT or INITIAL inside a larger expression, held here because Vensim's INITIAL must be the whole right-hand side (fn_initial). Written by IGEM.`,
    es: `El valor inicial que toma la ecuación de ${owner} con INIT o INITIAL dentro de una expresión mayor, guardado aquí porque INITIAL de Vensim debe ser todo el lado derecho (fn_initial). Escrito por IGEM.`,
  }),
};

const DELAYS: Standalone = {
  matches: (e) => e.kind === 'call' && e.fn === 'DELAY',
  vensim: (call) => ({ ...call, fn: 'DELAY FIXED', args: [call.args[0]!, call.args[1]!, call.args[2] ?? call.args[0]!] }),
  suffix: 'delayed value',
  why: (owner) => ({
    en: `The delayed value that ${owner}'s equation takes with XMILE's DELAY inside a larger expression, held here because Vensim has DELAY FIXED instead, which must be the whole right-hand side (fn_delay_fixed). Written by IGEM.`,
    es: `El valor retardado que toma la ecuación de ${owner} con DELAY de XMILE dentro de una expresión mayor, guardado aquí porque Vensim tiene DELAY FIXED en su lugar, que debe ser todo el lado derecho (fn_delay_fixed). Escrito por IGEM.`,
  }),
};

/** A model's comment is one text: "en / es". */
const docOf = (t: BilingualText): string => `${t.en} / ${t.es}`;

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

/** The equations with each `spec` call inside a larger expression lifted into a variable of its own. */
function liftIn(spec: Standalone, equations: Equation[], dimensions: Set<string>, taken: Set<string>, units: Map<string, string>): Equation[] {
  const out: Equation[] = [];
  for (const eq of equations) {
    if (!eq.expr || !has(spec, eq.expr)) {
      out.push(eq);
      continue;
    }
    // The dimensions of the left-hand side bind the generated variable; its elements are fixed.
    const subs: SubscriptRef[] = eq.lhs.subs.filter((s) => dimensions.has(s.name));
    const dims = eq.lhs.dims?.filter((_, i) => dimensions.has(eq.lhs.subs[i]!.name));
    const lifted: Equation[] = [];
    const lift = (source: Call): Expr => {
      const call = spec.vensim(source);
      const bang = call.args.map(looseBang).find((b) => b);
      if (bang) {
        throw ModelError.at(
          'E_UNSUPPORTED',
          {
            en: `${eq.lhs.display} takes ${call.fn} of ${bang.display}! inside an array function around it; Vensim's ${call.fn} must be the whole right-hand side and IGEM does not yet give such a ${call.fn} a variable of its own, so the model cannot be written as .mdl`,
            es: `${eq.lhs.display} toma ${call.fn} de ${bang.display}! dentro de una función de arreglo que lo rodea; ${call.fn} de Vensim debe ser todo el lado derecho e IGEM aún no da a ese ${call.fn} una variable propia, así que el modelo no se puede escribir como .mdl`,
          },
          call.loc,
        );
      }
      let k = 1;
      let display = `${eq.lhs.display} ${spec.suffix}`;
      while (taken.has(canonicalName(display))) display = `${eq.lhs.display} ${spec.suffix} ${++k}`;
      const name = canonicalName(display);
      taken.add(name);
      const arg = call.args[0]!;
      lifted.push({
        lhs: { name, display, subs: subs.map((s) => ({ ...s, bang: false })), except: [], ...(dims && dims.length === subs.length ? { dims } : {}), loc: call.loc },
        kind: 'aux',
        expr: call,
        units: arg.kind === 'ref' ? (units.get(arg.name) ?? '') : '',
        doc: docOf(spec.why(eq.lhs.display)),
        group: eq.group,
        loc: call.loc,
      });
      return { kind: 'ref', name, display, subs: subs.map((s) => ({ ...s, bang: false, loc: call.loc })), loc: call.loc };
    };
    // Innermost first (mapExpr rewrites a node after its arguments): an INITIAL inside another's
    // argument is lifted before the outer one; one that is the whole right-hand side stays, as INITIAL.
    const liftAll = (e: Expr): Expr => mapExpr(e, (x) => (x.kind === 'call' && spec.matches(x) ? lift(x) : x));
    const root = eq.expr;
    const expr = root.kind === 'call' && spec.matches(root) ? spec.vensim({ ...root, args: root.args.map(liftAll) }) : liftAll(root);
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

const has = (spec: Standalone, e: Expr): boolean => someExpr(e, spec.matches);

/** The model with each `spec` call written as Vensim's, none of them inside a larger expression. */
function standalone(spec: Standalone, ir: ModelIR): ModelIR {
  const any = (list: Equation[]) => list.some((q) => q.expr && has(spec, q.expr));
  if (!any(ir.equations) && !ir.macros.some((m) => any(m.equations))) return ir;
  const taken = takenNames(ir);
  const dimensions = new Set(ir.dimensions.map((d) => d.name));
  const units = new Map(ir.equations.map((q) => [q.lhs.name, q.units]));
  const equations = liftIn(spec, ir.equations, dimensions, taken, units);
  const macros: MacroDecl[] = ir.macros.map((m) => (any(m.equations) ? { ...m, equations: liftIn(spec, m.equations, dimensions, taken, new Map(m.equations.map((q) => [q.lhs.name, q.units]))) } : m));
  return { ...ir, equations, macros };
}

/** The model as Vensim can read it: no INIT, and no INITIAL inside a larger expression. */
export const initialsStandalone = (ir: ModelIR): ModelIR => standalone(INITIALS, ir);

/** The model as Vensim can read it: each XMILE DELAY a DELAY FIXED that is a whole right-hand side. */
export const delaysStandalone = (ir: ModelIR): ModelIR => standalone(DELAYS, ir);
