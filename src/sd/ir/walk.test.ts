/** visitExpr's order: each node before its children, arguments left to right, through calls and macro applications. */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import type { Expr } from './model.js';
import { someExpr, visitExpr } from './walk.js';

function label(x: Expr): string {
  switch (x.kind) {
    case 'num':
      return String(x.value);
    case 'ref':
      return x.name;
    case 'call':
      return x.fn;
    case 'apply':
      return `${x.name}()`;
    case 'unary':
      return `u${x.op}`;
    case 'binary':
      return x.op;
    default:
      return x.kind;
  }
}

describe('visitExpr', () => {
  it('visits every node once, parent first, arguments in order', () => {
    const ir = readVensim('y = MAX(a + 1, -t(b), MIN(c, 2)) * 3 ~ ~|\nt([(0,0)-(1,1)],(0,0),(1,1)) ~ ~|\n', 'm.mdl');
    const seen: string[] = [];
    visitExpr(ir.equations.find((e) => e.lhs.name === 'y')!.expr!, (x) => seen.push(label(x)));
    expect(seen).toEqual(['*', 'MAX', '+', 'a', '1', 'u-', 't()', 'b', 'MIN', 'c', '2', '3']);
  });
});

describe('someExpr', () => {
  const y = readVensim('y = MAX(a + 1, -t(b), MIN(c, 2)) * 3 ~ ~|\nt([(0,0)-(1,1)],(0,0),(1,1)) ~ ~|\n', 'm.mdl').equations.find((e) => e.lhs.name === 'y')!.expr!;

  it('finds a node anywhere below, through calls, applications, signs and operators', () => {
    for (const wanted of ['*', 'MAX', 'a', 'u-', 't()', 'b', 'c', '2', '3']) expect(someExpr(y, (x) => label(x) === wanted), wanted).toBe(true);
    expect(someExpr(y, (x) => label(x) === 'd')).toBe(false);
  });

  it('stops at the first node that satisfies the test, in visitExpr\'s order', () => {
    const seen: string[] = [];
    expect(someExpr(y, (x) => (seen.push(label(x)), x.kind === 'apply'))).toBe(true);
    expect(seen).toEqual(['*', 'MAX', '+', 'a', '1', 'u-', 't()']);
  });
});
