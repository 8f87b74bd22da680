/**
 * XMILE's SMTHN is read as SMOOTH N but keeps XMILE's meaning under Runge-Kutta: the standard's
 * smooths (SMTH1, SMTH3, SMTHN) are cascades of first-order smooths, integrated like any stock, with
 * nothing of Vensim's "output constant for each Time Step" (fn_smooth_n). The values are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from './test-support.js';

const doc = (method: string) =>
  xmileDoc(
    `<aux name="n"><eqn>SMTHN(TIME, 2, 1, 0)</eqn></aux>
     <aux name="one"><eqn>SMTH1(TIME, 2, 0)</eqn></aux>`,
    { stop: 2, simAttrs: `method="${method}" time_units="Months"` },
  );

describe('XMILE SMTHN under Runge-Kutta', () => {
  it('is integrated through the stages, as SMTH1 is', () => {
    const col = columnReader(compileXmile(doc('RK4'), { file: 'smthn.xmile' }).model.run());
    // ds/dt = (t - s)/2, s(0) = 0, one RK4 step of 1: k1 = 0, k2 = (0.5 - 0)/2 = 0.25,
    // k3 = (0.5 - 0.125)/2 = 0.1875, k4 = (1 - 0.1875)/2 = 0.40625; s(1) = (0 + 0.5 + 0.375 + 0.40625)/6.
    expect(col('n')[1]).toBeCloseTo(1.28125 / 6, 12);
    expect(col('n')).toEqual(col('one'));
  });

  it('under Euler is the Euler smooth', () => {
    const col = columnReader(compileXmile(doc('Euler'), { file: 'smthn.xmile' }).model.run());
    expect(col('n')).toEqual([0, 0, 0.5]);
  });
});
