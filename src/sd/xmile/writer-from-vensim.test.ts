/**
 * Vensim constructs that XMILE 1.0 has no word for, written by the XMILE writer as XMILE that
 * computes the same numbers (found by round-trip-generated.test.ts), and those it must refuse.
 * Each small model is written, read back and run; runs are compared value for value.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameResults } from '../../conformance/same-results.js';
import { writeXmile } from './writer.js';
import { xmileDoc } from './test-support.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n';

/** Writes the Vensim model as XMILE, checks the run is identical, returns the XMILE text. */
function roundTrip(mdl: string): string {
  const first = compileVensim(mdl + CONTROL);
  const xml = writeXmile(first.ir);
  expect(sameResults(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
  return xml;
}

function refusal(mdl: string): ModelError {
  const ir = compileVensim(mdl + CONTROL).ir;
  try {
    writeXmile(ir);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('the writer did not refuse the model');
}

describe('XMILE writer on Vensim constructs', () => {
  it('gives a stock inflow and outflow lists when its rate is in − out1 − out2, with no extra column', () => {
    // 0.3 − 0.1 − 0.2 is −2.8e-17 left to right but −5.6e-17 as 0.3 − (0.1 + 0.2): the reader
    // subtracts outflows one by one, so the written model runs to the same last bit.
    const xml = roundTrip('s = INTEG(i - o1 - o2, 1) ~~|\ni = 0.3 ~~|\no1 = 0.1 ~~|\no2 = 0.2 ~~|\n');
    expect(xml).toContain('<inflow>i</inflow><outflow>o1</outflow><outflow>o2</outflow>');
    expect(xml).toContain('<flow name="o2">');
    expect(xml).not.toContain('net flow');
  });

  it('keeps one net flow for a rate in another order of operations (a − b + c)', () => {
    const first = compileVensim('s = INTEG(a - b + c, 1) ~~|\na = 0.3 ~~|\nb = 0.1 ~~|\nc = 0.2 ~~|\n' + CONTROL);
    const xml = writeXmile(first.ir);
    expect(xml).toContain('<inflow>s_net_flow</inflow>');
    const second = compileXmile(xml).model.run();
    const s = first.model.run().get('s')!;
    expect([...second.get('s')!]).toEqual([...s]);
  });

  it('writes an equation that reads through a subscript mapping element by element', () => {
    // Vensim's reference (Mapping of Subscript Ranges): with DimB: b1, b2 -> (DimA: a3, SubA),
    // b1 goes with a3 and b2 with a1 and a2.
    const xml = roundTrip('DimA: a1, a2, a3 ~~|\nSubA: a1, a2 ~~|\nDimB: b1, b2 -> (DimA: a3, SubA) ~~|\ny[DimB] = 1, 2 ~~|\nx[DimA] = y[DimB] * Time ~~|\n');
    expect(xml).toContain('<element subscript="a1"><eqn>y[b2] * TIME</eqn></element>');
    expect(xml).toContain('<element subscript="a3"><eqn>y[b1] * TIME</eqn></element>');
  });

  it("writes Vensim's RAMP with an end and PULSE(start, width) as conditions on TIME", () => {
    // PULSE(1.2, 1) with TIME STEP 0.5 is 1 while 1.2 < Time + 0.25 < 2.2: Time 1 and 1.5;
    // PULSE(3, 0) lasts one TIME STEP. RAMP(2, 1, 3) climbs from Time 1 and holds 4 after Time 3.
    const xml = roundTrip('p = PULSE(1.2, 1) ~~|\nq = PULSE(3, 0) ~~|\nr = RAMP(2, 1, 3) ~~|\nw = 0.75 ~~|\nv = PULSE(2, w) ~~|\n');
    expect(xml).toContain('IF TIME &gt; 3 THEN 2 * (3 - 1) ELSE RAMP(2, 1)');
    const run = compileXmile(xml).model.run();
    expect([...run.get('p')!]).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...run.get('q')!]).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect([...run.get('r')!]).toEqual([0, 0, 0, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('writes a constant list over a range beside a fixed element, value by element', () => {
    // Vensim lists values over the subscripts that are ranges: x[DimA, c1] = 1, 2, 3 gives x[a2, c1] = 2.
    const xml = roundTrip('DimA: a1, a2, a3 ~~|\nDimC: c1, c2 ~~|\nx[DimA, c1] = 1, 2, 3 ~~|\nx[DimA, c2] = 4, 5, 6 ~~|\ny[DimA, DimC] = 1, 2; 3, 4; 5, 6; ~~|\n');
    expect(xml).toContain('<element subscript="a2, c1"><eqn>2</eqn></element>');
    expect(xml).toContain('<element subscript="a3, c2"><eqn>6</eqn></element>');
  });

  it("writes ACTIVE INITIAL on an auxiliary as <eqn> with XMILE 1.0's <init_eqn>", () => {
    // y starts at 5 (its initial value), then follows 2 * s; s starts from y's initial value.
    const xml = roundTrip('y = ACTIVE INITIAL(2 * s, 5) ~~|\ns = INTEG(f, y) ~~|\nf = 1 ~~|\n');
    expect(xml).toContain('<aux name="y"><eqn>2 * s</eqn><init_eqn>5</init_eqn></aux>');
  });

  it('writes a Vensim macro as an XMILE <macro> whose output is its own equation', () => {
    const xml = roundTrip(':MACRO: EXPSMOOTH(input, tau)\nEXPSMOOTH = INTEG((input - EXPSMOOTH) / tau, input) ~~|\n:END OF MACRO:\nx = EXPSMOOTH(STEP(1, 2), 2) ~~|\n');
    expect(xml).toContain('<macro name="EXPSMOOTH"><parm>input</parm><parm>tau</parm><eqn>EXPSMOOTH_output</eqn>');
  });

  it('refuses what XMILE 1.0 cannot say, naming it and where, in English and Spanish', () => {
    for (const [mdl, what, line] of [
      ['a = 1 ~~|\nx = DELAY CONVEYOR(a, 1, 0, prof, 0, 1) ~~|\nprof((0,1),(1,1)) ~~|\n', 'DELAY CONVEYOR', 2],
      ['e = 3 ~~|\nr = RAMP(SMOOTH(e, 2), 1, e) ~~|\n', 'RAMP with an end time', 2],
      [':MACRO: TWO(a : b)\nTWO = a ~~|\nb = 2 * a ~~|\n:END OF MACRO:\nx = TWO(1 : y) ~~|\n', 'macro call', 5],
    ] as const) {
      const d = refusal(mdl).diagnostics[0]!;
      expect(d.code).toBe('E_XMILE_WRITE');
      expect(d.message).toContain(what);
      expect(d.messageEs).toMatch(/^no se puede escribir como XMILE: /);
      expect(d.loc?.line, what).toBe(line);
    }
  });
});

describe('XMILE reader: a stock with several outflows', () => {
  it('subtracts its outflows one by one after summing its inflows (inflow − out1 − out2)', () => {
    const run = compileXmile(
      xmileDoc(`<stock name="S"><eqn>0</eqn><inflow>i</inflow><outflow>o1</outflow><outflow>o2</outflow></stock>
        <flow name="i"><eqn>0.3</eqn></flow><flow name="o1"><eqn>0.1</eqn></flow><flow name="o2"><eqn>0.2</eqn></flow>`, { stop: 1 }),
    ).model.run();
    expect(run.get('S')![1]).toBe(0.3 - 0.1 - 0.2);
    expect(run.get('S')![1]).not.toBe(0.3 - (0.1 + 0.2));
  });
});

describe('SMOOTH N and the integration method', () => {
  const mdl = 'x = STEP(4, 1) ~~|\ns = SMOOTH N(x, 2, 0, 1) ~~|\n';
  it('is written as SMTHN under Euler, where both integrate the same way', () => {
    expect(roundTrip(mdl)).toContain('SMTHN(');
  });
  it("is refused under Runge-Kutta: Vensim holds SMOOTH N's output for each step (fn_smooth_n), XMILE's SMTHN is not held", () => {
    const ir = compileVensim(mdl + CONTROL).ir;
    let err: unknown;
    try {
      writeXmile({ ...ir, method: 'rk4' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).message).toMatch(/SMOOTH N under Runge-Kutta/);
  });
});
