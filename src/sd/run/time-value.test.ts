/** GET TIME VALUE's codes as Vensim's page numbers them (documentation/fn_get_time_value.html); see src/sd/analyze/time-value.ts. */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 3 ~~|\nFINAL TIME = 5 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const compile = (eq: string) => compileVensim(`${eq}\n${CONTROL}`, { file: 't.mdl' });

function refusal(eq: string): { code: string; message: string; column?: number } {
  try {
    compile(eq);
  } catch (e) {
    if (e instanceof ModelError) return { code: e.diagnostics[0]!.code, message: e.diagnostics[0]!.message, column: e.diagnostics[0]!.loc?.column };
    throw e;
  }
  throw new Error('the model compiled');
}

describe('GET TIME VALUE', () => {
  it('measure 0: the simulation time (relativeto 0) or the initial time (relativeto 1), plus the offset', () => {
    const r = compile('a = GET TIME VALUE(0, 2, 0) ~~|\nb = GET TIME VALUE(1, 2, 0) ~~|').model.run();
    expect(Array.from(r.get('a')!)).toEqual([5, 6, 7]);
    expect(Array.from(r.get('b')!)).toEqual([5, 5, 5]);
  });

  it('reads the computer clock with relativeto 2 (measure 1, the year; 5, the day of the week)', () => {
    const r = compile('y = GET TIME VALUE(2, 0, 1) ~~|\nd = GET TIME VALUE(2, 0, 5) ~~|').model.run();
    const now = new Date();
    expect([now.getFullYear() - 1, now.getFullYear(), now.getFullYear() + 1]).toContain(r.get('y')![0]);
    expect(r.get('d')![0]).toBeGreaterThanOrEqual(0);
    expect(r.get('d')![0]).toBeLessThanOrEqual(6);
  });

  it.each([
    ['GET TIME VALUE(3, 0, 0)', 'E_ARGUMENT', /relativeto must be 0 .* it is 3/, 20],
    ['GET TIME VALUE(0, 0, 11)', 'E_ARGUMENT', /measure must be a whole number from 0 to 10; it is 11/, 26],
    ['GET TIME VALUE(2, 0, 0)', 'E_ARGUMENT', /measure 0 \(units of Time\) is only for relativeto 0 and 1/, 26],
    ['GET TIME VALUE(0, 0, 3)', 'E_UNSUPPORTED', /measure 3 of simulation time is not supported: it follows the time labeling/, 26],
    ['GET TIME VALUE(2, 0, 10)', 'E_UNSUPPORTED', /measure 10 \(elapsed seconds modulo 500,000\) is not supported/, 26],
    ['GET TIME VALUE(2, 0, Time - 2)', 'E_UNSUPPORTED', /the measure of GET TIME VALUE must be a constant/, 31], // an expression is located at its operator,
  ])('%s is refused (%s) at the argument', (call, code, message, column) => {
    const e = refusal(`x = ${call} ~~|`);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/^x: /);
    expect(e.column).toBe(column);
  });
});

describe('TIME BASE (documentation/fn_time_base.html)', () => {
  it('is START + Time × SLOPE with constants', () => {
    const r = compile('tb = TIME BASE(1970, 0.5) ~~|').model.run();
    expect(Array.from(r.get('tb')!)).toEqual([1971.5, 1972, 1972.5]);
  });

  it('refuses a START or SLOPE that changes during the run, as the page requires constants', () => {
    const e = refusal('tb = TIME BASE(1970, Time) ~~|');
    expect([e.code, e.message, e.column]).toEqual(['E_ARGUMENT', 'tb: the SLOPE of TIME BASE must be a number or a constant (documentation/fn_time_base.html)', 22]);
  });
});
