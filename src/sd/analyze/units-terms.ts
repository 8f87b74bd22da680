/**
 * The units of a term while an equation is checked, and the rules that join terms.
 *
 * A term has known dimensions, unknown ones (`null`: a name without declared units, a macro),
 * or comes from a number written in the equation. Vensim gives such a number whatever units its
 * place needs when it is added, subtracted or compared (its Units Check passes `LOG(population + 1,
 * 10)` on to the LOG argument, and `IF THEN ELSE(Time < 5, 10, 50)` on a time bound), and makes it
 * a pure factor in a product: `2 * x` has x's units. NUM marks that. The number 0 fits anything
 * even as a factor (`0 * x`), which ANY marks.
 */
import type { SourceLocation, BilingualText } from '../ir/diagnostics.js';
import { combine, formatDim, sameDim, type Dim } from './units-dim.js';

export const ANY = Symbol('any');
export const NUM = Symbol('number');
export type Inferred = Dim | typeof ANY | typeof NUM;

export interface UnitIssue {
  variable: string;
  message: string;
  messageEs: string;
  loc?: SourceLocation;
}

export interface Ctx {
  units: Map<string, Dim>;
  time: Dim;
  issues: UnitIssue[];
  variable: string;
}

export const flexible = (x: Inferred): x is typeof ANY | typeof NUM => x === ANY || x === NUM;

/** Dimensions of a term, a written number counting as dimensionless. */
export const asDim = (x: Inferred): Dim => (flexible(x) ? new Map() : x);

export function report(ctx: Ctx, loc: SourceLocation | undefined, message: BilingualText): void {
  ctx.issues.push({ variable: ctx.variable, message: message.en, messageEs: message.es, loc });
}

/** Unifies terms that must agree (sum, comparison, branches); reports a mismatch. */
export function agree(ctx: Ctx, what: BilingualText, loc: SourceLocation, parts: Inferred[]): Inferred {
  const known = parts.filter((p): p is Dim => !flexible(p));
  const first = known.find((p) => p !== null);
  if (first === undefined) return known.length ? null : parts.includes(NUM) ? NUM : ANY;
  for (const p of known) {
    if (!sameDim(p, first)) {
      report(ctx, loc, { en: `${what.en}: ${formatDim(first)} and ${formatDim(p)} do not agree`, es: `${what.es}: ${formatDim(first)} y ${formatDim(p)} no concuerdan` });
      return null;
    }
  }
  return first;
}

/** Reports an argument whose known units are not the ones the function wants. */
export function expectUnits(ctx: Ctx, loc: SourceLocation, got: Inferred, want: Dim, what: BilingualText): void {
  if (flexible(got) || got === null || want === null || sameDim(got, want)) return;
  report(ctx, loc, { en: `${what.en} in ${formatDim(got)}, not ${formatDim(want)}`, es: `${what.es} en ${formatDim(got)}, no en ${formatDim(want)}` });
}

export function multiply(l: Inferred, r: Inferred): Inferred {
  if (l === ANY || r === ANY) return ANY;
  if (l === NUM) return r;
  if (r === NUM) return l;
  return combine(l, r, 1);
}

export function divide(l: Inferred, r: Inferred): Inferred {
  if (l === ANY) return ANY;
  if (flexible(r)) return l;
  return combine(asDim(l), r, -1);
}
