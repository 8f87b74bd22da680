/**
 * Forms the XMILE writer gives Vensim constructs XMILE 1.0 has no word for, each checked the same
 * way: written, read back, run, compared value for value (no tolerance), and the XML text looked at.
 * Where the form is not exact the writer must refuse with a located E_XMILE_WRITE.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { GridSheet, toCellValue, type DataHost } from '../data/index.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { knownTables } from '../run/known-tables.js';
import { writeXmile, type WriteXmileOptions } from './writer.js';
import { VENSIM_NA } from '../ir/na.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 0.25 ~~|\nSAVEPER = 0.25 ~~|\n';

function roundTrip(mdl: string, options: WriteXmileOptions & { control?: string } = {}): string {
  const first = compileVensim(mdl + (options.control ?? CONTROL), { dataHost: options.dataHost });
  const xml = writeXmile(first.ir, options);
  expect(sameKeptColumns(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
  return xml;
}

/** The same under RK4: the .mdl run and the IR given method rk4, the XMILE read with its sim_specs. */
function roundTripRk4(mdl: string): string {
  const first = compileVensim(mdl + CONTROL, { method: 'rk4' });
  const xml = writeXmile({ ...first.ir, method: 'rk4' });
  expect(sameKeptColumns(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
  return xml;
}

function refusal(mdl: string, options: WriteXmileOptions & { control?: string } = {}): ModelError {
  const ir = compileVensim(mdl + (options.control ?? CONTROL), { dataHost: options.dataHost }).ir;
  try {
    writeXmile(ir, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).diagnostics[0]!.code).toBe('E_XMILE_WRITE');
    return e as ModelError;
  }
  throw new Error('the writer did not refuse the model');
}

describe('XMILE writer: MODULO as MOD on magnitudes', () => {
  it('gives the dividend-signed remainder for every sign of dividend and divisor, fractions, zero and infinities', () => {
    const cases: [string, string][] = [['7', '3'], ['-7', '3'], ['7', '-3'], ['-7', '-3'], ['-10', '3'], ['5.5', '2'], ['-5.5', '-2'], ['0', '3'], ['-0.3', '0.1'], ['1e300', '7'], ['7', '0'], ['-7', '1e300']];
    const eqs = cases.map(([a, b], i) => `m${i} = MODULO(${a}, ${b}) ~~|\n`).join('');
    const xml = roundTrip(`${eqs}t = MODULO(Time - 2.1, 0.7) ~~|\nu = MODULO(1.3, Time - 2) ~~|\n`);
    expect(xml).toContain('<aux name="m1"><eqn>IF (-7) &lt; 0 THEN -(ABS(-7) MOD ABS(3)) ELSE ABS(-7) MOD ABS(3)</eqn></aux>');
    // The engine's own numbers: MODULO(−10, 3) = −1 (dividend's sign), MODULO(7, −3) = 1.
    const run = compileXmile(xml).model.run();
    expect(run.get('m4')![0]).toBe(-1);
    expect(run.get('m2')![0]).toBe(1);
    expect(Number.isNaN(run.get('m10')![0])).toBe(true);
  });

  it('refuses a MODULO whose dividend holds a function call (it would be computed three times)', () => {
    const e = refusal('x = MODULO(SMOOTH(Time, 2), 3) ~~|\n');
    expect(e.message).toMatch(/MODULO.*function call/);
    expect(e.diagnostics[0]!.loc?.line).toBe(1);
  });
});

describe('XMILE writer: ELMCOUNT as SIZE', () => {
  it('writes ELMCOUNT of a range, a sub-range and an equivalent range as SIZE of the range written', () => {
    const xml = roundTrip('d: a, b, c ~~|\nsub: a, c ~~|\ncopy <-> d ~~|\nn = ELMCOUNT(d) ~~|\nm = ELMCOUNT(sub) ~~|\nk = ELMCOUNT(copy) ~~|\nv[d] = n * 10 + ELMCOUNT(sub) ~~|\n');
    expect(xml).toContain('<aux name="n"><eqn>SIZE(d)</eqn></aux>');
    expect(xml).toContain('<aux name="m"><eqn>SIZE(sub)</eqn></aux>');
    expect(xml).toContain('<aux name="k"><eqn>SIZE(d)</eqn></aux>');
    expect(compileXmile(xml).model.run().get('m')![0]).toBe(2);
  });
});

describe('XMILE writer: time settings given by constant expressions', () => {
  it('writes the number a constant expression computes (−10, a sum of constants, a constant named)', () => {
    const control = 'INITIAL TIME = -10 ~~|\nFINAL TIME = span / 2 + 1 ~~|\nspan = 9 ~~|\nTIME STEP = 1 / 8 ~~|\nSAVEPER = TIME STEP ~~|\n';
    const xml = roundTrip('s = INTEG(1, 0) ~~|\n', { control });
    expect(xml).toContain('<start>-10</start><stop>5.5</stop><dt>0.125</dt>');
  });

  it('writes SAVEPER = INITIAL(TIME STEP), the form converted models give, as the number', () => {
    const control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 0.25 ~~|\nSAVEPER = INITIAL(TIME STEP) ~~|\n';
    const xml = roundTrip('s = INTEG(1, 0) ~~|\n', { control });
    expect(xml).toContain('<dt>0.25</dt>');
    expect(xml).not.toContain('INITIAL');
  });

  it('refuses a final time that changes during the run, at its line', () => {
    const control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = IF THEN ELSE(Time < 5, 10, 20) ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
    const e = refusal('s = INTEG(1, 0) ~~|\n', { control });
    expect(e.message).toMatch(/FINAL TIME changes during the run/);
    expect(e.diagnostics[0]!.loc?.line).toBe(3);
  });
});

describe('XMILE writer: XMILE built-ins read into the reader macros are written back', () => {
  it('writes INT, MOD, PULSE, SMTHN and DELAYN back as XMILE calls that read into the same run', () => {
    const src = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>t</vendor><product version="1">t</product></header>
  <sim_specs><start>0</start><stop>5</stop><dt>0.5</dt></sim_specs>
  <model><variables>
    <aux name="i"><eqn>INT(TIME - 2.3)</eqn></aux>
    <aux name="m"><eqn>(TIME - 2.6) MOD 1.5 * 2</eqn></aux>
    <aux name="p"><eqn>PULSE(3, 1, 2)</eqn></aux>
    <aux name="s"><eqn>SMTHN(TIME, 2, 3)</eqn></aux>
    <aux name="d"><eqn>DELAYN(TIME, 2, 3)</eqn></aux>
  </variables></model>
</xmile>`;
    const first = compileXmile(src);
    const xml = writeXmile(first.ir);
    expect(xml).toContain('<eqn>INT(TIME - 2.3)</eqn>');
    expect(xml).toContain('<eqn>(TIME - 2.6) MOD 1.5 * 2</eqn>');
    expect(xml).toContain('<eqn>PULSE(3, 1, 2)</eqn>');
    expect(xml).not.toContain('<macro');
    expect(sameKeptColumns(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
  });
});

describe('XMILE writer: names with a backslash', () => {
  it('escapes the backslash as \\\\ in the name attribute and in quoted names, keeping "\\n" in a name as two characters', () => {
    const xml = roundTrip('"a \\ b" = 2 ~~|\n"c \\n d" = "a \\ b" * 3 ~~|\n');
    expect(xml).toContain('<aux name="a_\\\\_b">');
    expect(xml).toContain('<aux name="c_\\\\n_d"><eqn>&quot;a_\\\\_b&quot; * 3</eqn>');
    expect(compileXmile(xml).model.run().names).toContain('c \\n d');
  });
});

describe('XMILE writer: GET DIRECT CONSTANTS as numbers', () => {
  const sheet = new GridSheet('c.csv', [[1.5, 2, 3], [4, -5, 0.1]].map((r) => r.map((v) => toCellValue(v))));
  const host: DataHost = { readSheet: () => sheet };
  const model = "r: r1, r2 ~~|\nc: c1, c2, c3 ~~|\nk = GET DIRECT CONSTANTS('c.csv', ',', 'B1') ~~|\nx[r, c] = GET DIRECT CONSTANTS('c.csv', ',', 'A1') ~~|\nrow[c] = GET DIRECT CONSTANTS('c.csv', ',', 'A2') ~~|\n";

  it('writes each element the number the engine read there', () => {
    const xml = roundTrip(model, { dataHost: host });
    expect(xml).toContain('<aux name="k"><eqn>2</eqn></aux>');
    expect(xml).toContain('<element subscript="r2, c2"><eqn>(-5)</eqn></element>');
    expect(xml).toContain('<element subscript="c3"><eqn>0.1</eqn></element>');
    expect(xml).not.toContain('GET');
  });

  it('refuses with a located reason when no data files are given to the writer', () => {
    const ir = compileVensim(model + CONTROL, { dataHost: host }).ir;
    expect(() => writeXmile(ir)).toThrow(/GET DIRECT CONSTANTS: the writer was given no data files/);
  });
});

describe('XMILE writer: data variables and GET … LOOKUPS as graphical functions', () => {
  // Times down column A, two series in B and C; a lookup's x in row 1 and y in row 2 of another sheet.
  const down = new GridSheet('d.csv', [[0, 1, 10], [1.5, 4, -2], [2.25, 0.3, 7], [3, 8, 7]].map((r) => r.map((v) => toCellValue(v))));
  const across = new GridSheet('l.csv', [[0, 1, 3], [5, 6, 0.5], [1, 2, 4]].map((r) => r.map((v) => toCellValue(v))));
  const host: DataHost = { readSheet: (file) => (file === 'd.csv' ? down : across) };
  const known = (mdl: string) => {
    const first = compileVensim(mdl + CONTROL, { dataHost: host });
    return { first, known: knownTables(first.model) };
  };
  const run = (mdl: string) => {
    const { first, known: k } = known(mdl);
    const xml = writeXmile(first.ir, { known: k });
    expect(sameKeptColumns(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
    return xml;
  };

  it('writes interpolated data as a continuous graphical function of TIME, held data as a discrete one', () => {
    const xml = run("s: s1, s2 ~~|\nd := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\nh[s]:HOLD BACKWARD: := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\ny = d * 2 + h[s2] ~~|\n");
    expect(xml).toContain('<aux name="d"><eqn>TIME</eqn><gf><xscale min="0" max="3"/><yscale min="0.3" max="8"/><xpts>0,1.5,2.25,3</xpts><ypts>1,4,0.3,8</ypts></gf></aux>');
    expect(xml).toContain('<element subscript="s2"><eqn>TIME</eqn><gf type="discrete"><xscale min="0" max="3"/><yscale min="-2" max="10"/><xpts>0,1.5,2.25,3</xpts><ypts>10,-2,7,7</ypts></gf></element>');
  });

  it('writes GET DIRECT LOOKUPS and an arrayed lookup as one graphical function per element, called through LOOKUP', () => {
    const xml = run("s: s1, s2 ~~|\ng[s]( GET DIRECT LOOKUPS('l.csv', ',', '1', 'A2') ) ~~|\nt[s]((0,0),(4,2)) ~~|\ny[s] = g[s](Time) + t[s](Time / 2) ~~|\nz = g[s1](1.2) ~~|\n");
    expect(xml).toContain('<aux name="g"><dimensions><dim name="s"/></dimensions><element subscript="s1"><gf><xscale min="0" max="3"/><yscale min="0.5" max="6"/><xpts>0,1,3</xpts><ypts>5,6,0.5</ypts></gf></element>');
    expect(xml).toContain('<eqn>LOOKUP(g[s1], 1.2)</eqn>');
  });

  it('writes data read looking forward as a discrete graphical function of −TIME over the mirrored points', () => {
    const xml = run("f:LOOK FORWARD: := GET DIRECT DATA('d.csv', ',', 'A', 'C1') ~~|\n");
    expect(xml).toContain('<aux name="f"><eqn>-TIME</eqn><gf type="discrete"><xscale min="-3" max="0"/><yscale min="-2" max="10"/><xpts>-3,-2.25,-1.5,0</xpts><ypts>7,7,-2,10</ypts></gf></aux>');
    // Between 0 and 1.5 the next point's value (−2), at 1.5 its own, after the data the last.
    const r = compileXmile(xml).model.run();
    expect([r.get('f')![0], r.get('f')![1], r.get('f')![6], r.get('f')![16]]).toEqual([10, -2, -2, 7]);
  });

  it('writes a variable partly data, partly numbers, with one-point graphical functions for the numbers, in the data type', () => {
    const xml = run("k: data, c1, c2 ~~|\nv[data]:HOLD BACKWARD: := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\nv[c1] = 3 ~~|\nv[c2] = -0.5 ~~|\nw[k] = v[k] * 2 ~~|\n");
    expect(xml).toContain('<element subscript="c2"><eqn>TIME</eqn><gf type="discrete"><xscale min="0" max="0"/><yscale min="-0.5" max="-0.5"/><xpts>0</xpts><ypts>-0.5</ypts></gf></element>');
    expect(() => writeXmile(known("k: data, c1 ~~|\nv[data] := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\nv[c1] = Time ~~|\n").first.ir, { known: known("k: data, c1 ~~|\nv[data] := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\nv[c1] = Time ~~|\n").known })).toThrow(/v is data for some elements and an equation that is not a number/);
  });

  it('writes raw data as its value at its own times and :NA: elsewhere, with two discrete functions of TIME', () => {
    // Data times 0, 1.5, 2.25, 3 and steps of 0.25: before, at, between and after the points.
    const xml = run("s: s1, s2 ~~|\nf:RAW: := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\ng[s1]:RAW: := GET DIRECT DATA('d.csv', ',', 'A', 'C1') ~~|\ng[s2] = 4 ~~|\ny = f * 2 + g[s1] ~~|\n");
    expect(xml).toContain('<aux name="f"><eqn>IF f_lookup_1(TIME) = TIME THEN f_lookup_2(TIME) ELSE (-6.490371073168535e+32)</eqn></aux>');
    expect(xml).toContain('<gf name="f_lookup_1" type="discrete"><xscale min="0" max="3"/><yscale min="0" max="3"/><xpts>0,1.5,2.25,3</xpts><ypts>0,1.5,2.25,3</ypts></gf>');
    expect(xml).toContain('<element subscript="s1"><eqn>IF g_lookup_1(TIME) = TIME THEN g_lookup_2(TIME) ELSE (-6.490371073168535e+32)</eqn></element>');
    const f = compileXmile(xml).model.run().get('f')!;
    expect([f[0], f[6], f[9], f[12]]).toEqual([1, 4, 0.3, 8]);
    expect([f[1], f[7], f[10], f[13]]).toEqual([VENSIM_NA, VENSIM_NA, VENSIM_NA, VENSIM_NA]);
  });

  it('refuses data when no tables are given, at the variable', () => {
    const { first } = known("f:RAW: := GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|\n");
    expect(() => writeXmile(first.ir)).toThrow(/f is a data variable, and the writer was given no tables/);
  });
});

describe('XMILE writer: test inputs and QUANTUM as conditions (Euler)', () => {
  it('writes PULSE TRAIN with the engine rule: tolerance DT/1000, width 0 as DT, interval 0 as one pulse', () => {
    const xml = roundTrip('w = 0.5 ~~|\na = PULSE TRAIN(1, w, 1.25, 3.5) ~~|\nb = PULSE TRAIN(0.5, 0, 1, 4) ~~|\nc = PULSE TRAIN(2, 1, 0, 4) ~~|\nd = PULSE TRAIN(Time / 2, w, 1, 3) ~~|\n');
    expect(xml).toContain('<aux name="b"><eqn>IF TIME + DT * 0.001 &lt; 0.5 OR TIME - DT * 0.001 &gt; 4 THEN 0 ELSE IF 1 &lt;= 0 THEN IF TIME + DT * 0.001 &lt; 0.5 + DT THEN 1 ELSE 0 ELSE IF (TIME + DT * 0.001 - 0.5) MOD 1 &lt; DT THEN 1 ELSE 0</eqn></aux>');
    expect(compileXmile(xml).model.run().get('a')!.reduce((n, v) => n + v, 0)).toBeGreaterThan(0);
  });

  it('writes RAMP whose start and end are variables as the engine rule', () => {
    const xml = roundTrip('s = 1 ~~|\ne = 2.5 ~~|\nr = RAMP(2, s, e) ~~|\nq = RAMP(-1, e, s) ~~|\n');
    expect(xml).toContain('<eqn>IF TIME + DT * 0.001 &lt; s THEN 0 ELSE 2 * ((IF TIME &gt; e THEN e ELSE TIME) - s)</eqn>');
  });

  it('writes QUANTUM as a condition and a truncation, and GET TIME VALUE of simulation or initial time', () => {
    const xml = roundTrip('a = QUANTUM(Time - 2.05, 0.3) ~~|\nb = QUANTUM(7, 0) ~~|\nc = QUANTUM(-Time, -1) ~~|\ng = GET TIME VALUE(0, 0.5, 0) ~~|\nh = GET TIME VALUE(1, -2, 0) ~~|\n');
    expect(xml).toContain('<aux name="g"><eqn>TIME + 0.5</eqn></aux>');
    expect(xml).toContain('<aux name="h"><eqn>STARTTIME + (-2)</eqn></aux>');
  });

  it('refuses PULSE TRAIN under Runge-Kutta, where the engine holds it at the step time and XMILE TIME moves through the stages', () => {
    const ir = compileVensim('a = PULSE TRAIN(1, 0.5, 1, 3) ~~|\n' + CONTROL).ir;
    expect(() => writeXmile(ir)).not.toThrow();
    expect(() => writeXmile({ ...ir, method: 'rk4' })).toThrow(/PULSE TRAIN under Runge-Kutta/);
  });
});

describe('XMILE writer: a range read by GET DIRECT SUBSCRIPT', () => {
  it('writes the elements the engine read, and refuses without data files, at the range', () => {
    const sheet = new GridSheet('s.csv', [['North'], ['South'], ['East']].map((r) => r.map((v) => toCellValue(v))));
    const host: DataHost = { readSheet: () => sheet };
    const mdl = "reg: GET DIRECT SUBSCRIPT('s.csv', ',', 'A1', 'A3', '') ~~|\nv[reg] = reg * 2 ~~|\nt = SUM(v[reg!]) ~~|\n";
    const xml = roundTrip(mdl, { dataHost: host });
    expect(xml).toContain('<dim name="reg"><elem name="North"/><elem name="South"/><elem name="East"/></dim>');
    const ir = compileVensim(mdl + CONTROL, { dataHost: host }).ir;
    expect(() => writeXmile(ir)).toThrow(/:1:1: .*reg takes its elements from a data file \(GET DIRECT SUBSCRIPT\), and the writer was given no data files/);
  });
});

describe('XMILE writer: LOOKUP FORWARD as a discrete graphical function of −x over the mirrored points', () => {
  it('gives the first point at or after x, before, at, between and past the points, beside other uses of the lookup', () => {
    // Inputs from −1.5 to 4.5 in steps of 0.375 hit every point exactly, run between them and past both ends.
    const xml = roundTrip('tab( (0,3),(1.5,-2),(2.25,7),(3,1) ) ~~|\ny = LOOKUP FORWARD(tab, Time * 1.5 - 1.5) ~~|\nz = tab(Time) ~~|\n');
    expect(xml).toContain('<aux name="y"><eqn>y_lookup_1(-(TIME * 1.5 - 1.5))</eqn></aux>');
    expect(xml).toContain('<gf name="y_lookup_1" type="discrete"><xscale min="-3" max="0"/><yscale min="-2" max="7"/><xpts>-3,-2.25,-1.5,0</xpts><ypts>1,7,-2,3</ypts></gf>');
    // The original keeps its own type (continuous: used also as a plain lookup).
    expect(xml).toContain('<gf name="tab"><xscale');
    const y = compileXmile(xml).model.run().get('y')!;
    // x = −1.5 (before: the first point), 0 (at it), 0.375 → the point at 1.5, 1.5 (at it), 1.875 → 2.25,
    // 2.25 (at it), 2.625 → 3, 3 (at it), 4.5 (past: the last point).
    expect([0, 4, 5, 8, 9, 10, 11, 12, 16].map((i) => y[i])).toEqual([3, 3, -2, -2, 7, 7, 1, 1, 1]);
  });

  it('takes the first of two points at the same x, and the ends for infinite inputs', () => {
    const xml = roundTrip('tab( (0,3),(1,-2),(1,5),(2,1) ) ~~|\nup = LOOKUP FORWARD(tab, Time * 1e308 * 10) ~~|\ndown = LOOKUP FORWARD(tab, -Time * 1e308 * 10) ~~|\nc = LOOKUP FORWARD(tab, Time - 1) ~~|\n');
    expect(xml).toContain('<xpts>-2,-1,-1,0</xpts><ypts>1,5,-2,3</ypts>');
    const r = compileXmile(xml).model.run();
    // +∞ is past the last point (its y), −∞ before the first; x = 0.25 and x = 1 take (1, −2), the first at 1.
    expect([r.get('up')![4], r.get('down')![4], r.get('c')![5], r.get('c')![8]]).toEqual([1, 3, -2, -2]);
  });

  it('refuses LOOKUP FORWARD on an element of an arrayed lookup', () => {
    const e = refusal('s: s1, s2 ~~|\nt[s]( (0,1),(2,3) ) ~~|\ny = LOOKUP FORWARD(t[s1], Time) ~~|\n');
    expect(e.message).toMatch(/LOOKUP FORWARD on something other than a scalar lookup/);
    expect(e.diagnostics[0]!.loc?.line).toBe(3);
  });
});

describe('XMILE writer: GAME and :NA:', () => {
  it('writes GAME(x) as x (fn_game: its input outside a game), in place and in an expression', () => {
    const xml = roundTrip('workforce = INTEG(hiring, 10) ~~|\ndesired workforce = 20 ~~|\nadjustment time = 5 ~~|\nhiring = GAME((desired workforce - workforce) / adjustment time) ~~|\ng = 2 * GAME(Time + 1) ~~|\n');
    expect(xml).toContain('<eqn>(desired_workforce - workforce) / adjustment_time</eqn>');
    expect(xml).toContain('<aux name="g"><eqn>2 * (TIME + 1)</eqn></aux>');
  });

  it('writes :NA: as the engine\'s number for it, −2^109, in an expression and as a whole equation', () => {
    const xml = roundTrip('m = IF THEN ELSE(Time > 2, :NA:, Time) ~~|\nn = :NA: ~~|\nk = n * 2 ~~|\n');
    expect(xml).toContain('<aux name="m"><eqn>IF TIME &gt; 2 THEN (-6.490371073168535e+32) ELSE TIME</eqn></aux>');
    const r = compileXmile(xml).model.run();
    expect([r.get('n')![0], r.get('m')![16], r.get('k')![0]]).toEqual([VENSIM_NA, VENSIM_NA, 2 * VENSIM_NA]);
  });
});

describe('XMILE writer: FORECAST with SMTH1 and ZIDZ', () => {
  it('gives FORECAST\'s numbers for a rising, a falling-through-zero and a constant input, with a varying horizon (Euler and RK4)', () => {
    // fn_forecast: input × (1 + trend × horizon); an input that turns negative makes the average negative.
    const mdl = 'sales = 100 + 20 * Time ~~|\nswing = 3 - 2 * Time ~~|\nflat = 7 ~~|\nh = 1 + Time / 4 ~~|\nf1 = FORECAST(sales, 2, 3) ~~|\nf2 = FORECAST(swing, 1.5, h) ~~|\nf3 = FORECAST(flat, 0.5, 10) ~~|\nf4 = 1 + FORECAST(swing * 2, 0.75, 2) ~~|\n';
    const xml = roundTrip(mdl);
    expect(xml).toContain('<aux name="f1"><eqn>sales * (1 + (IF ABS(2 * SMTH1(sales, 2, sales / (1 + 0 * 2))) &lt; 1E-6 THEN 0 ELSE (sales - SMTH1(sales, 2, sales / (1 + 0 * 2))) / (2 * SMTH1(sales, 2, sales / (1 + 0 * 2)))) * 3)</eqn></aux>');
    expect(compileXmile(xml).model.run().get('f3')!.every((v) => v === 7)).toBe(true);
    expect(roundTripRk4(mdl)).toContain('method="rk4"');
  });

  it('refuses FORECAST whose input holds a function call, at its line', () => {
    const e = refusal('x = 1 ~~|\nf = FORECAST(SMOOTH(Time, 2), 3, 4) ~~|\n');
    expect(e.message).toMatch(/FORECAST whose input or average time holds a function call/);
    expect(e.diagnostics[0]!.loc?.line).toBe(2);
  });
});

describe('XMILE writer: SAMPLE IF TRUE as IF … ELSE DELAY(itself, DT, initial)', () => {
  it('takes the input while the condition holds and keeps the last value taken, from the initial time on (fn_sample_if_true)', () => {
    // The condition holds at the start (a), only later (b: the initial value first), on and off (c), never (d).
    const mdl = 'price = 10 + Time * Time ~~|\na = SAMPLE IF TRUE(Time <= 1, price, -1) ~~|\nb = SAMPLE IF TRUE(Time >= 2, price, 0) ~~|\nc = SAMPLE IF TRUE(MODULO(Time, 1) = 0, price * 2, price) ~~|\nd = SAMPLE IF TRUE(0, price, 5) ~~|\ns = INTEG(a, b) ~~|\n';
    const xml = roundTrip(mdl);
    expect(xml).toContain('<flow name="a"><eqn>IF TIME &lt;= 1 THEN price ELSE DELAY(a, DT, -1)</eqn></flow>');
    const r = compileXmile(xml).model.run();
    expect([r.get('a')![0], r.get('a')![4], r.get('a')![5], r.get('a')![16]]).toEqual([10, 11, 11, 11]);
    expect([r.get('b')![0], r.get('b')![7], r.get('b')![8]]).toEqual([0, 0, 14]);
    expect([r.get('c')![1], r.get('c')![4], r.get('c')![5]]).toEqual([20, 22, 22]);
  });

  it('writes an arrayed SAMPLE IF TRUE naming its own element', () => {
    const xml = roundTrip('d1: x1, x2 ~~|\nd2: y1, y2, y3 ~~|\nv[d2] = Time * 3 - 5 + d2 ~~|\ng[d1] = Time - d1 * 1.5 ~~|\nsm[d1, d2] = SAMPLE IF TRUE(g[d1] < 0, v[d2], d1 * 10) ~~|\nse[x1] = 0 ~~|\nse[x2] = SAMPLE IF TRUE(g[x2] > 1, v[y3], 7) ~~|\n');
    expect(xml).toContain('<aux name="sm"><dimensions><dim name="d1"/><dim name="d2"/></dimensions><eqn>IF g[d1] &lt; 0 THEN v[d2] ELSE DELAY(sm[d1, d2], DT, d1 * 10)</eqn></aux>');
    expect(xml).toContain('<element subscript="x2"><eqn>IF g[x2] &gt; 1 THEN v[y3] ELSE DELAY(se[x2], DT, 7)</eqn></element>');
  });

  it('refuses it reading itself, and under Runge-Kutta (stages move what it holds), at its line', () => {
    const self = refusal('x = 1 ~~|\ny = SAMPLE IF TRUE(y < 3, Time, 0) ~~|\n');
    expect(self.message).toMatch(/SAMPLE IF TRUE whose condition or input reads the variable itself/);
    expect(self.diagnostics[0]!.loc?.line).toBe(2);
    const ir = compileVensim('y = SAMPLE IF TRUE(Time > 1, Time, 0) ~~|\n' + CONTROL).ir;
    expect(() => writeXmile({ ...ir, method: 'rk4' })).toThrow(/SAMPLE IF TRUE under Runge-Kutta/);
    // Why: a condition true only at the half-step stages (t + DT/2) makes the engine take the stage's
    // input, which the Euler form, run under RK4, never sees.
    const mdl = 'c = SAMPLE IF TRUE(MODULO(Time, 0.5) = 0.125, 10 + Time, 10) ~~|\n' + CONTROL;
    const rk = compileVensim(mdl, { method: 'rk4' });
    const form = writeXmile(compileVensim(mdl).ir).replace('method="euler"', 'method="rk4"');
    expect(rk.model.run().get('c')![1]).toBe(10.125);
    expect(compileXmile(form).model.run().get('c')![1]).toBe(10);
  });
});

describe('XMILE writer: an iterated subscript inside an element-wise function within an array function', () => {
  it('writes x[d!] as x[*] in IF THEN ELSE, ABS and ZIDZ arguments inside VMAX, SUM and PROD', () => {
    const mdl = 'd: a, b, c ~~|\ne: p, q ~~|\nx[d] = d * 2 - 3 ~~|\ny[d, e] = Time * d - e ~~|\nm[e] = VMAX(IF THEN ELSE(Time > 1, x[d!], y[d!, e])) ~~|\nn = SUM(ABS(x[d!]) * 2) ~~|\np = PROD(ZIDZ(1, x[d!]) + 1) ~~|\n';
    const xml = roundTrip(mdl);
    expect(xml).toContain('<eqn>MAX(IF TIME &gt; 1 THEN x[*] ELSE y[*, e])</eqn>');
    expect(xml).toContain('<aux name="n"><eqn>SUM(ABS(x[*]) * 2)</eqn></aux>');
    expect(xml).toContain('<aux name="p"><eqn>PROD((IF ABS(x[*]) &lt; 1E-6 THEN 0 ELSE 1 / x[*]) + 1)</eqn></aux>');
  });

  it('refuses it in an argument of MAX within VMIN (XMILE reads MAX of two arrays as the largest of all their elements), at the subscript', () => {
    const e = refusal('d: a, b, c ~~|\nx[d] = d ~~|\ny[d] = 2 ~~|\nk = VMIN(MAX(x[d!], y[d!]) - 1) ~~|\n');
    expect(e.message).toMatch(/d! outside an array function, or inside one in an argument of MIN, MAX/);
    expect(e.diagnostics[0]!.loc?.line).toBe(4);
  });
});

describe('XMILE writer: VECTOR SELECT element by element', () => {
  // fn_vector_select: a selection of zeros and non-zeros over the expression's elements; actions 0–10.
  const base = 'task: design, prototype, test, build ~~|\nstaff: joe, jen ~~|\nsel[task] = 1, 0, -2, 0.5 ~~|\nnone[task] = 0 ~~|\nv[task] = Time * task - 3 ~~|\nassign[task, staff] = IF THEN ELSE(task + staff > Time + 2, staff, 0) ~~|\n';
  const actions = Array.from({ length: 11 }, (_, k) => `a${k} = VECTOR SELECT(sel[task!], v[task!], -7, ${k}, 0) ~~|\nz${k} = VECTOR SELECT(none[task!], v[task!], -7, ${k}, 0) ~~|\n`).join('');

  it('gives every numerical action\'s number, weighted and not, and the missing value for an all-zero selection', () => {
    const xml = roundTrip(base + actions);
    expect(xml).toContain('<aux name="a0"><eqn>IF sel[design] = 0 AND sel[prototype] = 0 AND sel[test] = 0 AND sel[build] = 0 THEN -7 ELSE 0 + (IF sel[design] = 0 THEN 0 ELSE v[design] * sel[design]) + (IF sel[prototype] = 0 THEN 0 ELSE v[prototype] * sel[prototype]) + (IF sel[test] = 0 THEN 0 ELSE v[test] * sel[test]) + (IF sel[build] = 0 THEN 0 ELSE v[build] * sel[build])</eqn></aux>');
    expect(xml).toContain('<aux name="a8"><eqn>IF sel[design] = 0 AND sel[prototype] = 0 AND sel[test] = 0 AND sel[build] = 0 THEN -7 ELSE MIN(MIN(MIN(MIN(INF, IF sel[design] = 0 THEN INF ELSE v[design]),');
    const r = compileXmile(xml).model.run();
    // At Time 1: v = −2, −1, 0, 1 and sel = 1, 0, −2, 0.5: weighted sum −2 + 0 + 0.5, mean of three.
    expect([r.get('a0')![4], r.get('a4')![4], r.get('a6')![4], r.get('z3')![4]]).toEqual([-1.5, -0.5, -1, -7]);
  });

  it('walks a matrix along the marked range for each element of the other, and an action that changes in the run', () => {
    const xml = roundTrip(`${base}w[staff] = VECTOR SELECT(assign[task!, staff], v[task!], 0, 9, 0) ~~|\nact = INTEGER(Time * 2.5) ~~|\nk = VECTOR SELECT(sel[task!], v[task!], 0, act, 0) ~~|\n`);
    expect(xml).toContain('<aux name="w"><dimensions><dim name="staff"/></dimensions><eqn>IF assign[design, staff] = 0 AND');
    expect(xml).toContain('<aux name="k"><eqn>IF sel[design] = 0 AND sel[prototype] = 0 AND sel[test] = 0 AND sel[build] = 0 THEN 0 ELSE IF act = 0 THEN 0 + ');
    expect(xml).toMatch(/ELSE IF act = 10 THEN .* ELSE \(-6\.490371073168535e\+32\)<\/eqn><\/aux>/);
  });

  it('refuses an error action other than 0, and a selection holding a function call, at the call', () => {
    const e = refusal(`${base}x = VECTOR SELECT(sel[task!], v[task!], 0, 0, 1) ~~|\n`);
    expect(e.message).toMatch(/VECTOR SELECT with an error action other than 0/);
    expect(e.diagnostics[0]!.loc?.line).toBe(7);
    expect(refusal(`${base}x = VECTOR SELECT(ABS(sel[task!]), v[task!], 0, 0, 0) ~~|\n`).message).toMatch(/selection or values hold a function call/);
  });
});

describe('XMILE writer: VECTOR SORT ORDER with RANK', () => {
  it('gives the engine\'s order ascending and descending, ties by position, along the last range, and for a direction that changes', () => {
    const mdl = 'd: d1, d2, d3, d4 ~~|\nr: r1, r2 ~~|\nv[d] = 3, 1, 2, 1 ~~|\nm[r, d] = (d - 2.5) * (d - 2.5) * r - Time ~~|\nup[d] = VECTOR SORT ORDER(v[d], 1) ~~|\ndown[d] = VECTOR SORT ORDER(v[d], -1) ~~|\nrows[r, d] = VECTOR SORT ORDER(m[r, d], 1) ~~|\ndir = IF THEN ELSE(Time > 2, 1, 0) ~~|\nflip[d] = VECTOR SORT ORDER(v[d] * Time, dir) ~~|\n';
    const xml = roundTrip(mdl);
    expect(xml).toContain('<aux name="up"><dimensions><dim name="d"/></dimensions><eqn>RANK(v[*], d) - 1</eqn></aux>');
    expect(xml).toContain('<aux name="down"><dimensions><dim name="d"/></dimensions><eqn>RANK(-v[*], d) - 1</eqn></aux>');
    const r = compileXmile(xml).model.run();
    // v = 3, 1, 2, 1: ascending positions 1, 3, 2, 0; descending 0, 2, 1, 3 (ties by position).
    expect(['d1', 'd2', 'd3', 'd4'].map((e) => r.get(`up[${e}]`)![0])).toEqual([1, 3, 2, 0]);
    expect(['d1', 'd2', 'd3', 'd4'].map((e) => r.get(`down[${e}]`)![0])).toEqual([0, 2, 1, 3]);
  });

  it('gives VECTOR RANK, the rank of each element in the same sort, as the rank whose RANK is its place', () => {
    const xml = roundTrip('d: d1, d2, d3, d4 ~~|\nv[d] = 3, 1, 2, 1 ~~|\nw[d] = v[d] * (Time - 2) ~~|\nup[d] = VECTOR RANK(v[d], 1) ~~|\ndown[d] = VECTOR RANK(w[d], 0) ~~|\n');
    expect(xml).toContain('<aux name="up"><dimensions><dim name="d"/></dimensions><eqn>0 + (IF RANK(v[*], 1) = d THEN 1 ELSE 0) + (IF RANK(v[*], 2) = d THEN 2 ELSE 0) + (IF RANK(v[*], 3) = d THEN 3 ELSE 0) + (IF RANK(v[*], 4) = d THEN 4 ELSE 0)</eqn></aux>');
    const r = compileXmile(xml).model.run();
    // v = 3, 1, 2, 1 ascending: d2, d4, d3, d1, so the ranks are 4, 1, 3, 2.
    expect(['d1', 'd2', 'd3', 'd4'].map((e) => r.get(`up[${e}]`)![0])).toEqual([4, 1, 3, 2]);
  });

  it('writes VECTOR REORDER as the vector at a computed subscript, the sort order + 1, over the range and through a mapping', () => {
    const mdl = 'd: d1, d2, d3, d4 -> p ~~|\np: p1, p2, p3, p4 -> d ~~|\nr: r1, r2 ~~|\nv[d] = 3, 1, 2, 1 ~~|\nm[r, d] = (d - 2.5) * (d - 2.5) * r - Time ~~|\no[d] = VECTOR SORT ORDER(v[d], 1) ~~|\nsorted[d] = VECTOR REORDER(v[d], o[d]) ~~|\nom[r, p] = VECTOR SORT ORDER(m[r, d], 0) ~~|\nsm[r, p] = VECTOR REORDER(m[r, d], om[r, p]) ~~|\n';
    const xml = roundTrip(mdl);
    expect(xml).toContain('<aux name="sorted"><dimensions><dim name="d"/></dimensions><eqn>v[o[d] + 1]</eqn></aux>');
    expect(xml).toContain('<element subscript="r2, p3"><eqn>m[r2, om[r2, p3] + 1]</eqn></element>');
    const r = compileXmile(xml).model.run();
    expect(['d1', 'd2', 'd3', 'd4'].map((e) => r.get(`sorted[${e}]`)![0])).toEqual([1, 1, 2, 3]);
  });
});
