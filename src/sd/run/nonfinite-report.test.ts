/**
 * A run that saves NaN or ±∞ in a column with no stock downstream (which would stop the run) ends
 * with one warning per root cause: the equation that first made the value from finite inputs, its
 * place, the time, the operation, and how many saved variables it reaches. :NA: (−2^109, src/sd/ir/na.ts) is a
 * number, never reported.
 */
import { describe, expect, it } from 'vitest';
import { GridSheet, toCellValue, type DataHost } from '../data/index.js';
import { compileVensim } from './engine.js';
import { NonFiniteScan, scanResult, scanningSink } from './nonfinite-scan.js';
import { reportLines, type NonFiniteReport } from './nonfinite-report.js';
import type { RunOptions } from './types.js';
import { VENSIM_NA } from '../ir/na.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

function report(eqs: string, options: RunOptions = {}, limit?: number): NonFiniteReport {
  const m = compileVensim(`${eqs}\n${CONTROL}`, { file: 'm.mdl' }).model;
  return m.explainNonFinite(scanResult(m.run(options)), options, limit);
}

describe('non-finite saved values: one warning per root cause', () => {
  it('a division by zero: +∞, the variable, its place, the time and the division, in both languages', () => {
    const r = report('a = 1 ~~|\nb = 0 ~~|\ny = a / b ~~|');
    expect(r.columns).toBe(1);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w).toMatchObject({ variable: 'y', location: 'm.mdl:3:1', time: 0, value: 'Infinity', cause: { kind: 'division-by-zero', op: '/', args: [1, 0] } });
    expect(w.message).toBe('m.mdl:3:1: y became +∞ at time 0: 1 / 0 (division by zero)');
    expect(w.messageEs).toBe('m.mdl:3:1: y se volvió +∞ en el tiempo 0: 1 / 0 (división por cero)');
  });

  it('0 / 0 written in the equation: NaN, named as 0 / 0 (not folded away when the model is read)', () => {
    const r = report('n = 0 / 0 ~~|');
    expect(r.warnings[0]).toMatchObject({ variable: 'n', value: 'NaN', cause: { kind: 'zero-over-zero', op: '/', args: [0, 0] } });
  });

  it('LN of 0 when a stock reaches 0: -∞ at that time', () => {
    const r = report('s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|');
    expect(r.warnings[0]).toMatchObject({ variable: 'x', location: 'm.mdl:2:1', time: 2, value: '-Infinity', cause: { kind: 'ln-domain', op: 'LN', args: [0] } });
    expect(r.warnings[0]!.message).toContain('LN of 0 (LN of 0 or of a negative number is not defined)');
  });

  it('SQRT of a negative number: NaN', () => {
    const r = report('q = SQRT(Time - 3) ~~|');
    expect(r.warnings[0]).toMatchObject({ variable: 'q', time: 0, value: 'NaN', cause: { kind: 'sqrt-domain', op: 'SQRT', args: [-3] } });
  });

  it('EXP overflow: +∞, and ∞ − ∞ afterwards is blamed on the overflow', () => {
    expect(report('z = EXP(1000) ~~|').warnings[0]).toMatchObject({ variable: 'z', value: 'Infinity', cause: { kind: 'overflow', op: 'EXP', args: [1000] } });
    expect(report('e = EXP(800) - EXP(800) ~~|').warnings[0]).toMatchObject({ variable: 'e', value: 'NaN', cause: { kind: 'overflow', op: 'EXP', args: [800] } });
  });

  it('a product beyond 1.8e308 and a negative number to a fractional power', () => {
    expect(report('big = 1e200 ~~|\np = big * big ~~|').warnings[0]!.cause).toEqual({ kind: 'overflow', op: '*', args: [1e200, 1e200] });
    expect(report('k = -8 ~~|\nr = k ^ 0.5 ~~|').warnings[0]!.cause).toEqual({ kind: 'power-domain', op: '^', args: [-8, 0.5] });
  });

  it('a NaN that reaches several variables: one warning naming the root, with how many it reaches', () => {
    const r = report('b = 0 ~~|\nroot = b / b ~~|\nm = root * 2 ~~|\nk = m + 1 ~~|\nj = IF THEN ELSE(Time > 2, k, 0) ~~|');
    expect(r.columns).toBe(4);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w).toMatchObject({ variable: 'root', location: 'm.mdl:2:1', time: 0, cause: { kind: 'zero-over-zero' } });
    expect(w.columns.map((c) => c.name).sort()).toEqual(['j', 'k', 'm', 'root']);
    expect(w.columns.find((c) => c.name === 'j')).toEqual({ name: 'j', time: 3, value: 'NaN', location: 'm.mdl:5:1' });
    expect(w.message).toMatch(/; it reaches 4 saved variables \(.*and 1 more\)$/);
    expect(w.messageEs).toMatch(/; llega a 4 variables de las guardadas \(.*y 1 más\)$/);
  });

  it('two independent causes give two warnings, earliest first', () => {
    const r = report('late = IF THEN ELSE(Time >= 3, LN(0), 1) ~~|\nearly = SQRT(-1) ~~|');
    expect(r.warnings.map((w) => [w.variable, w.time])).toEqual([['early', 0], ['late', 3]]);
  });

  it('caps the warnings and counts the rest', () => {
    const eqs = Array.from({ length: 13 }, (_, i) => `v${i} = ${i} / 0 + Time ~~|`).join('\n');
    const r = report(eqs, {}, 10);
    expect(r.warnings).toHaveLength(10);
    expect(r.more).toBe(3);
    expect(reportLines(r).at(-1)).toEqual({ en: '  … and 3 more causes', es: '  … y 3 causas más' });
  });

  it('the branch IF THEN ELSE does not take, and a NaN a comparison absorbs, are not blamed', () => {
    const r = report('b = 0 ~~|\ny = IF THEN ELSE(b = 0, 0, 1 / b) + IF THEN ELSE(0 / b > 1, 1, 2) * LN(b) ~~|');
    expect(r.warnings[0]!.cause).toEqual({ kind: 'ln-domain', op: 'LN', args: [0] });
  });

  it('a stock whose rate overflows: the rate\'s operation at the step before', () => {
    const r = report('up = INTEG(up * 1e300 + 1e300, 1) ~~|');
    expect(r.warnings[0]).toMatchObject({ variable: 'up', time: 2, value: 'Infinity', cause: { kind: 'overflow', op: '*', args: [2e300, 1e300], at: 1 } });
    expect(r.warnings[0]!.message).toContain('in its rate at time 1, 2e+300 * 1e+300 is beyond the largest number');
  });

  it('with Runge-Kutta integration too: found at the stage that ends the step from 1 to 2', () => {
    const r = report('s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|', { method: 'rk4' });
    expect(r.warnings[0]).toMatchObject({ variable: 'x', time: 1, step: { from: 1, to: 2 }, value: '-Infinity', cause: { kind: 'ln-domain', args: [0] } });
  });

  it('under RK2 and RK4 a stage\'s time (t + dt/2, t + dt) is named as the step the user sees, in both languages', () => {
    // s is 0.5 at time 1: RK4's stage at 1.5 takes s = 0, RK2's at 2 takes s = -0.5; neither is saved.
    const rk4 = report('s = INTEG(-1, 1.5) ~~|\nx = LN(s) ~~|', { method: 'rk4' }).warnings[0]!;
    expect(rk4).toMatchObject({ variable: 'x', time: 1, step: { from: 1, to: 2 }, cause: { kind: 'ln-domain', args: [0] } });
    expect(rk4.message).toBe('m.mdl:2:1: x became -∞ during the step from 1 to 2: LN of 0 (LN of 0 or of a negative number is not defined)');
    expect(rk4.messageEs).toBe('m.mdl:2:1: x se volvió -∞ durante el paso de 1 a 2: LN de 0 (el LN de 0 o de un número negativo no está definido)');
    const rk2 = report('s = INTEG(-1, 1.5) ~~|\nx = LN(s) ~~|', { method: 'rk2' }).warnings[0]!;
    expect(rk2).toMatchObject({ variable: 'x', time: 1, step: { from: 1, to: 2 }, value: 'NaN', cause: { kind: 'ln-domain', args: [-0.5] } });
    expect(rk2.message).toContain('x became NaN during the step from 1 to 2: LN of -0.5');
    // Euler saves that time: no step is named.
    const euler = report('s = INTEG(-1, 1.5) ~~|\nx = LN(s) ~~|').warnings[0]!;
    expect(euler.step).toBeUndefined();
    expect(euler.message).toContain('x became NaN at time 2: LN of -0.5');
  });

  it('under Runge-Kutta, a stock\'s rate at a stage: the step, named once when the stock turned at a stage of it', () => {
    // 1 / (Time - 1.5) divides by zero at RK4's stage at 1.5 only.
    const q = report('q = INTEG(1 / (Time - 1.5), 0) ~~|', { method: 'rk4' }).warnings[0]!;
    expect(q).toMatchObject({ variable: 'q', time: 1, step: { from: 1, to: 2 }, cause: { kind: 'division-by-zero', at: 1, step: { from: 1, to: 2 } } });
    expect(q.message).toBe('m.mdl:1:1: q became +∞ during the step from 1 to 2: in its rate, 1 / 0 (division by zero)');
    expect(q.messageEs).toBe('m.mdl:1:1: q se volvió +∞ durante el paso de 1 a 2: en su flujo, 1 / 0 (división por cero)');
    // RK2: the stock turns at the step's end, from its rate at the stage that ends the step.
    const up = report('up = INTEG(up * 1e300 + 1e300, 1) ~~|', { method: 'rk2' }).warnings[0]!;
    expect(up).toMatchObject({ variable: 'up', time: 1, cause: { kind: 'overflow', at: 0, step: { from: 0, to: 1 } } });
    expect(up.step).toBeUndefined();
    expect(up.message).toContain('up became +∞ at time 1: in its rate during the step from 0 to 1, 2e+300 * 1e+300 is beyond');
    expect(up.messageEs).toContain('up se volvió +∞ en el tiempo 1: en su flujo durante el paso de 0 a 1, 2e+300 * 1e+300 supera');
  });

  it('a run of some columns is diagnosed in its own program', () => {
    const r = report('a = 1 ~~|\nb = 0 ~~|\ny = a / b ~~|\nw = y + 1 ~~|\nok = 3 ~~|', { columns: ['w', 'ok'] });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ variable: 'y', columns: [{ name: 'w', time: 0, value: 'Infinity', location: 'm.mdl:4:1' }] });
  });

  it(':NA: is a number (−2^109), not a non-finite value: no warning', () => {
    const m = compileVensim(`u = :NA: ~~|\nw = u * 2 ~~|\n${CONTROL}`).model;
    const run = m.run();
    expect(run.get('w')![0]).toBe(2 * VENSIM_NA);
    expect(scanResult(run)).toEqual([]);
    expect(m.explainNonFinite([])).toEqual({ warnings: [], more: 0, columns: 0 });
  });

  it('RAW data between its points is :NA: (keywords.html), a number: no warning, but a division beside it still warns', () => {
    const sheet = new GridSheet('d.csv', [[0, 5], [2, 7], [4, 9]].map((r) => r.map((v) => toCellValue(v))));
    const dataHost: DataHost = { readSheet: () => sheet };
    const eqs = "f:RAW: := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\ng = f * 2 ~~|\nzero = 0 ~~|\nh = IF THEN ELSE(Time = 3, 1 / zero, 0) ~~|";
    const m = compileVensim(`${eqs}\n${CONTROL}`, { file: 'm.mdl', dataHost }).model;
    const run = m.run();
    expect(run.get('g')![1]).toBe(2 * VENSIM_NA);
    const found = scanResult(run);
    expect(found.map((f) => f.name)).toEqual(['h']);
    const r = m.explainNonFinite(found);
    expect(r.columns).toBe(1);
    expect(r.warnings.map((w) => [w.variable, w.time, w.cause?.kind])).toEqual([['h', 3, 'division-by-zero']]);
  });

  it('a model with no problem: no warning and no lines', () => {
    const r = report('s = INTEG(1, 2) ~~|\nx = LN(s) ~~|\ny = x / s ~~|');
    expect(r).toEqual({ warnings: [], more: 0, columns: 0 });
    expect(reportLines(r)).toEqual([]);
  });

  it('a streamed run finds the same first values as a run held in memory', () => {
    const m = compileVensim(`s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\nd = 1 / (Time - 3) ~~|\n${CONTROL}`).model;
    const scan = new NonFiniteScan();
    m.stream(scanningSink({ begin() {}, rows() {} }, scan), { blockRows: 2 });
    expect(scan.found()).toEqual(scanResult(m.run()));
    expect(scan.found().map((f) => [f.name, f.time, f.row])).toEqual([['d', 3, 3], ['x', 2, 2]]);
  });
});
