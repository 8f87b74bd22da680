/**
 * VECTOR ELM MAP written as XMILE computed subscripts (writer-vector-elm-map.ts): models made from the
 * examples of vensim.com/documentation/fn_vector_elm_map.html, written, read back, run and compared
 * value for value (no tolerance), the XML text looked at; where the form would not be exact the writer
 * refuses with a located E_XMILE_WRITE in both languages.
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { VENSIM_NA } from '../ir/na.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { writeXmile } from './writer.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

/** Written, read back and run: identical columns; the XML and the XMILE run. */
function roundTrip(mdl: string): { xml: string; col: (name: string) => number[] } {
  const first = compileVensim(mdl + CONTROL);
  const xml = writeXmile(first.ir);
  const second = compileXmile(xml).model.run();
  expect(sameKeptColumns(first.model.run(), second)).toBeUndefined();
  return { xml, col: (n) => Array.from(second.get(n)!) };
}

function refusal(mdl: string): ModelError {
  try {
    writeXmile(compileVensim(mdl + CONTROL).ir);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).diagnostics[0]!.code).toBe('E_XMILE_WRITE');
    return e as ModelError;
  }
  throw new Error('the writer did not refuse the model');
}

const SUB = 'sub: s1, s2, s3 ~~|\nvar1[sub] = 10, 20, 30 ~~|\n';
const GRID = `${SUB}tub: t1, t2 ~~|\nv[sub, tub] = 1, 2; 3, 4; 5, 6; ~~|\n`;

describe('XMILE writer: VECTOR ELM MAP as computed subscripts', () => {
  it("the page's first example: var2[sub] = VECTOR ELM MAP(var1[s1], sub - 1) is var1[sub]", () => {
    const { xml, col } = roundTrip(`${SUB}var2[sub] = VECTOR ELM MAP(var1[s1], sub - 1) ~~|\n`);
    expect(xml).toContain('<eqn>IF sub - 1 &gt;= 0 AND sub - 1 &lt; 3 AND INT(sub - 1) = sub - 1 THEN var1[sub - 1 + 1] ELSE (-6.490371073168535e+32)</eqn>');
    expect(['var2[s1]', 'var2[s2]', 'var2[s3]'].map((n) => col(n)[0])).toEqual([10, 20, 30]);
  });

  it("the page's task and skill example: an offset read from a variable maps tasks to skills", () => {
    const mdl = 'task: dig, build, test ~~|\nskill: brawn, brain ~~|\ntask skill[task] = 0, 1, 1 ~~|\navg labor skill[skill] = 3, 7 ~~|\navg task skill[task] = VECTOR ELM MAP(avg labor skill[brawn], task skill[task]) ~~|\n';
    const { xml, col } = roundTrip(mdl);
    expect(xml).toContain('THEN avg_labor_skill[task_skill[task] + 1] ELSE');
    expect(['dig', 'build', 'test'].map((t) => col(`avg task skill[${t}]`)[0])).toEqual([3, 7, 7]);
  });

  it("the page's three-dimensional example: the flat offset with ELMCOUNT gives v back, through INT and MOD", () => {
    const mdl = `${SUB}tub: t1, t2 ~~|\ngub: g1, g2 ~~|\nv[sub, tub, gub] = sub * 100 + tub * 10 + gub ~~|\n` +
      'v2[sub, tub, gub] = VECTOR ELM MAP(v[s1, t1, g1], (sub - 1) * ELMCOUNT(tub) * ELMCOUNT(gub) + (tub - 1) * ELMCOUNT(gub) + (gub - 1)) ~~|\n';
    const { xml, col } = roundTrip(mdl);
    expect(xml).toMatch(/THEN v\[INT\(\(.*\) \/ 4\) \+ 1, INT\(\(.*\) \/ 2\) MOD 2 \+ 1, \(.*\) MOD 2 \+ 1\] ELSE/);
    for (const [s, t, g] of [[1, 1, 1], [2, 1, 2], [3, 2, 1], [3, 2, 2]]) expect(col(`v2[s${s},t${t},g${g}]`)[0]).toBe(s! * 100 + t! * 10 + g!);
  });

  it('a varying offset crosses rows of a grid: VECTOR ELM MAP(v[s1, t2], Time) is 2, 3, 4, 5, 6', () => {
    const { col } = roundTrip(`${GRID}w = VECTOR ELM MAP(v[s1, t2], Time) ~~|\n`);
    expect(col('w')).toEqual([2, 3, 4, 5, 6]);
  });

  it("the base element on the equation's own range, and on a sub-range of the variable's (its name counts along its family)", () => {
    const mdl = `${GRID}part: s2, s3 ~~|\nrow start[sub] = VECTOR ELM MAP(v[sub, t1], 1) ~~|\nback[part] = VECTOR ELM MAP(var1[part], MIN(Time, 1) - 1) ~~|\n`;
    const { xml, col } = roundTrip(mdl);
    expect(xml).toContain('THEN v[INT(((sub - 1) * 2 + 1) / 2) + 1, ((sub - 1) * 2 + 1) MOD 2 + 1] ELSE');
    // part as a value is 2 for s2 (its place in sub, Vensim's rule), already var1's place; the offset
    // keeps its parentheses, so the sum is the engine's, base + offset.
    expect(xml).toContain('THEN var1[part - 1 + (MIN(TIME, 1) - 1) + 1] ELSE');
    expect(['row start[s1]', 'row start[s2]', 'row start[s3]'].map((n) => col(n)[0])).toEqual([2, 4, 6]);
    // back[s2] reads var1 one place before s2 at time 0 (10), then s2 itself (20).
    expect(col('back[s2]')).toEqual([10, 20, 20, 20, 20]);
    expect(col('back[s3]')).toEqual([20, 30, 30, 30, 30]);
  });

  it('a base element on a range of a larger family, over a variable of that range: its place there, not in the family', () => {
    const mdl = `${SUB}part: s2, s3 ~~|\npv[part] = 7, 8 ~~|\ny[part] = VECTOR ELM MAP(pv[part], 0) ~~|\n`;
    const { xml, col } = roundTrip(mdl);
    // part is 2 for s2 (its place in sub) where pv's first place is 1: part − 1 − 1 from the start.
    expect(xml).toContain('THEN pv[part - 2 + 0 + 1] ELSE');
    expect([col('y[s2]')[0], col('y[s3]')[0]]).toEqual([7, 8]);
  });

  it('element by element (an equation with :EXCEPT:): the bound element is a number, each element resolved', () => {
    const { xml, col } = roundTrip(`${SUB}z[sub] :EXCEPT: [s2] = VECTOR ELM MAP(var1[sub], 1) ~~|\nz[s2] = 0 ~~|\nu[sub] :EXCEPT: [s1] = VECTOR ELM MAP(var1[sub], MIN(Time, 1) - 1) ~~|\nu[s1] = 0 ~~|\n`);
    expect(xml).toContain('<element subscript="s1"><eqn>var1[s2]</eqn></element>');
    expect(xml).toContain('<element subscript="s3"><eqn>(-6.490371073168535e+32)</eqn></element>');
    expect(xml).toContain('<element subscript="s3"><eqn>IF 2 + (MIN(TIME, 1) - 1) &gt;= 0');
    expect([col('z[s1]')[0], col('z[s3]')[0]]).toEqual([20, VENSIM_NA]);
    expect(col('u[s2]')).toEqual([10, 20, 20, 20, 20]);
    expect(col('u[s3]')).toEqual([20, 30, 30, 30, 30]);
  });

  it('a whole offset written as a number names the element; outside, the number of :NA:', () => {
    const { xml, col } = roundTrip(`${GRID}c = VECTOR ELM MAP(v[s2, t1], 3) ~~|\nd = VECTOR ELM MAP(v[s2, t1], 5) ~~|\nh = VECTOR ELM MAP(v[s2, t1], 0.5) ~~|\n`);
    expect(xml).toContain('<aux name="c"><eqn>v[s3, t2]</eqn></aux>');
    expect(xml).toContain('<aux name="d"><eqn>(-6.490371073168535e+32)</eqn></aux>');
    expect(col('c')[0]).toBe(6);
    expect(col('d')[0]).toBe(VENSIM_NA);
    expect(col('h')[0]).toBe(VENSIM_NA);
  });

  it("a constant offset outside, written as an expression: :NA:'s number on both sides (Vensim: an error and :NA:)", () => {
    const { xml, col } = roundTrip(`${SUB}o = VECTOR ELM MAP(var1[s1], 1 + 2) ~~|\nq = VECTOR ELM MAP(var1[s2], -(3 - 1)) ~~|\n`);
    expect(xml).toContain('<eqn>IF 1 + 2 &gt;= 0 AND 1 + 2 &lt; 3 AND INT(1 + 2) = 1 + 2 THEN var1[1 + 2 + 1] ELSE (-6.490371073168535e+32)</eqn>');
    expect([col('o')[0], col('q')[0]]).toEqual([VENSIM_NA, VENSIM_NA]);
  });

  it('a varying offset that leaves the variable: the engine stops there; the XMILE gives the same numbers before and :NA: after, not the 0 of a computed subscript out of range', () => {
    const mdl = `${SUB}o = VECTOR ELM MAP(var1[s1], Time) ~~|\n`;
    const first = compileVensim(mdl + CONTROL);
    expect(() => first.model.run()).toThrow(SimulationError);
    const run = compileXmile(writeXmile(first.ir)).model.run();
    expect(Array.from(run.get('o')!)).toEqual([10, 20, 30, VENSIM_NA, VENSIM_NA]);
  });

  it('refuses an offset with state or randomness, which the form would compute several times, naming where', () => {
    const e = refusal(`${SUB}o = VECTOR ELM MAP(var1[s1], INTEGER(SMOOTH(Time, 2))) ~~|\n`);
    expect(e.message).toMatch(/VECTOR ELM MAP whose offset calls a function with state or randomness/);
    expect(e.diagnostics[0]!.messageEs).toMatch(/VECTOR ELM MAP cuyo desplazamiento llama a una función con estado/);
    expect(e.diagnostics[0]!.loc?.line).toBe(3);
  });

  it('an offset through a lookup or a macro without state is repeatable (ir/repeatable.ts), so it is written; one whose macro has state is refused', () => {
    // g(1) = 1, g(2) = 2 (hand-worked): offsets 1 and 2 name var1[s2] = 20 and var1[s3] = 30.
    const lookup = roundTrip(`${SUB}g((0,0),(4,4)) ~~|\nw[sub] = VECTOR ELM MAP(var1[s1], g(MIN(sub - 1, 2))) ~~|\n`);
    expect(['w[s1]', 'w[s2]', 'w[s3]'].map((n) => lookup.col(n)[0])).toEqual([10, 20, 30]);
    const TWICE = ':MACRO: TWICE(a)\nTWICE = 2 * a ~~|\n:END OF MACRO:\n';
    const macro = roundTrip(`${TWICE}${SUB}w = VECTOR ELM MAP(var1[s1], TWICE(1)) ~~|\n`);
    expect(macro.col('w')).toEqual([30, 30, 30, 30, 30]);
    const LAGGED = ':MACRO: LAGGED(a)\nLAGGED = SMOOTH(a, 2) ~~|\n:END OF MACRO:\n';
    expect(refusal(`${LAGGED}${SUB}w = VECTOR ELM MAP(var1[s1], INTEGER(LAGGED(Time))) ~~|\n`).message).toMatch(/VECTOR ELM MAP whose offset calls a function with state or randomness/);
  });

  it('a range of elements apart (s1, s3) counts along its family, as its name does: written over var1 of that family', () => {
    const { xml, col } = roundTrip(`${SUB}ends: s1, s3 ~~|\nx[ends] = VECTOR ELM MAP(var1[ends], Time * 0) ~~|\n`);
    expect(xml).toContain('THEN var1[ends - 1 + TIME * 0 + 1] ELSE');
    expect([col('x[s1]')[0], col('x[s3]')[0]]).toEqual([10, 30]);
  });

  it('refuses a base element on a range whose name as a value is not its place on the variable, plus a constant', () => {
    const e = refusal(`${SUB}ends: s1, s3 ~~|\nev[ends] = 1, 2 ~~|\nx[ends] = VECTOR ELM MAP(ev[ends], Time * 0) ~~|\n`);
    expect(e.message).toMatch(/VECTOR ELM MAP from an element of ev named by a range/);
    expect(e.diagnostics[0]!.messageEs).toMatch(/VECTOR ELM MAP desde un elemento de ev nombrado por un rango/);
    expect(e.diagnostics[0]!.loc?.line).toBe(5);
  });
});
