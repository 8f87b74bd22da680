/**
 * A non-negative stock whose inflow reads its own outflow through auxiliaries: places freed by
 * this step's finishers are offered to this step's starters. The outflow's limit leaves that
 * inflow out (stock-loops.ts); without it the model was a loop with no stock in it.
 * The model is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileXmile } from '../run/engine.js';
import { xmileDoc } from './test-support.js';

function run(variables: string, stop: number): (name: string) => number[] {
  const r = compileXmile(xmileDoc(variables, { stop }), { file: 'places.xmile' }).model.run();
  return (name) => Array.from(r.get(name) ?? []);
}

const close = (xs: number[], want: number[]) => {
  expect(xs.length).toBe(want.length);
  xs.forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 9));
};

const pathway = (finish: string) => `
  <stock name="users"><eqn>8</eqn><inflow>start</inflow><outflow>finish</outflow><non_negative/></stock>
  <stock name="waiting"><eqn>5</eqn><inflow>referrals</inflow><outflow>start</outflow><non_negative/></stock>
  <flow name="referrals"><eqn>1</eqn><non_negative/></flow>
  <flow name="finish"><eqn>${finish}</eqn><non_negative/></flow>
  <flow name="start"><eqn>MIN(spare, waiting)</eqn><non_negative/></flow>
  <aux name="places"><eqn>10</eqn></aux>
  <aux name="spare"><eqn>places - users + finish</eqn></aux>`;

describe('an inflow that reads its stock’s limited outflow', () => {
  it('runs, and the places freed this step are taken this step', () => {
    const col = run(pathway('users / 10'), 3);
    // t0: finish 0.8, spare 10 − 8 + 0.8 = 2.8, start 2.8 → users 10, waiting 5 + 1 − 2.8 = 3.2.
    // Then finish 1, spare 1, start 1: users stays at 10, waiting at 3.2.
    close(col('users'), [8, 10, 10, 10]);
    close(col('start'), [2.8, 1, 1, 1]);
    close(col('waiting'), [5, 3.2, 3.2, 3.2]);
  });

  it('still keeps the stock from going negative: the outflow takes at most what the stock holds', () => {
    const col = run(pathway('100'), 2);
    // finish is limited to users/DT (the start inflow not counted). t0: finish 8, spare 10,
    // start 5 → users 8 + 5 − 8 = 5, waiting 1. t1: finish 5, start 1 → users 1. t2: finish 1.
    close(col('finish'), [8, 5, 1]);
    close(col('users'), [8, 5, 1]);
    for (const u of col('users')) expect(u).toBeGreaterThanOrEqual(0);
    for (const w of col('waiting')) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('a loop with no stock and no limit in it is still an error', () => {
    const doc = xmileDoc(`<aux name="a"><eqn>b</eqn></aux><aux name="b"><eqn>a + 1</eqn></aux>`);
    expect(() => compileXmile(doc, { file: 'loop.xmile' })).toThrow(ModelError);
  });
});
