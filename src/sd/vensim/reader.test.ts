import { describe, expect, it } from 'vitest';
import type { Expr } from '../ir/model.js';
import { showExpr } from '../ir/test-support/show-expr.js';
import { readVensim } from './reader.js';

const rhs = (text: string) => showExpr(readVensim(`x = ${text} ~~|`).equations[0]!.expr!);

describe('Vensim expressions', () => {
  it('binds ^ tighter than unary minus and groups it right to left', () => {
    expect(rhs('-a^2')).toBe('(-(a ^ 2))');
    expect(rhs('a^b^c')).toBe('(a ^ (b ^ c))');
    expect(rhs('2^-b')).toBe('(2 ^ (-b))');
  });
  it('orders :OR: below :AND: below comparisons below arithmetic', () => {
    expect(rhs('a = 1 :AND: b > 2 :OR: c')).toBe('(((a = 1) and (b > 2)) or c)');
    expect(rhs(':NOT: a + 1 < 3')).toBe('(not ((a + 1) < 3))');
  });
  it('reads names with spaces, quotes and underscores as one canonical name', () => {
    expect(rhs('Birth_Rate  Of_Cities * 2')).toBe('(birth rate of cities * 2)');
    expect(rhs('"Birth Rate" + birth   RATE')).toBe('(birth rate + birth rate)');
    const m = readVensim('"Flow*with ^ chars" = Some   Name ~~|');
    expect(m.equations[0]!.lhs.name).toBe('flow*with ^ chars');
    expect(showExpr(m.equations[0]!.expr!)).toBe('some name');
  });
  it('reads function names with spaces and their arguments', () => {
    expect(rhs('IF THEN ELSE(t > 1, SMOOTH N(x, 3, x, 2), 0)')).toBe('IF THEN ELSE((t > 1), SMOOTH N(x, 3, x, 2), 0)');
  });
});

describe('Vensim entries', () => {
  it('keeps units, range, documentation, groups and source positions', () => {
    const m = readVensim('********\n.Population\n********~ doc |\nbirths = 3\n\t~\tpersons/Year [0,10,0.5]\n\t~\tBirths each year.\n\t|\n');
    const eq = m.equations[0]!;
    expect(eq.units).toBe('persons/Year');
    expect(eq.range).toEqual({ min: 0, max: 10, step: 0.5 });
    expect(eq.doc).toBe('Births each year.');
    expect(eq.group).toBe('Population');
    expect(eq.loc).toMatchObject({ line: 4, column: 1 });
  });
  it('reads a range with spaces, ? and missing parts, and empty units', () => {
    // Each part is trimmed; '?' or nothing leaves that bound out; no units at all is ''.
    const m = readVensim('a = 1 ~ m [ 0 , ? ] ~|\nb = 2 ~ [ , 5 , 0.25 ] ~|\nc = 3 ~ ~|\n');
    expect(m.equations[0]).toMatchObject({ units: 'm', range: { min: 0, max: undefined, step: undefined } });
    expect(m.equations[1]).toMatchObject({ units: '', range: { min: undefined, max: 5, step: 0.25 } });
    expect(m.equations[2]!.units).toBe('');
    expect(m.equations[2]!.range).toBeUndefined();
  });
  it('reads the `.Group :` entries of converted models as groups, not equations', () => {
    const m = readVensim('.Control :\n\t~\t\n\t~\t|\n\n.sir test :\n\t~\t\n\t~\t|\n\n"S" = INTEG ( - IR, 9999 )\n\t~\t\n\t~\t\n\t|\nIR = 1 ~~|\n');
    expect(m.groups).toEqual(['Control', 'sir test']);
    expect(m.equations.map((e) => [e.lhs.name, e.group])).toEqual([['s', 'sir test'], ['ir', 'sir test']]);
    expect(m.equations[0]!.loc).toMatchObject({ line: 9, column: 1 });
  });
  it('reads the :SUPPLEMENTARY flag after the comment and keeps the comment apart', () => {
    const m = readVensim('g = INTEG (r, 3)\n\t~\tm\n\t~\tlevel\t~\t:SUPPLEMENTARY \n\t|\nr = 1 ~~|\n');
    expect(m.equations[0]).toMatchObject({ supplementary: true, doc: 'level', units: 'm' });
    expect(m.equations[1]!.supplementary).toBeUndefined();
  });
  it('reads subscript ranges with numeric ranges and mappings, lists and lookups', () => {
    const m = readVensim('d: (a1-a3), b -> e ~~|\nx[d] = 1, 2, 3, 4 ~~|\nt( [(0,0)-(2,2)], (0,0), (1,2), (2,1) ) ~~|\nw = WITH LOOKUP(x[b], ((0,1),(5,6))) ~~|');
    expect(m.dimensions[0]!.members.map((x) => x.name)).toEqual(['a1', 'a2', 'a3', 'b']);
    expect(m.dimensions[0]!.mappings).toMatchObject([{ target: 'e', loc: { line: 1, column: 18 } }]);
    expect(m.equations[0]!.expr).toMatchObject({ kind: 'list', rows: [[1, 2, 3, 4]] });
    expect(m.equations[1]!.lookup).toMatchObject({ x: [0, 1, 2], y: [0, 2, 1] });
    expect((m.equations[2]!.expr as Extract<Expr, { kind: 'call' }>).args[1]).toMatchObject({ kind: 'lookup', table: { x: [0, 5], y: [1, 6] } });
  });
  it('reads macros and keeps the sketch apart', () => {
    const m = readVensim(':MACRO: DOUBLE(a)\nDOUBLE = 2 * a ~~|\n:END OF MACRO:\ny = DOUBLE(3) ~~|\n\\\\\\---/// Sketch information\nV300\n');
    expect(m.macros[0]!.name).toBe('double');
    expect(m.macros[0]!.params).toEqual(['a']);
    expect(m.equations).toHaveLength(1);
    expect(m.sketch).toContain('V300');
  });
});
