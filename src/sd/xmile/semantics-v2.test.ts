/**
 * XMILE semantics, each checked on a small model written from the XMILE 1.0 standard (OASIS);
 * expected values are worked out by hand from the standard's text.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { close, columnReader, xmileDoc, type DocOptions } from './test-support.js';

function run(variables: string, o: DocOptions = {}): (name: string) => number[] {
  const { model } = compileXmile(xmileDoc(variables, o), { file: 'sem.xmile' });
  return columnReader(model.run());
}

describe('non-negative stock with a negative inflow (XMILE 1.0 §4.2)', () => {
  it('a biflow inflow running backwards empties the stock but does not take it below zero', () => {
    const col = run(
      `<stock name="S"><eqn>5</eqn><inflow>f</inflow><non_negative/></stock>
       <flow name="f"><eqn>-2</eqn></flow>`,
      { stop: 4 },
    );
    close(col('S'), [5, 3, 1, 0, 0]);
  });

  it('outflows give way first, then the negative inflow takes the rest', () => {
    const col = run(
      `<stock name="S"><eqn>4</eqn><inflow>f</inflow><outflow>g</outflow><non_negative/></stock>
       <flow name="f"><eqn>-1</eqn></flow>
       <flow name="g"><eqn>2</eqn></flow>`,
      { stop: 3 },
    );
    // t0: 4 − 1 − 2 = 1; t1: available 1 − 1 = 0 for g, the inflow takes 1 → 0; then held at 0.
    close(col('S'), [4, 1, 0, 0]);
    close(col('g'), [2, 0, 0, 0]);
  });

  it('a stock that is not non-negative still goes below zero', () => {
    const col = run(`<stock name="S"><eqn>1</eqn><inflow>f</inflow></stock><flow name="f"><eqn>-2</eqn></flow>`, { stop: 2 });
    close(col('S'), [1, -1, -3]);
  });
});

describe('SIZE (XMILE 1.0 array builtins)', () => {
  it('gives the number of elements of a dimension, and of a whole array', () => {
    const col = run(
      `<aux name="n"><eqn>SIZE(Region)</eqn></aux>
       <aux name="arr"><dimensions><dim name="Region"/><dim name="Age"/></dimensions><eqn>1</eqn></aux>
       <aux name="m"><eqn>SIZE(arr)</eqn></aux>
       <aux name="per"><dimensions><dim name="Region"/></dimensions><eqn>SIZE(arr[Region, *])</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="Region"><elem name="north"/><elem name="south"/><elem name="east"/></dim><dim name="Age" size="2"/>' },
    );
    expect(col('n')).toEqual([3]);
    expect(col('m')).toEqual([6]);
    expect(col('per[north]')).toEqual([2]);
  });
});

describe('functions kept by translations of Vensim models', () => {
  it('RAMP with an end time, MODULO with the dividend sign, NPV with its defaults, TANH', () => {
    const col = run(
      `<aux name="r"><eqn>RAMP(2, 1, 3)</eqn></aux>
       <aux name="m"><eqn>MODULO(-7, 3)</eqn></aux>
       <aux name="n"><eqn>NPV(1, 0.1)</eqn></aux>
       <aux name="t"><eqn>TANH(0.5)</eqn></aux>`,
      { stop: 4 },
    );
    close(col('r'), [0, 0, 2, 4, 4]);
    close(col('m'), [-1, -1, -1, -1, -1]);
    // Vensim's NPV with initial 0, factor 1, DT 1: accum + stream·df, df = 1/1.1^t
    const npv = [0, 1, 2, 3, 4].map((t) => Array.from({ length: t + 1 }, (_, k) => 1 / 1.1 ** k).reduce((a, b) => a + b, 0));
    close(col('n'), npv);
    close(col('t'), Array(5).fill(Math.tanh(0.5)));
  });
});

describe('a variable named mod', () => {
  it('is read as a name where an operand is expected, and MOD stays the operator between operands', () => {
    const col = run(`<aux name="mod"><eqn>7</eqn></aux><aux name="y"><eqn>mod MOD 3 + mod</eqn></aux>`, { stop: 0 });
    expect(col('y')).toEqual([8]);
  });
});

describe('<init_eqn> (XMILE 1.0: an initial value that differs from the equation)', () => {
  it('is the value used while initialising (stocks start from it); the equation gives the values reported', () => {
    // As Vensim's ACTIVE INITIAL: initialisation reads init_eqn, every computed step the equation.
    const col = run(
      `<aux name="a"><eqn>TIME * 10</eqn><init_eqn>5</init_eqn></aux>
       <stock name="S"><eqn>a</eqn><inflow>f</inflow></stock>
       <stock name="T"><eqn>f</eqn></stock>
       <flow name="f"><eqn>a</eqn><init_eqn>-1</init_eqn></flow>`,
      { stop: 2 },
    );
    close(col('a'), [0, 10, 20]);
    close(col('f'), [0, 10, 20]);
    close(col('S'), [5, 5, 15]);
    close(col('T'), [-1, -1, -1]);
  });
});

describe('LOOKUP(gf[element], x) (XMILE 1.0 LOOKUP builtin on an arrayed graphical function)', () => {
  it('evaluates the function of one element at x', () => {
    const col = run(
      `<aux name="g"><dimensions><dim name="D"/></dimensions>
         <element subscript="a"><gf><xscale min="0" max="1"/><ypts>0,10</ypts></gf></element>
         <element subscript="b"><gf><xscale min="0" max="1"/><ypts>0,100</ypts></gf></element>
       </aux>
       <aux name="y"><eqn>LOOKUP(g[b], 0.5) + LOOKUP(g[a], 0.25)</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="D"><elem name="a"/><elem name="b"/></dim>' },
    );
    close(col('y'), [52.5]);
  });
});

describe('*:SubRange wildcard (XMILE 1.0 array slices)', () => {
  it('iterates only over the elements of the named sub-range', () => {
    const col = run(
      `<aux name="v"><dimensions><dim name="D"/></dimensions><eqn>D</eqn></aux>
       <aux name="s"><eqn>SUM(v[*:Low])</eqn></aux>
       <aux name="all"><eqn>SUM(v[*])</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="D"><elem name="a"/><elem name="b"/><elem name="c"/></dim><dim name="Low"><elem name="a"/><elem name="b"/></dim>' },
    );
    expect(col('s')).toEqual([3]);
    expect(col('all')).toEqual([6]);
  });
});

describe('Vensim vector functions kept by translations, with * for the iterated dimension', () => {
  it('VECTOR SELECT sums the selected values over *', () => {
    const col = run(
      `<aux name="sel"><dimensions><dim name="D"/></dimensions><eqn>IF D = 2 THEN 0 ELSE 1</eqn></aux>
       <aux name="val"><dimensions><dim name="D"/></dimensions><eqn>10 * D</eqn></aux>
       <aux name="s"><eqn>VECTOR_SELECT(sel[*], val[*], 0, 0, 0)</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="D" size="3"/>' },
    );
    expect(col('s')).toEqual([40]);
  });
});

describe('ALLOCATE AVAILABLE kept by translations follows the same profile rule as in .mdl (src/sd/analyze/priority-profile.ts)', () => {
  const doc = (typeA: number) =>
    xmileDoc(
      `<aux name="request"><dimensions><dim name="R"/></dimensions><eqn>20</eqn></aux>
       <aux name="prio"><dimensions><dim name="R"/><dim name="P"/></dimensions>
         <element subscript="a, ptype"><eqn>${typeA}</eqn></element><element subscript="a, ppriority"><eqn>5</eqn></element>
         <element subscript="a, pwidth"><eqn>2</eqn></element><element subscript="a, pextra"><eqn>0</eqn></element>
         <element subscript="b, ptype"><eqn>1</eqn></element><element subscript="b, ppriority"><eqn>4</eqn></element>
         <element subscript="b, pwidth"><eqn>2</eqn></element><element subscript="b, pextra"><eqn>0</eqn></element></aux>
       <aux name="shipped"><dimensions><dim name="R"/></dimensions><eqn>ALLOCATE_AVAILABLE(request[*], prio[*, ptype], 30)</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="R"><elem name="a"/><elem name="b"/></dim><dim name="P"><elem name="ptype"/><elem name="ppriority"/><elem name="pwidth"/><elem name="pextra"/></dim>' },
    );

  it('shares by rectangular curves: (5 − L)/2 + (4 − L)/2 + 1 = 30/20 gives L = 4, so a 20 and b 10', () => {
    const col = columnReader(compileXmile(doc(1), { file: 'alloc.xmile' }).model.run());
    expect([col('shipped[a]')[0], col('shipped[b]')[0]]).toEqual([20, 10]);
  });

  it('refuses ptype 5 with a located E_UNSUPPORTED', () => {
    expect(() => compileXmile(doc(5), { file: 'alloc.xmile' })).toThrow(/alloc\.xmile:\d+:\d+: error E_UNSUPPORTED: shipped: ALLOCATE AVAILABLE, requester a: priority type \(ptype\) 5/);
  });
});

describe('macro parameter declared as a flow (XMILE 1.0 macros)', () => {
  it('fills the macro stock with the argument', () => {
    const col = run(`<aux name="y"><eqn>ACC(2 + TIME)</eqn></aux>`, {
      stop: 3,
      macros: `<macro name="ACC"><parm>rate</parm><eqn>total</eqn><variables>
        <stock name="total"><eqn>0</eqn><inflow>rate</inflow></stock>
        <flow name="rate"/>
      </variables></macro>`,
    });
    close(col('y'), [0, 2, 5, 9]);
  });
});
