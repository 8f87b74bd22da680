/**
 * XMILE HISTORY(input, time): the input's value at a past time. The standard names the function
 * but we found no vendor text on a time between two DTs; the rule tested here is our assumption
 * (runtime-lib.ts): linear between the two saved steps around it, the current value for a time
 * at or after the present, the initial value for a time before the start. Hand arithmetic in
 * the comments.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { writeVensim } from '../vensim/writer.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';
import { close, columnReader, firstDiagnostic, xmileDoc } from './test-support.js';

const doc = xmileDoc(
  `<aux name="x"><eqn>TIME * TIME</eqn></aux>
   <aux name="one ago"><eqn>HISTORY(x, TIME - 1)</eqn></aux>
   <aux name="between"><eqn>HISTORY(x, TIME - 0.75)</eqn></aux>
   <aux name="at one"><eqn>HISTORY(x, 1)</eqn></aux>
   <stock name="P"><eqn>100</eqn><inflow>growth</inflow></stock>
   <flow name="growth"><eqn>10</eqn></flow>
   <aux name="P quarter ago"><eqn>HISTORY(P, TIME - 0.25)</eqn></aux>`,
  { stop: 3, dt: '<dt>0.5</dt>' },
);

describe('HISTORY', () => {
  const col = columnReader(compileXmile(doc, { file: 'history.xmile' }).model.run());

  it('reads a saved step exactly, and the start value for times before the start', () => {
    // t = 0, 0.5, …, 3: x = 0, 0.25, 1, 2.25, 4, 6.25, 9; x(t − 1) with x(< 0) = x(0) = 0.
    close(col('one_ago'), [0, 0, 0, 0.25, 1, 2.25, 4]);
  });

  it('interpolates linearly between the two saved steps around the time', () => {
    // t − 0.75 is halfway between two steps from t = 1: (x(0) + x(0.5))/2 = 0.125, then
    // (0.25 + 1)/2 = 0.625, (1 + 2.25)/2 = 1.625, (2.25 + 4)/2 = 3.125, (4 + 6.25)/2 = 5.125.
    close(col('between'), [0, 0, 0.125, 0.625, 1.625, 3.125, 5.125]);
  });

  it('gives the current value for a time not yet past, the saved one afterwards', () => {
    // Until t = 1 the time asked for is now or later: x itself (0, 0.25, 1); then x(1) = 1.
    close(col('at_one'), [0, 0.25, 1, 1, 1, 1, 1]);
  });

  it("interpolates between a stock's last saved step and its current value", () => {
    // P = 100 + 10 t; a quarter (half a DT) ago: P − 2.5, and P(0) = 100 at the start.
    close(col('P_quarter_ago'), [100, 102.5, 107.5, 112.5, 117.5, 122.5, 127.5]);
  });

  it('is written back to XMILE as HISTORY and refused, with its place, by the .mdl writer', () => {
    const ir = readXmile(doc, 'history.xmile');
    expect(writeXmile(ir)).toContain('HISTORY(x, TIME - 1)');
    const d = firstDiagnostic(() => writeVensim(ir));
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', 'history.xmile', 12]);
    expect(d.message).toContain('HISTORY');
  });

  it('works element by element on an array', () => {
    const arr = xmileDoc(
      `<aux name="x"><dimensions><dim name="D"/></dimensions><element subscript="a"><eqn>TIME</eqn></element><element subscript="b"><eqn>10 * TIME</eqn></element></aux>
       <aux name="h"><dimensions><dim name="D"/></dimensions><eqn>HISTORY(x[D], TIME - 1)</eqn></aux>`,
      { stop: 3, dimensions: '<dim name="D"><elem name="a"/><elem name="b"/></dim>' },
    );
    const c = columnReader(compileXmile(arr, { file: 'history.xmile' }).model.run());
    // One DT of 1: h = x one time unit ago, x(0) before that.
    close(c('h[a]'), [0, 0, 1, 2]);
    close(c('h[b]'), [0, 0, 10, 20]);
  });
});
