/**
 * SAVEPER that is not a multiple of TIME STEP. Vensim documents only "TIME STEP should be equal to
 * or smaller than SAVEPER" (https://www.vensim.com/documentation/ref_time_step.html) and SAVEPER as
 * "frequency with which simulation results are saved" (https://vensim.com/documentation/timeboundsdates.html);
 * neither says which times are saved otherwise, so the engine warns, naming SAVEPER and TIME STEP and
 * what it does: save at INITIAL TIME, then at the first step at or after the last save + SAVEPER.
 * Saved times below are worked by hand from that rule.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from './engine.js';
import { xmileDoc } from '../xmile/test-support.js';
import { saveEverySteps } from './saveper-check.js';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';

const model = (dt: number, saveper: number, final = 6) =>
  compileVensim(`x = INTEG(1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = ${final} ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = ${saveper} ~~|\n`, { file: 's.mdl' });
const saveperWarnings = (r: ReturnType<typeof model>) => r.warnings.filter((w) => w.code === 'W_SAVEPER');

describe('SAVEPER not a multiple of TIME STEP', () => {
  it('SAVEPER 1.5 with TIME STEP 1 saves at 0, 2, 4, 6 and says so at the SAVEPER line', () => {
    // 0; next at or after 1.5 → 2; at or after 3.5 → 4; at or after 5.5 → 6.
    const r = model(1, 1.5);
    const run = r.model.run();
    expect(Array.from(run.time)).toEqual([0, 2, 4, 6]);
    expect(Array.from(run.get('x')!)).toEqual([0, 2, 4, 6]);
    const [w, ...rest] = saveperWarnings(r);
    expect(rest).toEqual([]);
    expect([w?.severity, w?.loc?.file, w?.loc?.line]).toEqual(['warning', 's.mdl', 5]);
    expect(w?.message).toContain('SAVEPER (1.5) is not a multiple of TIME STEP (1)');
    expect(w?.message).toContain('every 2 steps');
    expect(w?.messageEs).toContain('SAVEPER (1.5) no es múltiplo de TIME STEP (1)');
  });

  it('SAVEPER 2.4 with TIME STEP 1 saves every 3 steps (0, 3, 6), not every round(2.4) = 2', () => {
    // 0; at or after 2.4 → 3; at or after 5.4 → 6.
    const r = model(1, 2.4);
    expect(Array.from(r.model.run().time)).toEqual([0, 3, 6]);
    expect(saveperWarnings(r)[0]?.message).toContain('every 3 steps');
    expect(saveEverySteps(2.4, 1)).toBe(3);
  });

  it('SAVEPER smaller than TIME STEP saves every step and cites ref_time_step.html', () => {
    const r = model(1, 0.5, 3);
    expect(Array.from(r.model.run().time)).toEqual([0, 1, 2, 3]);
    const w = saveperWarnings(r)[0];
    expect(w?.message).toContain('SAVEPER (0.5) is smaller than TIME STEP (1)');
    expect(w?.messageEs).toContain('SAVEPER (0.5) es menor que TIME STEP (1)');
  });

  it('gives no warning for whole multiples, also when the division is inexact in binary (0.3 / 0.1)', () => {
    expect(saveperWarnings(model(0.5, 2))).toEqual([]);
    expect(saveperWarnings(model(1, 1))).toEqual([]);
    const r = model(0.1, 0.3, 0.6);
    expect(saveperWarnings(r)).toEqual([]);
    expect(r.model.run().time.length).toBe(3);
  });
});

describe('the reference interpreter saves at the same times', () => {
  it('SAVEPER 2.4 with TIME STEP 1: 0, 3, 6', () => {
    const ir = readVensim('x = INTEG(1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 2.4 ~~|\n');
    expect(runReference(ir).time).toEqual([0, 3, 6]);
  });
});

describe('an XMILE model is told in its own settings: save_interval and DT', () => {
  it('save_interval 1.5 with DT 1 saves at 0, 2, 4, 6 and names save_interval and DT', () => {
    const doc = xmileDoc('<stock name="x"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>1</eqn></flow>', {
      stop: 6,
      simAttrs: 'method="Euler" time_units="Months" xmlns:isee="http://iseesystems.com/XMILE" isee:save_interval="1.5"',
    });
    const r = compileXmile(doc, { file: 's.xmile' });
    expect(Array.from(r.model.run().time)).toEqual([0, 2, 4, 6]);
    const w = r.warnings.find((d) => d.code === 'W_SAVEPER');
    expect(w?.message).toContain('save_interval (1.5) is not a multiple of DT (1)');
    expect(w?.message).not.toContain('SAVEPER');
    expect(w?.messageEs).toContain('save_interval (1.5) no es múltiplo de DT (1)');
  });
});
