/**
 * The XMILE delays with a delay time that changes during the run. Values worked by hand (DT = 1, Euler).
 *
 * DELAY — XMILE 1.0 (OASIS Standard) §3.5.3: "infinite-order material delay of the input for the
 * requested fixed time". isee's help (Delay builtins, versions 3.x and 10.x): "If you specify delay
 * duration as a variable, the DELAY function uses the initial value for its fixed lag time." So the
 * lag is the delay time's value at the start, and later values are not used.
 *   DELAY(TIME, dtime), dtime = IF TIME < 2 THEN 1 ELSE 3: lag 1 all run; before TIME 1 the input's
 *   initial value (§3.5.3: "If initial value is not provided, the initial value of input will be used").
 *   → 0, 0, 1, 2, 3, 4, 5   (with the lag read each step it would be 0, 0, 1, 0, 1, 2, 3)
 *
 * DELAY1, DELAY3, DELAYN — §3.5.3: first-, third- and Nth-order material delays. isee's help gives
 * DELAY1 as a stock drained by Stock/delay_duration with the delay duration of the moment ("DELAY1
 * conserves material" when the delay time changes); DELAY3 is three such stages of delay/3. The
 * standard gives DELAYN no rule of its own, so DELAYN(x, t, 3) is DELAY3(x, t) (Vensim's DELAY N,
 * which reads a varying delay time one step late, fn_delay_n, keeps that rule only for Vensim models).
 *   DELAY1(10, IF TIME < 2 THEN 1 ELSE 2): stock 10·1 = 10, outflow 10, 10; at TIME 2 the outflow is
 *   10/2 = 5, stock → 15; 7.5, stock → 17.5; 8.75.            → 10, 10, 5, 7.5, 8.75
 *   DELAY3(10, IF TIME < 2 THEN 3 ELSE 6): three stocks of 10, stage time 1 then 2. TIME 2: flows
 *   5, 5, 5 → stocks 15, 10, 10; TIME 3: flows 7.5, 5, 5 → 17.5, 12.5, 10; TIME 4: 8.75, 6.25, 5
 *   → third stock 11.25; TIME 5 output 11.25/2 = 5.625.        → 10, 10, 5, 5, 5, 5.625
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { readVensim } from '../vensim/reader.js';
import { writeVensim } from '../vensim/writer.js';
import { columnReader, firstDiagnostic, xmileDoc } from './test-support.js';
import { writeXmile } from './writer.js';

const doc = xmileDoc(
  `<aux name="dtime"><eqn>IF TIME &lt; 2 THEN 1 ELSE 3</eqn></aux>
   <aux name="d"><eqn>DELAY(TIME, dtime)</eqn></aux>
   <aux name="d_init"><eqn>DELAY(TIME, dtime, -1)</eqn></aux>
   <aux name="dt1"><eqn>IF TIME &lt; 2 THEN 1 ELSE 2</eqn></aux>
   <aux name="e1"><eqn>DELAY1(10, dt1)</eqn></aux>
   <aux name="dt3"><eqn>IF TIME &lt; 2 THEN 3 ELSE 6</eqn></aux>
   <aux name="e3"><eqn>DELAY3(10, dt3)</eqn></aux>
   <aux name="en"><eqn>DELAYN(10, dt3, 3)</eqn></aux>
   <aux name="en_init"><eqn>DELAYN(10, dt3, 3, 10)</eqn></aux>`,
  { stop: 6 },
);
const col = columnReader(compileXmile(doc).model.run());
const near = (xs: number[], want: number[]) => xs.slice(0, want.length).forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 12));

describe('XMILE 1.0 §3.5.3 delays with a delay time that changes', () => {
  it('DELAY keeps the lag the delay time had at the start (isee help: "uses the initial value for its fixed lag time")', () => {
    expect(col('d')).toEqual([0, 0, 1, 2, 3, 4, 5]);
    expect(col('d_init')).toEqual([-1, 0, 1, 2, 3, 4, 5]);
  });

  it('DELAY1 drains its stock by the delay time of the moment', () => {
    near(col('e1'), [10, 10, 5, 7.5, 8.75]);
  });

  it('DELAY3 runs three stages of the current delay/3, and DELAYN with n = 3 runs the same', () => {
    near(col('e3'), [10, 10, 5, 5, 5, 5.625]);
    near(col('en'), [10, 10, 5, 5, 5, 5.625]);
    near(col('en_init'), [10, 10, 5, 5, 5, 5.625]);
  });
});

describe("Vensim's DELAY N written as XMILE keeps Vensim's one-step-late delay time", () => {
  const mdl = ['{UTF-8}', 'dtv = IF THEN ELSE(Time < 2, 3, 6) ~~|', 'dn = DELAY N(10, dtv, 10, 3) ~~|', 'k = 3 ~~|', 'dk = DELAY N(10, k, 10, 3) ~~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 6 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = TIME STEP ~~|', ''].join('\n');

  it('as PREVIOUS(t, t) where the delay time varies, plainly where it is a constant', () => {
    // fn_delay_n: the output depends on the delay time of previous steps, so the drop to 5 comes a step later.
    const vensim = columnReader(compileVensim(mdl, { file: 'dn.mdl' }).model.run());
    near(vensim('dn'), [10, 10, 10, 5, 5, 5, 5.625]);
    const xml = writeXmile(readVensim(mdl, 'dn.mdl'));
    expect(xml).toContain('DELAYN(10, PREVIOUS(dtv, dtv), 3, 10)');
    expect(xml).toContain('DELAYN(10, k, 3, 10)');
    const back = columnReader(compileXmile(xml).model.run());
    near(back('dn'), vensim('dn'));
    near(back('dk'), vensim('dk'));
  });
});

describe('XMILE DELAYN written as .mdl', () => {
  it('is refused, located, where the delay time may change (Vensim would read it a step late)', () => {
    const d = firstDiagnostic(() => writeVensim(compileXmile(doc, { file: 'd.xmile' }).ir));
    expect([d.code, d.loc?.file]).toEqual(['E_UNSUPPORTED', 'd.xmile']);
    expect(d.message).toMatch(/^en uses DELAYN with a delay time that may change/);
    expect(d.messageEs).toMatch(/fn_delay_n/);
  });

  it('is written where the delay time is constant, and reads back with the same values', () => {
    const fixed = xmileDoc(`<aux name="k"><eqn>2 * 3</eqn></aux><aux name="x"><eqn>STEP(6, 1)</eqn></aux><aux name="en"><eqn>DELAYN(x, k, 3)</eqn></aux><aux name="e4"><eqn>DELAYN(x, 6, 3, 1)</eqn></aux>`, { stop: 8 });
    const source = compileXmile(fixed);
    const again = columnReader(compileVensim(writeVensim(source.ir)).model.run());
    const col2 = columnReader(source.model.run());
    near(again('en'), col2('en'));
    near(again('e4'), col2('e4'));
  });
});
