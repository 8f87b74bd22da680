/**
 * Tree shapes of the Vensim expression parser's binary operators (one precedence-climbing loop).
 * Vensim's reference (vensim.com/documentation/22030.html) gives the usual algebraic precedence;
 * the order the parser follows is in its header: :OR:, :AND:, :NOT:, comparisons, + -, * /,
 * unary - +, ^. The expected trees below are worked out by hand from that order.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../ir/model.js';
import { ModelError } from '../ir/diagnostics.js';
import { ExprParser } from './expr-parser.js';
import { Scanner } from './scanner.js';

/** A tree as a fully parenthesised string: `(+ a b)`, unary `(-u a)`. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'binary':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case 'unary':
      return `(${e.op}u ${shape(e.arg)})`;
    case 'ref':
      return e.name;
    case 'num':
      return String(e.value);
    default:
      return e.kind;
  }
}

function parse(text: string, maxExprDepth = 1000): Expr {
  return new ExprParser(new Scanner(text, 'm.mdl'), { maxNesting: 256, maxExprDepth }).parseExpr();
}

function failure(text: string, maxExprDepth: number): { message: string; column: number | undefined } {
  try {
    parse(text, maxExprDepth);
  } catch (err) {
    if (err instanceof ModelError) return { message: err.message, column: err.diagnostics[0]?.loc?.column };
    throw err;
  }
  throw new Error(`no error for ${text}`);
}

describe('binary operators by precedence climbing', () => {
  it('groups each level left to right, higher levels first', () => {
    expect(shape(parse('a - b - c'))).toBe('(- (- a b) c)');
    expect(shape(parse('a / b * c'))).toBe('(* (/ a b) c)');
    expect(shape(parse('a + b * c - d'))).toBe('(- (+ a (* b c)) d)');
    expect(shape(parse('a * b + c * d * e'))).toBe('(+ (* a b) (* (* c d) e))');
    expect(shape(parse('a < b = c'))).toBe('(= (< a b) c)');
    expect(shape(parse('a + 1 >= b * 2'))).toBe('(>= (+ a 1) (* b 2))');
  });

  it('puts :OR: below :AND: below :NOT: below comparisons', () => {
    expect(shape(parse('a :OR: b :AND: c'))).toBe('(or a (and b c))');
    expect(shape(parse('a :AND: b :OR: c :AND: d'))).toBe('(or (and a b) (and c d))');
    expect(shape(parse(':NOT: a = b :AND: c'))).toBe('(and (notu (= a b)) c)');
    expect(shape(parse('a :AND: :NOT: :NOT: b :OR: c'))).toBe('(or (and a (notu (notu b))) c)');
  });

  it('keeps unary signs and ^ as before: -x^2 is -(x^2), ^ groups right to left', () => {
    expect(shape(parse('-x^2'))).toBe('(-u (^ x 2))');
    expect(shape(parse('-a * b'))).toBe('(* (-u a) b)');
    expect(shape(parse('a - -b'))).toBe('(- a (-u b))');
    expect(shape(parse('a^b^c'))).toBe('(^ a (^ b c))');
    expect(shape(parse('a^-b*c'))).toBe('(* (^ a (-u b)) c)');
  });

  it('refuses :NOT: as the operand of a comparison, at its place', () => {
    const f = failure('a = :NOT: b', 1000);
    expect(f.message).toContain("unexpected ':NOT:' in expression");
    // At the keyword's first colon: ':NOT:' spans columns 5-9 (errors at a token use its own start).
    expect(f.column).toBe(5);
  });

  it('stops before an operator that is not binary (->, ==)', () => {
    const s = new Scanner('a -> b', 'm.mdl');
    expect(shape(new ExprParser(s).parseExpr())).toBe('a');
    expect(s.pos).toBe(1);
  });

  it('counts a chain per level against the tree limit, located at the operator that passes it', () => {
    // The guard's depth is 1 inside parseExpr; a run of n operators of one level needs 1 + n <= limit.
    expect(shape(parse('a * b + c', 2))).toBe('(+ (* a b) c)'); // one '*' then one '+': 2 each
    const f = failure('a + b * c + d', 2); // the second '+' makes a run of two: 3 > 2
    expect(f.message).toContain('limit of 2 levels (each operator of a chain');
    expect(f.column).toBe(11);
  });
});
