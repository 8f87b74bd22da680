/**
 * A normal lookup of one table written as code with the table's points as constants:
 * `x <= X0 ? Y0 : x >= Xn ? Yn : x < X1 ? … : …`. codegen.ts writes it inline, for a whole lookup
 * and for an array's lookups in the loop that computes their inputs, where it replaces the generic
 * search and four typed-array reads per lookup (a quarter of the 10,000-equation model's run).
 *
 * Bit for bit what `Runtime.lookup` gives: the chain picks the same segment (the last point with
 * X ≤ x; a zero-width segment is never chosen), and each segment's formula is the generic one with
 * its differences computed here by the same subtraction, `Yk + ((Yk+1 − Yk) × (x − Xk)) / (Xk+1 − Xk)`.
 * Only for ascending tables of 2 to MAX_POINTS points with some width: the chain tests the
 * segments in turn.
 */

/** Longest table written as a chain. */
const MAX_POINTS = 16;

/**
 * A number as a JavaScript literal that reads back as the same double. NaN and ±Infinity as
 * divisions: the globals `NaN` and `Infinity` are tagged heap values, and a chain that can yield
 * one made TurboFan box every result (a chain with `NaN` in it ran slower than the generic loop).
 */
function literal(x: number): string {
  if (Number.isNaN(x)) return '(0 / 0)';
  if (x === Infinity) return '(1 / 0)';
  if (x === -Infinity) return '(-1 / 0)';
  if (Object.is(x, -0)) return '(-0)';
  return x < 0 ? `(${x})` : String(x);
}

/** Whether a table is written as a chain. */
export function suitsChain(xs: ArrayLike<number>, ys: ArrayLike<number>): boolean {
  const m = xs.length;
  if (m < 2 || m > MAX_POINTS || ys.length !== m) return false;
  for (let j = 1; j < m; j++) if (!(xs[j - 1]! <= xs[j]!)) return false;
  return xs[0]! !== xs[m - 1]!;
}

/** The lookup of the variable named `x` in the table, as an expression; undefined when the table does not suit a chain. */
export function lookupChain(xs: ArrayLike<number>, ys: ArrayLike<number>, x: string): string | undefined {
  if (!suitsChain(xs, ys)) return undefined;
  const m = xs.length;
  const tests = [`${x} <= ${literal(xs[0]!)} ? ${literal(ys[0]!)}`, `${x} >= ${literal(xs[m - 1]!)} ? ${literal(ys[m - 1]!)}`];
  // NaN passes every test below to the last segment's formula, which gives NaN; the generic
  // lookup takes segment 0 for it, whose x1 === x0 case answers its y1 instead.
  if (xs[1] === xs[0]) tests.push(`${x} !== ${x} ? ${literal(ys[1]!)}`);
  const segments: number[] = [];
  for (let k = 0; k + 1 < m; k++) if (xs[k + 1] !== xs[k]) segments.push(k);
  const formula = (k: number) => `${literal(ys[k]!)} + (${literal(ys[k + 1]! - ys[k]!)} * (${x} - ${literal(xs[k]!)})) / ${literal(xs[k + 1]! - xs[k]!)}`;
  const last = segments.pop()!;
  for (const k of segments) tests.push(`${x} < ${literal(xs[k + 1]!)} ? ${formula(k)}`);
  return `${tests.join(' : ')} : ${formula(last)}`;
}
