import { describe, expect, it } from 'vitest';
import { showExpr } from '../ir/test-support/show-expr.js';
import type { RealityCheckDecl } from '../ir/model.js';
import { readVensim } from './reader.js';
import { writeVensim } from './writer.js';

// Forms from Vensim Help 20965 (Test Inputs) and 20970 (Constraints); the model text is ours.
const MODEL = [
  'x = 1 ~~|', // line 1
  '****', // 2
  '\t.Checks', // 3
  '****~ |', // 4
  'always have stock :TEST INPUT: Inventory = 3*final demand ~ ~ keep it full |', // 5
  'fill orders :THE CONDITION: always have stock :AND: y > 2', // 6
  '\t:IMPLIES: shipments >= final demand ~ [1,2] ~ orders are filled |', // 7
  'crossing :THE CONDITION: y = 0 :IMPLIES: x :CROSSING: 3 ~~|', // 8
  'always :THE CONDITION: :IMPLIES: x > 0 ~~|', // 9
  'y = 2 ~~|', // 10
].join('\n');

const checks = (text: string): RealityCheckDecl[] => readVensim(text, 'rc.mdl').realityChecks ?? [];

describe('Vensim Reality Check entries', () => {
  it('keeps Test Inputs and Constraints apart from the equations, with their places, units and comments', () => {
    const ir = readVensim(MODEL, 'rc.mdl');
    expect(ir.equations.map((e) => e.lhs.name)).toEqual(['x', 'y']);
    const [ti, c] = ir.realityChecks!;
    expect(ti).toMatchObject({ check: 'test-input', display: 'always have stock', doc: 'keep it full', group: 'Checks', loc: { file: 'rc.mdl', line: 5, column: 1 } });
    if (ti?.check !== 'test-input') throw new Error('not a Test Input');
    expect(ti.target).toMatchObject({ name: 'inventory', loc: { line: 5, column: 32 } });
    expect(showExpr(ti.expr)).toBe('(3 * final demand)');
    expect(c).toMatchObject({ check: 'constraint', display: 'fill orders', doc: 'orders are filled', range: { min: 1, max: 2 }, loc: { line: 6, column: 1 } });
    if (c?.check !== 'constraint') throw new Error('not a Constraint');
    expect(showExpr(c.condition!)).toBe('(always have stock and (y > 2))');
    expect(showExpr(c.consequence)).toBe('(shipments >= final demand)');
    expect(c.consequence.loc).toMatchObject({ line: 7, column: 22 }); // a comparison is placed at its operator
  });

  it('keeps a form it cannot read as text, with the place and the name of the form', () => {
    const unread = checks(MODEL)[2]!;
    expect(unread).toMatchObject({ check: 'unread', kind: 'constraint', display: 'crossing', text: 'y = 0 :IMPLIES: x :CROSSING: 3', at: { line: 8, column: 44 } });
    if (unread.check !== 'unread') throw new Error('read');
    expect(unread.why.en).toContain(':CROSSING:');
    expect(unread.why.es).toContain(':CROSSING:');
  });

  it('keeps subscripts written on a check\'s own name and writes them back', () => {
    const text = 'sectors: a, b ~~|\nw[sectors] = 1 ~~|\nzero w[sectors] :TEST INPUT: w[sectors] = 0 ~~|\n';
    const [ti] = checks(text);
    expect(ti).toMatchObject({ check: 'test-input', subs: [{ name: 'sectors' }], target: { subs: [{ name: 'sectors' }] } });
    expect(writeVensim(readVensim(text))).toContain('zero w[sectors] :TEST INPUT:\n\tw[sectors] = 0');
  });

  it('reads an empty condition as absent', () => {
    const c = checks(MODEL)[3]!;
    expect(c.check === 'constraint' && c.condition === undefined && showExpr(c.consequence)).toBe('(x > 0)');
  });

  it('gives a model without reality checks the same IR as before (no field)', () => {
    expect('realityChecks' in readVensim('x = 1 ~~|\n')).toBe(false);
  });

  it('writes them back as .mdl text that reads to the same entries', () => {
    const first = checks(MODEL);
    const again = checks(writeVensim(readVensim(MODEL, 'rc.mdl')));
    const strip = (rs: RealityCheckDecl[]) =>
      rs.map((r) => ({ check: r.check, display: r.display, doc: r.doc, group: r.group, units: r.units, range: r.range, body: r.check === 'test-input' ? showExpr(r.expr) : r.check === 'constraint' ? `${r.condition ? showExpr(r.condition) : ''} => ${showExpr(r.consequence)}` : r.text }));
    expect(strip(again)).toEqual(strip(first));
    expect(again).toHaveLength(4);
  });
});
