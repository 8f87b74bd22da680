/**
 * XMILE's dimension position `@n` in a subscript: the current element of the n-th dimension of
 * the array the equation defines, so that in an equation over [C, R] `m[@2, @1]` is m[R, C], the
 * transpose, and in one over [P, P] (a square matrix, the same dimension twice) `m[@2, @1]` is
 * m[j, i] for element (i, j), which dimension names cannot say.
 *
 * Where the equation's dimensions are all different, `@n` is the n-th dimension's name and the
 * analyzer binds it as it binds a name. Where the named dimension appears twice, only its position
 * tells the two apart: the reader then writes the equation once per element (positionalEquations).
 *
 * Refused, with the reason, where `@n` says nothing unambiguous: in an equation that defines no
 * array (a scalar, or one element's own equation, where nothing says whether `@n` means the n-th
 * element, as an index would, or is an error), and at a subscript whose dimension is another one
 * than the n-th of the equation's (matching the elements of two different dimensions by their
 * order is a rule the standard does not state; a sub-range of it is matched by element, as names are).
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { Expr, SubscriptRef } from '../ir/model.js';
import { mapExpr, someExpr } from '../ir/walk.js';

/** The subscript a positional marker holds until the equation is written per element (no name has a NUL). */
const MARK = '\u0000@';

export interface PositionContext {
  /** The dimensions the equation is defined over, in order (canonical). */
  lhsDims: readonly string[];
  /** May the equation be written once per element (a whole-array variable equation)? */
  perElement: boolean;
  /** The model's dimensions: display name and canonical elements in order (expr-parser.ts DimensionInfo). */
  dims: ReadonlyMap<string, { display: string; elements: string[] }>;
}

/**
 * The subscript `@n` stands for at `position` of a reference to `varName`, whose dimension there
 * is `dim` (undefined when the variable is not known to be arrayed).
 */
export function positionSubscript(n: number, ctx: PositionContext, varName: string, dim: string | undefined, position: number, loc: SourceLocation): SubscriptRef {
  const written = `@${n}`;
  const shown = (d: string) => ctx.dims.get(d)?.display ?? d;
  const lhs = ctx.lhsDims;
  if (lhs.length === 0) {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${written} names the position of a dimension of the array an equation defines, and this equation defines no array (a scalar, or one element's own equation): whether ${written} would then be element ${n} or an error is not stated; write the element or the index ${n}`,
        es: `${written} nombra la posición de una dimensión del arreglo que define una ecuación, y esta ecuación no define un arreglo (un escalar, o la ecuación propia de un elemento): no se dice si ${written} sería entonces el elemento ${n} o un error; escriba el elemento o el índice ${n}`,
      },
      loc,
    );
  }
  if (!Number.isInteger(n) || n < 1 || n > lhs.length) {
    throw ModelError.at(
      'E_DIMENSION',
      { en: `${written}: the equation is defined over [${lhs.map(shown).join(', ')}], which has no dimension at position ${n}`, es: `${written}: la ecuación está definida sobre [${lhs.map(shown).join(', ')}], que no tiene dimensión en la posición ${n}` },
      loc,
    );
  }
  const target = lhs[n - 1]!;
  const own = dim ? ctx.dims.get(dim) : undefined;
  const targetInfo = ctx.dims.get(target);
  if (dim && own && dim !== target && !(targetInfo && targetInfo.elements.every((e) => own.elements.includes(e)))) {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${written} is ${shown(target)} (dimension ${n} of the equation), but position ${position + 1} of ${varName} is ${shown(dim)}: pairing the elements of two different dimensions by their order is not a rule the standard states; use a dimension ${shown(dim)} shares elements with, or a mapping`,
        es: `${written} es ${shown(target)} (la dimensión ${n} de la ecuación), pero la posición ${position + 1} de ${varName} es ${shown(dim)}: emparejar por su orden los elementos de dos dimensiones distintas no es una regla que el estándar enuncie; use una dimensión con la que ${shown(dim)} comparta elementos, o una asignación (mapping)`,
      },
      loc,
    );
  }
  const repeated = lhs.indexOf(target) !== lhs.lastIndexOf(target);
  if (!repeated) return { name: target, display: shown(target), bang: false, loc };
  if (!ctx.perElement) {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${written} tells apart the two ${shown(target)} dimensions of this equation, which is only supported in the equation of an array variable (not in a conveyor's or queue's options)`,
        es: `${written} distingue las dos dimensiones ${shown(target)} de esta ecuación, lo que solo se admite en la ecuación de una variable con dimensiones (no en las opciones de una cinta transportadora o de una cola)`,
      },
      loc,
    );
  }
  return { name: `${MARK}${n}`, display: written, bang: false, loc };
}

/** Does the expression hold a positional marker, so it must be written once per element? */
export function hasPositions(e: Expr): boolean {
  return someExpr(e, (x) => (x.kind === 'ref' || x.kind === 'apply') && x.subs.some((s) => s.name.startsWith(MARK)));
}

/** The expression for one element: each `@n` becomes that element's n-th subscript. */
export function bindPositions(e: Expr, tuple: readonly SubscriptRef[]): Expr {
  const bind = (subs: SubscriptRef[]): SubscriptRef[] =>
    subs.map((s) => {
      if (!s.name.startsWith(MARK)) return s;
      const el = tuple[Number(s.name.slice(MARK.length)) - 1]!;
      return { name: el.name, display: el.display, bang: false, loc: s.loc };
    });
  return mapExpr(e, (x) => (x.kind === 'ref' || x.kind === 'apply' ? { ...x, subs: bind(x.subs) } : x));
}
