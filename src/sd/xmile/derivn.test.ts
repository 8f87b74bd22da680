/**
 * DERIVN(input, order): the order-th time derivative of input (Vensim fn_derivn; Stella's
 * builtin of the same name). Each order is the backward difference of the order below over
 * one DT, 0 at the initial time. The models here are written for this test from that meaning.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { close, columnReader, xmileDoc } from './test-support.js';

describe('DERIVN', () => {
  it('first and second derivatives of TIME² are backward differences over DT, 0 at the start', () => {
    const doc = xmileDoc(
      `<aux name="x"><eqn>TIME * TIME</eqn></aux>
       <aux name="d1"><eqn>DERIVN(x, 1)</eqn></aux>
       <aux name="d2"><eqn>DERIVN(x, 2)</eqn></aux>
       <aux name="twice d1"><eqn>2 * DERIVN(x, 1)</eqn></aux>`,
      { stop: 2, dt: '<dt>0.5</dt>' },
    );
    const col = columnReader(compileXmile(doc, { file: 'derivn.xmile' }).model.run());
    // t = 0, 0.5, 1, 1.5, 2: x = 0, 0.25, 1, 2.25, 4.
    close(col('d1'), [0, 0.5, 1.5, 2.5, 3.5]);
    close(col('d2'), [0, 1, 2, 2, 2]);
    close(col('twice_d1'), [0, 1, 3, 5, 7]);
  });

  it("a stock's first derivative is its net flow of the step before", () => {
    const doc = xmileDoc(
      `<stock name="Population"><eqn>10000</eqn><inflow>Added</inflow></stock>
       <flow name="Added"><eqn>Population * 0.05</eqn></flow>
       <aux name="Derivative"><eqn>DERIVN(Population, 1)</eqn></aux>`,
      { stop: 3, dt: '<dt>0.25</dt>' },
    );
    const col = columnReader(compileXmile(doc, { file: 'population.xmile' }).model.run());
    const added = col('Added');
    close(col('Derivative'), [0, ...added.slice(0, -1)]);
  });

  it('reads the same in a Vensim model', () => {
    const mdl = `x = Time * Time ~~|
d2 = DERIVN(x, 2) ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 2 ~~|
TIME STEP = 0.5 ~~|
SAVEPER = TIME STEP ~~|
`;
    const col = columnReader(compileVensim(mdl, { file: 'derivn.mdl' }).model.run());
    close(col('d2'), [0, 1, 2, 2, 2]);
  });

  it('an order that is not a whole number of at least 1 stops with a located error', () => {
    for (const order of ['0', '1.5', 'TIME']) {
      const doc = xmileDoc(`<aux name="d"><eqn>DERIVN(TIME, ${order})</eqn></aux>`);
      let err: unknown;
      try {
        compileXmile(doc, { file: 'bad.xmile' });
      } catch (e) {
        err = e;
      }
      expect(err, order).toBeInstanceOf(ModelError);
      expect(String(err)).toMatch(/bad\.xmile:\d+:\d+/);
      expect(String(err)).toMatch(/order of DERIVN/);
    }
  });
});
