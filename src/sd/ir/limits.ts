/**
 * Resource limits: every cost a model's text or a run request decides (nesting, sizes, saved
 * points) is checked against one of these before anything is allocated, and a breach is a
 * located ModelError (or an InputError naming the field) that states the need and the limit.
 *
 * Defaults are set so that the largest real models we know (the Peru model, the conformance
 * suite) pass with a wide margin, and so that a model at the limits still fits the server's
 * 1 GB budget. Callers pass a `Partial<ModelLimits>`; missing fields take the defaults.
 */
import { ModelError, type BilingualText, type SourceLocation } from './diagnostics.js';
import type { Expr } from './model.js';

export interface ModelLimits {
  /**
   * Deepest nesting the parsers recurse through (parentheses, function calls, unary signs,
   * `^` chains): 256. Measured on Node 20's default stack, the XMILE parser overflows near 360
   * nested parentheses and the Vensim parser near 780; real equations nest < 50.
   */
  maxNesting: number;
  /**
   * Deepest expression tree once parsed, where each operator of a chain `a+b+c…` adds a level:
   * 1,000. Expansion, ordering and code generation recurse over this tree; code generation
   * overflows the default stack near 1,600 chained terms. A written-out sum of 1,000 terms passes.
   */
  maxExprDepth: number;
  /** Longest single equation, in characters: 1,000,000 (a long inline lookup is ~100,000). */
  maxEquationLength: number;
  /** Most elements in one subscript range (after sub-ranges and numeric ranges): 100,000. */
  maxRangeSize: number;
  /** Most scalar variables after arrays are expanded: 2,000,000 (16 MB of state per copy). */
  maxScalars: number;
  /** Most saved values of one run (saved times × saved columns): 20,000,000 (160 MB as Float64). */
  maxSavedPoints: number;
  /** Most time steps of one run: 100,000,000 (the run's time budget usually stops it sooner). */
  maxSteps: number;
}

export const DEFAULT_LIMITS: Readonly<ModelLimits> = Object.freeze({
  maxNesting: 256,
  maxExprDepth: 1000,
  maxEquationLength: 1_000_000,
  maxRangeSize: 100_000,
  maxScalars: 2_000_000,
  maxSavedPoints: 20_000_000,
  maxSteps: 100_000_000,
});

export function resolveLimits(partial?: Partial<ModelLimits>): ModelLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

/** `1234567` → `1,234,567` (limits messages are read by people). */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

/** Megabytes of `points` Float64 values, for the "needs ~N MB" messages. */
export function megabytes(points: number): string {
  const mb = (points * 8) / (1024 * 1024);
  return mb >= 10 ? formatCount(mb) : mb.toFixed(1);
}

export function tooDeep(limit: number, loc: SourceLocation | undefined): ModelError {
  return ModelError.at('E_LIMIT_DEPTH', { en: `the expression nests deeper than the limit of ${formatCount(limit)} levels (parentheses, function calls, signs or powers)`, es: `la expresión anida más niveles que el límite de ${formatCount(limit)} (paréntesis, llamadas a funciones, signos o potencias)` }, loc);
}

export function treeTooDeep(limit: number, loc: SourceLocation | undefined): ModelError {
  return ModelError.at('E_LIMIT_DEPTH', { en: `the expression is deeper than the limit of ${formatCount(limit)} levels (each operator of a chain such as a+b+c adds one): split it into several variables`, es: `la expresión tiene más niveles que el límite de ${formatCount(limit)} (cada operador de una cadena como a+b+c suma uno): divídala en varias variables` }, loc);
}

/** A counter the recursive-descent parsers bump on every recursive step, so they stop before the stack does. */
export class DepthGuard {
  private depth = 0;
  constructor(
    readonly limit: number,
    readonly treeLimit: number,
  ) {}
  enter(loc: () => SourceLocation | undefined): void {
    if (++this.depth > this.limit) throw tooDeep(this.limit, loc());
  }
  /** A left-associative chain `a+b+…` of `length` operators grows the tree as deep as nesting does. */
  chain(length: number, loc: () => SourceLocation | undefined): void {
    if (this.depth + length > this.treeLimit) throw treeTooDeep(this.treeLimit, loc());
  }
  /** `enter` for callers that make the location themselves when it fails (no closure per step): false past the limit. */
  tryEnter(): boolean {
    return ++this.depth <= this.limit;
  }
  /** `chain` likewise: false when the chain passes the tree limit. */
  chainFits(length: number): boolean {
    return this.depth + length <= this.treeLimit;
  }
  leave(): void {
    this.depth--;
  }
  reset(): void {
    this.depth = 0;
  }
}

/**
 * The depth of an expression tree, measured without recursion; throws at the node where the
 * limit is passed. Left-associative chains (`a+a+…`) are parsed by loops, so the parser's guard
 * alone would not see them.
 */
export function checkExprDepth(root: Expr, limit: number): void {
  // Two parallel stacks and index loops, not [expr, depth] pairs, destructuring and for-of: this
  // runs once per equation while still unoptimised, where each of those allocates (MEDEAS: 22 ms).
  // Nodes are visited in the same order as a stack of pairs would visit them.
  const exprs: Expr[] = [root];
  const depths: number[] = [1];
  while (exprs.length) {
    const e = exprs.pop()!;
    const d = depths.pop()!;
    if (d > limit) throw treeTooDeep(limit, e.loc);
    switch (e.kind) {
      case 'call':
      case 'apply': {
        const args = e.args;
        for (let i = 0; i < args.length; i++) {
          exprs.push(args[i]!);
          depths.push(d + 1);
        }
        break;
      }
      case 'unary':
        exprs.push(e.arg);
        depths.push(d + 1);
        break;
      case 'binary':
        exprs.push(e.left, e.right);
        depths.push(d + 1, d + 1);
        break;
      default:
        break;
    }
  }
}

export function checkEquationLength(length: number, limit: number, loc: SourceLocation | undefined): void {
  if (length > limit) {
    throw ModelError.at('E_LIMIT_LENGTH', { en: `the equation is ${formatCount(length)} characters long; the limit is ${formatCount(limit)}`, es: `la ecuación tiene ${formatCount(length)} caracteres; el límite es ${formatCount(limit)}` }, loc);
  }
}

export function checkRangeSize(size: number, limit: number, what: BilingualText, loc: SourceLocation | undefined): void {
  if (size > limit) {
    throw ModelError.at('E_LIMIT_RANGE', { en: `${what.en} has ${formatCount(size)} elements; the limit is ${formatCount(limit)}`, es: `${what.es} tiene ${formatCount(size)} elementos; el límite es ${formatCount(limit)}` }, loc);
  }
}
