/**
 * XMILE 1.0 (OASIS Standard, 14 December 2015) expressions and built-ins, each checked on a small
 * model. The expected values come from the standard's text (quoted or paraphrased beside each
 * test, with the arithmetic), never from this engine's output: §3.2 conventions, §3.3 operators
 * and statements, §3.4 simulation specs, §3.5 built-in functions, §3.7.1 arrays, §4.1.3
 * graphical functions, §4.2–4.3 stock and flow options.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { close, columnReader, firstDiagnostic, xmileDoc, type DocOptions } from './test-support.js';

function run(variables: string, o: DocOptions = {}): (name: string) => number[] {
  const { model } = compileXmile(xmileDoc(variables, o), { file: 'spec.xmile' });
  return columnReader(model.run());
}

/** One value per aux at the start time, for expressions that do not depend on time. */
function values(eqns: Record<string, string>, o: DocOptions = {}): Record<string, number> {
  const vars = Object.entries(eqns)
    .map(([n, e]) => `<aux name="${n}"><eqn>${e.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</eqn></aux>`)
    .join('\n');
  const col = run(vars, { stop: 0, ...o });
  return Object.fromEntries(Object.keys(eqns).map((n) => [n, col(n)[0]!]));
}

function expectValues(got: Record<string, number>, want: Record<string, number>): void {
  for (const [n, w] of Object.entries(want)) expect([n, got[n]]).toEqual([n, expect.closeTo(w, 9)]);
}

describe('§3.3.1 operators: precedence and associativity', () => {
  it('^ is right to left and above unary minus: 2^3^2 = 2^9, -2^2 = -(2^2), (-3)^2 = 9, 2^-1 = 0.5', () => {
    expectValues(values({ a: '2^3^2', b: '-2^2', c: '(-3)^2', d: '2^-1', e: '-2^-2' }), { a: 512, b: -4, c: 9, d: 0.5, e: -0.25 });
  });

  it('NOT is a unary operator, above + and the relations: NOT 0 + 1 = (NOT 0) + 1 = 2; NOT 3 = 0 is (NOT 3) = 0, true', () => {
    expectValues(values({ a: 'NOT 0 + 1', b: 'NOT 3 = 0', c: 'NOT (0 + 1)' }), { a: 2, b: 1, c: 0 });
  });

  it('relations bind tighter than equality: 3 = 3 > 2 is 3 = (3 > 2) = (3 = 1) = 0; 1 < 2 = 1 is (1 < 2) = 1 = 1', () => {
    expectValues(values({ a: '3 = 3 > 2', b: '1 < 2 = 1', c: '2 <> 1 + 1' }), { a: 0, b: 1, c: 0 });
  });

  it('AND above OR, and logical results are 0 or 1 (never the operand): 5 AND 3 = 1, 0 OR 7 = 1', () => {
    // 1 OR 0 AND 0 = 1 OR (0 AND 0) = 1; 0 AND 1 OR 1 = (0 AND 1) OR 1 = 1; (2 > 1) + (1 > 2) = 1 + 0.
    expectValues(values({ a: '1 OR 0 AND 0', b: '0 AND 1 OR 1', c: '5 AND 3', d: '0 OR 7', e: '(2 > 1) + (1 > 2)', f: '0 AND 0 OR 0' }), {
      a: 1,
      b: 1,
      c: 1,
      d: 1,
      e: 1,
      f: 0,
    });
  });

  it('- and / are left to right; there is no integer division', () => {
    // 10 − 4 − 3 = (10 − 4) − 3 = 3; 24 / 4 / 2 = 3; 7 / 2 = 3.5 ("integer division, which does not exist in XMILE").
    expectValues(values({ a: '10 - 4 - 3', b: '24 / 4 / 2', c: '7 / 2', d: '-7 / 2' }), { a: 3, b: 3, c: 3.5, d: -3.5 });
  });

  it('MOD is at the level of * and /, left to right, below unary minus', () => {
    // 10 MOD 4 * 3 = (10 MOD 4) * 3 = 6; 2 * 7 MOD 4 = 14 MOD 4 = 2; 1 + 7 MOD 4 = 1 + 3 = 4;
    // -7 MOD 3 = (−7) MOD 3 = 2 (floored).
    expectValues(values({ a: '10 MOD 4 * 3', b: '2 * 7 MOD 4', c: '1 + 7 MOD 4', d: '-7 MOD 3' }), { a: 6, b: 2, c: 4, d: 2 });
  });

  it('MOD is the floored modulus: its sign follows the divisor, and a = INT(a/b)*b + a MOD b', () => {
    // -7 MOD 3: INT(-7/3) = -3, so -7 - (-9) = 2; 7 MOD -3: INT(-2.33) = -3, 7 - 9 = -2;
    // -7 MOD -3: INT(2.33) = 2, -7 - (-6) = -1; 5.5 MOD 2 = 1.5; -7.5 MOD 2: INT(-3.75) = -4, -7.5 + 8 = 0.5.
    const v = values({ a: '-7 MOD 3', b: '7 MOD -3', c: '-7 MOD -3', d: '5.5 MOD 2', e: '-7.5 MOD 2', id: 'INT(-7.5 / 2) * 2 + (-7.5 MOD 2)' });
    expectValues(v, { a: 2, b: -2, c: -1, d: 1.5, e: 0.5, id: -7.5 });
  });
});

describe('§3.3.3 IF THEN ELSE', () => {
  it('any non-zero condition is true (the convention of C); ELSE IF chains', () => {
    const v = values({
      a: 'IF 0.5 THEN 1 ELSE 2',
      b: 'IF -1 THEN 1 ELSE 2',
      c: 'IF 0 THEN 1 ELSE 2',
      d: 'IF 0 THEN 1 ELSE IF 3 > 2 THEN 10 ELSE 20',
      e: 'IF_THEN_ELSE(0, 1, 2)',
    });
    expectValues(v, { a: 1, b: 1, c: 2, d: 10, e: 2 });
  });

  it('an IF inside THEN takes the first ELSE; the outer IF the second', () => {
    // IF 1 THEN (IF 0 THEN 1 ELSE 2) ELSE 3 = 2; IF 0 THEN (IF 1 THEN 1 ELSE 2) ELSE 3 = 3.
    expectValues(values({ a: 'IF 1 THEN IF 0 THEN 1 ELSE 2 ELSE 3', b: 'IF 0 THEN IF 1 THEN 1 ELSE 2 ELSE 3' }), { a: 2, b: 3 });
  });
});

describe('§3.2 conventions: numbers, comments, identifiers', () => {
  it('reads numbers with or without digits around the point and with an exponent, and skips { comments }', () => {
    // Sample numeric constants of §3.2.1: .375, 14., 6E5, +8.123e-10 (unary plus).
    const v = values({ a: '.375 + 14. + 6E5', b: '+8.123e-10 * 1E10', c: '2 * 3 { take product of a and b } + 4 { then add c }' });
    expectValues(v, { a: 600014.375, b: 8.123, c: 10 });
  });

  it('takes Unicode letters and $ inside bare names, and \\" inside quoted ones (§3.2.2.1)', () => {
    const col = run(
      `<aux name="café"><eqn>2</eqn></aux><aux name="cost$"><eqn>3</eqn></aux><aux name="say \\&quot;hi\\&quot;"><eqn>5</eqn></aux>
       <aux name="b"><eqn>café * cost$ + "say \\"hi\\""</eqn></aux>`,
      { stop: 0 },
    );
    expect(col('b')).toEqual([11]);
  });

  it('treats case, underscores, spaces, runs of them and \\n in quoted names as the same identifier', () => {
    // §3.2.2.2: "wom_multiplier is the same identifier as \"wom multiplier\" and \"wom\\nmultiplier\"",
    // "wom_multiplier is the same identifier as wom______multiplier"; Cash_Balance = CASH_BALANCE.
    const col = run(
      `<aux name="wom multiplier"><eqn>3</eqn></aux>
       <aux name="a"><eqn>WOM_Multiplier + "wom multiplier" + "wom\\nmultiplier" + wom______multiplier + "wom_multiplier"</eqn></aux>`,
      { stop: 0 },
    );
    expect(col('a')).toEqual([15]);
  });
});

describe('§3.5.1 mathematical functions', () => {
  it('gives the textbook values', () => {
    const v = values({
      abs: 'ABS(-3)',
      acos: 'ARCCOS(-1)',
      asin: 'ARCSIN(1)',
      atan: 'ARCTAN(1)',
      cos: 'COS(PI)',
      sin: 'SIN(PI / 2)',
      tan: 'TAN(PI / 4)',
      exp: 'EXP(1)',
      ln: 'LN(EXP(2))',
      log: 'LOG10(1000)',
      sqrt: 'SQRT(16)',
      max: 'MAX(-2, -5)',
      min: 'MIN(-2, -5)',
    });
    expectValues(v, { abs: 3, acos: Math.PI, asin: Math.PI / 2, atan: Math.PI / 4, cos: -1, sin: 1, tan: 1, exp: Math.E, ln: 2, log: 3, sqrt: 4, max: -2, min: -5 });
  });

  it('INT is the next integer less than or equal (negative fractions grow in magnitude)', () => {
    expectValues(values({ a: 'INT(2.7)', b: 'INT(-2.7)', c: 'INT(-3)', d: 'INT(0.999)', e: 'INT(-0.001)' }), { a: 2, b: -3, c: -3, d: 0, e: -1 });
  });

  it('INF is infinity: larger than any finite number, and the identity of MIN', () => {
    const v = values({ a: 'INF > 1E308', b: '-INF < -1E308', c: 'MIN(INF, 3)', d: 'MAX(-INF, 3)' });
    expectValues(v, { a: 1, b: 1, c: 3, d: 3 });
  });
});

describe('§3.5.4 test inputs', () => {
  it('PULSE(20, 12, 5) "generates a pulse value of 20/DT at time 12, 17, 22, etc."', () => {
    // DT = 0.5, so each pulse is 20 / 0.5 = 40, one DT wide, and zero at every other time.
    const col = run('<aux name="p"><eqn>PULSE(20, 12, 5)</eqn></aux>', { stop: 23, dt: '<dt>0.5</dt>' });
    const p = col('p');
    const at = p.flatMap((x, i) => (x !== 0 ? [i * 0.5] : []));
    expect(at).toEqual([12, 17, 22]);
    expect(p.filter((x) => x !== 0)).toEqual([40, 40, 40]);
  });

  it('without an interval or with interval 0 the pulse happens once; into a stock it adds the magnitude', () => {
    // PULSE(3, 1) and PULSE(3, 1, 0) are 3 / 0.25 = 12 at t = 1 only; a stock fed by it gains 12 × 0.25 = 3.
    const col = run(
      `<aux name="p"><eqn>PULSE(3, 1)</eqn></aux><aux name="q"><eqn>PULSE(3, 1, 0)</eqn></aux>
       <stock name="S"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>q</eqn></flow>`,
      { stop: 4, dt: '<dt>0.25</dt>' },
    );
    const once = (xs: number[]) => xs.flatMap((x, i) => (x !== 0 ? [[i * 0.25, x]] : []));
    expect(once(col('p'))).toEqual([[1, 12]]);
    expect(once(col('q'))).toEqual([[1, 12]]);
    close([col('S').at(-1)!], [3]);
  });

  it('a pulse train whose first time is before STARTTIME pulses at first + k·interval from the start on', () => {
    // PULSE(10, -1, 2) pulses at −1, 1, 3, 5, …; the run (0 to 6, DT 1) sees 1, 3 and 5, each 10/1.
    close(run('<aux name="p"><eqn>PULSE(10, -1, 2)</eqn></aux>', { stop: 6 })('p'), [0, 10, 0, 10, 0, 10, 0]);
  });

  it('RAMP decreases with a negative slope from its start time; STEP steps down with a negative height', () => {
    // RAMP(-2, 3) = −2·(t − 3) from t = 3; STEP(-4, 2.5) = −4 from t = 2.5 (DT 0.5).
    const col = run('<aux name="r"><eqn>RAMP(-2, 3)</eqn></aux><aux name="s"><eqn>STEP(-4, 2.5)</eqn></aux>', { stop: 4, dt: '<dt>0.5</dt>' });
    close(col('r'), [0, 0, 0, 0, 0, 0, 0, -1, -2]);
    close(col('s'), [0, 0, 0, 0, 0, -4, -4, -4, -4]);
  });

  it('RAMP and STEP whose start time is before STARTTIME have already begun', () => {
    // Start time 2: RAMP(1, 0) = 1·(t − 0) = t, STEP(5, 1) = 5 from the first step.
    const col = run('<aux name="r"><eqn>RAMP(1, 0)</eqn></aux><aux name="s"><eqn>STEP(5, 1)</eqn></aux>', { start: 2, stop: 4 });
    close(col('r'), [2, 3, 4]);
    close(col('s'), [5, 5, 5]);
  });
});

describe('§3.4 simulation specs and §3.5.5 time functions', () => {
  it('<dt reciprocal="true">4</dt> is DT = 1/4; TIME, DT, STARTTIME and STOPTIME follow', () => {
    const col = run(
      `<aux name="t"><eqn>TIME</eqn></aux><aux name="d"><eqn>DT</eqn></aux>
       <aux name="s"><eqn>STARTTIME</eqn></aux><aux name="e"><eqn>STOPTIME</eqn></aux>`,
      { start: 2, stop: 3, dt: '<dt reciprocal="true">4</dt>' },
    );
    close(col('t'), [2, 2.25, 2.5, 2.75, 3]);
    close(col('d'), Array(5).fill(0.25));
    close(col('s'), Array(5).fill(2));
    close(col('e'), Array(5).fill(3));
  });

  it('"If DT is not specified, it defaults to one"', () => {
    close(run('<aux name="d"><eqn>DT</eqn></aux>', { start: 0, stop: 2, dt: '' })('d'), [1, 1, 1]);
  });

  it('a fallback list "gear, rk4" runs RK4, which integrates a linear inflow exactly', () => {
    // ds/dt = TIME, s(0) = 0: s = t²/2 → 0, 0.5, 2 (Euler would give 0, 0, 1).
    const vars = '<stock name="s"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>TIME</eqn></flow>';
    close(run(vars, { stop: 2, simAttrs: 'method="gear, rk4"' })('s'), [0, 0.5, 2]);
  });

  it('an integration method the standard does not name is refused where it is written', () => {
    // §3.4.1 names euler, rk4, rk2, rk45 and gear.
    const d = firstDiagnostic(() => compileXmile(xmileDoc('<aux name="x"><eqn>1</eqn></aux>', { simAttrs: 'method="midpoint"' }), { file: 'spec.xmile' }));
    expect([d.code, d.loc?.line, d.message]).toEqual(['E_SIM_SPECS', 4, 'unknown integration method "midpoint" (euler, rk2, rk4, rk45 or gear)']);
  });
});

describe('§3.5.6 INIT and PREVIOUS', () => {
  it('INIT is the value at STARTTIME, of an aux and of a stock', () => {
    // Start 2: x = 3·TIME + 1 → INIT(x) = 7; S starts at 1 and gains 1 per step, INIT(S) = 1.
    const col = run(
      `<aux name="x"><eqn>3 * TIME + 1</eqn></aux><aux name="ix"><eqn>INIT(x)</eqn></aux>
       <stock name="S"><eqn>1</eqn><inflow>f</inflow></stock><flow name="f"><eqn>1</eqn></flow><aux name="is"><eqn>INIT(S)</eqn></aux>`,
      { start: 2, stop: 4 },
    );
    close(col('ix'), [7, 7, 7]);
    close(col('S'), [1, 2, 3]);
    close(col('is'), [1, 1, 1]);
  });

  it('PREVIOUS(price, 0) is price in the last DT, or zero in the first; PREVIOUS(SELF, 0) keeps a count', () => {
    // price = TIME² at DT 0.5: 0, 0.25, 1, 2.25 → previous 0, 0, 0.25, 1. count = PREVIOUS(SELF, 0) + 1 = 1, 2, 3, 4.
    const col = run(
      `<aux name="price"><eqn>TIME^2</eqn></aux><aux name="p"><eqn>PREVIOUS(price, 0)</eqn></aux>
       <aux name="count"><eqn>PREVIOUS(SELF, 0) + 1</eqn></aux>`,
      { stop: 1.5, dt: '<dt>0.5</dt>' },
    );
    close(col('p'), [0, 0, 0.25, 1]);
    close(col('count'), [1, 2, 3, 4]);
  });
});

describe('§3.5.3 delays', () => {
  it('DELAY1 is a first-order material delay: a stock that empties at stock / delay time', () => {
    // x = STEP(6, 1), delay 3, DT 1. The stock starts at 0·3 (the input's initial value is 0):
    // S: 0, 0, 6, 6 + 6 − 2 = 10; output S/3: 0, 0, 2, 10/3.
    // With initial value 4 the stock starts at 4·3 = 12: outputs 4, then S = 12 − 4 = 8 → 8/3,
    // then S = 8 + 6 − 8/3 = 34/3 → 34/9.
    const col = run(
      `<aux name="x"><eqn>STEP(6, 1)</eqn></aux><aux name="d"><eqn>DELAY1(x, 3)</eqn></aux><aux name="di"><eqn>DELAY1(x, 3, 4)</eqn></aux>`,
      { stop: 3 },
    );
    close(col('d'), [0, 0, 2, 10 / 3]);
    close(col('di'), [4, 8 / 3, 34 / 9, (34 / 3 + 6 - 34 / 9) / 3]);
  });

  it('DELAY3 is three first-order stages of delay/3 each; DELAYN with n = 3 is the same', () => {
    // DELAY3(3, 3, 0), DT 1: each stage holds 0 at first and passes stage/1 on. Stage 1 gets 3 at
    // the first step, stage 2 at the second, stage 3 at the third: output 0, 0, 0, 3, 3.
    const col = run('<aux name="d3"><eqn>DELAY3(3, 3, 0)</eqn></aux><aux name="dn"><eqn>DELAYN(3, 3, 3, 0)</eqn></aux>', { stop: 4 });
    close(col('d3'), [0, 0, 0, 3, 3]);
    close(col('dn'), [0, 0, 0, 3, 3]);
  });

  it('DELAY is a fixed delay: the input of delay time ago, its initial value (or the given one) before that', () => {
    // DELAY(TIME, 1.5) at DT 0.5: 0 (TIME's initial value) until t = 1.5, then t − 1.5.
    const col = run('<aux name="d"><eqn>DELAY(TIME, 1.5)</eqn></aux><aux name="di"><eqn>DELAY(TIME, 1.5, 7)</eqn></aux>', { stop: 3, dt: '<dt>0.5</dt>' });
    close(col('d'), [0, 0, 0, 0, 0.5, 1, 1.5]);
    close(col('di'), [7, 7, 7, 0, 0.5, 1, 1.5]);
  });

  it('SMTH1 starts from the input\'s initial value and moves by (input − smooth)/time each unit time', () => {
    // SMTH1(TIME, 2), DT 1: s0 = 0, s1 = 0 + (0 − 0)/2 = 0, s2 = 0 + (1 − 0)/2 = 0.5, s3 = 0.5 + (2 − 0.5)/2 = 1.25.
    close(run('<aux name="s"><eqn>SMTH1(TIME, 2)</eqn></aux>', { stop: 3 })('s'), [0, 0, 0.5, 1.25]);
  });

  it('SMTH3 is three first-order smooths of time/3 in a chain; SMTHN(…, 3, …) the same', () => {
    // SMTH3(8, 3, 0), DT 0.5: stages of time 1 move by 0.5·(in − stage).
    // s1: 0, 4, 6, 7, 7.5; s2: 0, 0, 2, 4, 5.5; s3 (the output): 0, 0, 0, 1, 2.5.
    const col = run('<aux name="s3"><eqn>SMTH3(8, 3, 0)</eqn></aux><aux name="sn"><eqn>SMTHN(8, 3, 3, 0)</eqn></aux>', { stop: 2, dt: '<dt>0.5</dt>' });
    close(col('s3'), [0, 0, 0, 1, 2.5]);
    close(col('sn'), [0, 0, 0, 1, 2.5]);
  });

  it('TREND is the fractional change per unit time: 0 for a constant input, its initial value at the start', () => {
    // The third argument is TREND's own initial value (zero when left out), so TREND(x, 2, 0.1) is 0.1
    // at STARTTIME. For x = 100·e^(0.1 t) the trend stays at the growth rate 0.1 (to the Euler error
    // of DT 1/64 over 4 time units, well under 1e-3), and a constant input has trend 0.
    const col = run(
      `<aux name="x"><eqn>100 * EXP(0.1 * TIME)</eqn></aux><aux name="tr"><eqn>TREND(x, 2, 0.1)</eqn></aux>
       <aux name="flat"><eqn>TREND(5, 2)</eqn></aux>`,
      { stop: 4, dt: '<dt reciprocal="true">64</dt>' },
    );
    const tr = col('tr');
    expect(tr[0]).toBeCloseTo(0.1, 9);
    for (const v of tr) expect(Math.abs(v - 0.1)).toBeLessThan(1e-3);
    for (const v of col('flat')) expect(v).toBe(0);
  });

  it('FORCST extrapolates the trend over the horizon: input × (1 + trend × horizon)', () => {
    // At STARTTIME the trend is the initial trend: FORCST(100, 5, 10, 0.02) = 100 × (1 + 0.02 × 10) = 120;
    // FORCST(100, 5, 10) with trend 0 is the input itself.
    const v = values({ f: 'FORCST(100, 5, 10, 0.02)', g: 'FORCST(100, 5, 10)' });
    expectValues(v, { f: 120, g: 100 });
  });
});

describe('§3.7.1 arrays', () => {
  const dims = '<dim name="Location"><elem name="Boston"/><elem name="Chicago"/><elem name="LA"/></dim><dim name="N" size="3"/>';

  it('MAX(A, 0) and MIN(A, 0) take all of A and the scalar', () => {
    // "if all values in A are negative, the result is zero": A = −1, −2, −3 → MAX(A, 0) = 0, MIN(A, 0) = −3.
    const col = run(
      `<aux name="A"><dimensions><dim name="N"/></dimensions><eqn>-N</eqn></aux>
       <aux name="hi"><eqn>MAX(A[*], 0)</eqn></aux><aux name="lo"><eqn>MIN(A[*], 0)</eqn></aux>
       <aux name="lo1"><eqn>MIN(A)</eqn></aux><aux name="mean"><eqn>MEAN(A)</eqn></aux>`,
      { stop: 0, dimensions: dims },
    );
    // MEAN = SUM(A)/SIZE(A) = −6/3 = −2.
    expect([col('hi')[0], col('lo')[0], col('lo1')[0], col('mean')[0]]).toEqual([0, -3, -3, -2]);
  });

  it('RANK gives the index of the element of a given rank, ascending, ties broken by a second array', () => {
    // A = 30, 10, 20 → RANK(A, 1) = 2 (the minimum), RANK(A, 3) = 1 (the maximum).
    // T = 5, 5, 1 with B = 2, 1, 0: ascending T is 1 (index 3), then the tie 5, 5 ordered by B: index 2 (B 1) before 1 (B 2).
    const col = run(
      `<aux name="A"><dimensions><dim name="N"/></dimensions><element subscript="1"><eqn>30</eqn></element><element subscript="2"><eqn>10</eqn></element><element subscript="3"><eqn>20</eqn></element></aux>
       <aux name="T"><dimensions><dim name="N"/></dimensions><element subscript="1"><eqn>5</eqn></element><element subscript="2"><eqn>5</eqn></element><element subscript="3"><eqn>1</eqn></element></aux>
       <aux name="B"><dimensions><dim name="N"/></dimensions><eqn>3 - N</eqn></aux>
       <aux name="r1"><eqn>RANK(A, 1)</eqn></aux><aux name="r3"><eqn>RANK(A, 3)</eqn></aux>
       <aux name="t2"><eqn>RANK(T, 2, B)</eqn></aux><aux name="t3"><eqn>RANK(T, 3, B)</eqn></aux>`,
      { stop: 0, dimensions: dims },
    );
    expect([col('r1')[0], col('r3')[0], col('t2')[0], col('t3')[0]]).toEqual([2, 1, 2, 1]);
  });

  it('SUM(A[M, *]) sums each row into the element of the equation; A[2:3] is a range', () => {
    // A[l, n] = 10·l + n: row sums 10·l·3 + 6 → 36, 66, 96; SUM(v[2:3]) = 20 + 30 = 50.
    const col = run(
      `<aux name="A"><dimensions><dim name="Location"/><dim name="N"/></dimensions><eqn>10 * Location + N</eqn></aux>
       <aux name="rows"><dimensions><dim name="Location"/></dimensions><eqn>SUM(A[Location, *])</eqn></aux>
       <aux name="v"><dimensions><dim name="N"/></dimensions><eqn>10 * N</eqn></aux>
       <aux name="part"><eqn>SUM(v[2:3])</eqn></aux>`,
      { stop: 0, dimensions: dims },
    );
    expect([col('rows[Boston]')[0], col('rows[Chicago]')[0], col('rows[LA]')[0], col('part')[0]]).toEqual([36, 66, 96, 50]);
  });

  it('a range outside an array function: element k of the equation takes the range\'s k-th element (§3.7.1.2)', () => {
    // v = 10, 20, 30 over N; w over M (2 elements) = v[2:3] → 20, 30; u over N = v[1:3] → v itself;
    // row over N = m2[2, 1:3] with m2[r, n] = 10r + n → 21, 22, 23.
    const col = run(
      `<aux name="v"><dimensions><dim name="N"/></dimensions><eqn>10 * N</eqn></aux>
       <aux name="w"><dimensions><dim name="M"/></dimensions><eqn>v[2:3]</eqn></aux>
       <aux name="u"><dimensions><dim name="N"/></dimensions><eqn>v[1:3] + 1</eqn></aux>
       <aux name="m2"><dimensions><dim name="M"/><dim name="N"/></dimensions><eqn>10 * M + N</eqn></aux>
       <aux name="row"><dimensions><dim name="N"/></dimensions><eqn>m2[2, 1:3]</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="N" size="3"/><dim name="M" size="2"/>' },
    );
    expect([1, 2].map((k) => col(`w[${k}]`)[0])).toEqual([20, 30]);
    expect([1, 2, 3].map((k) => col(`u[${k}]`)[0])).toEqual([11, 21, 31]);
    expect([1, 2, 3].map((k) => col(`row[${k}]`)[0])).toEqual([21, 22, 23]);
  });

  it('a range that would be truncated or extended is refused where it is written', () => {
    const doc = xmileDoc(
      '<aux name="v"><dimensions><dim name="N"/></dimensions><eqn>N</eqn></aux>\n<aux name="w"><dimensions><dim name="M"/></dimensions><eqn>v[1:3]</eqn></aux>',
      { stop: 0, dimensions: '<dim name="N" size="3"/><dim name="M" size="2"/>' },
    );
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'spec.xmile' }));
    expect([d.code, d.loc?.line, d.loc?.column]).toEqual(['E_UNSUPPORTED', 13, 62]);
    expect(d.message).toContain('here it holds 3 elements and M 2, so it would be truncated or extended');
  });

  it('Location.Chicago is the element\'s position; an out-of-range subscript gives 0', () => {
    // "1.0 for Location.Boston, 2.0 for Location.Chicago"; "If a subscript expression results in an invalid
    // subscript index … a zero (0) MUST be returned": v[k] with k = 4 of 3 elements.
    const col = run(
      `<aux name="c"><eqn>Location.Chicago + 10 * Location.LA</eqn></aux>
       <aux name="v"><dimensions><dim name="N"/></dimensions><eqn>10 * N</eqn></aux>
       <aux name="k"><eqn>4</eqn></aux><aux name="out"><eqn>v[k]</eqn></aux><aux name="in"><eqn>v[k - 1]</eqn></aux>`,
      { stop: 0, dimensions: dims },
    );
    expect([col('c')[0], col('out')[0], col('in')[0]]).toEqual([32, 0, 30]);
  });

  it('Stella\'s whole-dimension slice Location.* is refused at its place, naming the wildcard * of §3.7.1.2', () => {
    // Our own model; Stella writes demand[Location.*] where XMILE 1.0 writes demand[*]. xmileDoc puts
    // the second variable, whose equation holds the slice, on line 13.
    const doc = xmileDoc(
      '<aux name="v"><dimensions><dim name="Location"/></dimensions><eqn>1</eqn></aux>\n<aux name="s"><eqn>SUM(v[Location.*])</eqn></aux>',
      { stop: 0, dimensions: dims },
    );
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'spec.xmile' }));
    expect([d.code, d.loc?.line]).toEqual(['E_UNSUPPORTED', 13]);
    expect(d.message).toContain("'Location.*'");
    expect(d.message).toContain('wildcard *');
    // the XMILE 1.0 spelling computes: three elements of 1
    expect(run('<aux name="v"><dimensions><dim name="Location"/></dimensions><eqn>1</eqn></aux><aux name="s"><eqn>SUM(v[*])</eqn></aux>', { stop: 0, dimensions: dims })('s')[0]).toBe(3);
  });

  it('the non-apply-to-all example over X × X, and per-element graphical functions evaluated at TIME (§4.5)', () => {
    // not_apply_to_all[1,1] = TIME, [1,2] = 2·TIME, [2,1] = 5·TIME, [2,2] = 11·TIME at TIME 1, 5, 9 (DT 4).
    // graphical_not_apply_to_all: xscale 1–9 with 3 points is x = 1, 5, 9: element 1 gives 0, 50, 25; element 2 gives 90, 10, 50.
    const col = run(
      `<aux name="not_apply_to_all"><dimensions><dim name="X"/><dim name="X"/></dimensions>
         <element subscript="1,1"><eqn>TIME</eqn></element><element subscript="1,2"><eqn>2*TIME</eqn></element>
         <element subscript="2,1"><eqn>5*TIME</eqn></element><element subscript="2,2"><eqn>11*TIME</eqn></element></aux>
       <aux name="graphical_not_apply_to_all"><dimensions><dim name="X"/></dimensions>
         <element subscript="1"><gf><xscale min="1" max="9"/><ypts>0,50,25</ypts></gf></element>
         <element subscript="2"><gf><xscale min="1" max="9"/><yscale min="0" max="100"/><ypts>90,10,50</ypts></gf></element>
         <eqn>TIME</eqn></aux>`,
      { start: 1, stop: 9, dt: '<dt>4</dt>', dimensions: '<dim name="X" size="2"/>' },
    );
    close(col('not_apply_to_all[2, 1]'), [5, 25, 45]);
    close(col('not_apply_to_all[2, 2]'), [11, 55, 99]);
    close(col('graphical_not_apply_to_all[1]'), [0, 50, 25]);
    close(col('graphical_not_apply_to_all[2]'), [90, 10, 50]);
  });

  it('the A2A example distance = SQRT(X^2 + Y^2) gives distance[3, 4] = 5', () => {
    const col = run('<aux name="distance"><dimensions><dim name="X"/><dim name="Y"/></dimensions><eqn>SQRT(X^2 + Y^2)</eqn></aux>', {
      stop: 0,
      dimensions: '<dim name="X" size="4"/><dim name="Y" size="4"/>',
    });
    expect(col('distance[3, 4]')[0]).toBeCloseTo(5, 12);
  });

  it('SIZE(SELF[1, *]) is the size of one row of the variable itself', () => {
    const col = run('<aux name="m"><dimensions><dim name="Location"/><dim name="N"/></dimensions><eqn>SIZE(SELF[1, *]) + 10 * SIZE(SELF)</eqn></aux>', {
      stop: 0,
      dimensions: '<dim name="Location"><elem name="Boston"/><elem name="Chicago"/></dim><dim name="N" size="3"/>',
    });
    expect(col('m[Boston, 1]')[0]).toBe(3 + 10 * 6);
  });

  it('an array name called with a flat row-major index: A(10) of a [2, 3, 4] array is A[1, 3, 2]', () => {
    // §3.3.2: "given the three-dimensional array A with bounds [2, 3, 4], A(10) refers to the tenth element in
    // row-major order, i.e., element A[1, 3, 2]". A[i, j, k] = 100i + 10j + k, so A(10) = 132.
    const col = run(
      `<aux name="A"><dimensions><dim name="I"/><dim name="J"/><dim name="K"/></dimensions><eqn>100 * I + 10 * J + K</eqn></aux>
       <aux name="x"><eqn>A(10)</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="I" size="2"/><dim name="J" size="3"/><dim name="K" size="4"/>' },
    );
    expect(col('x')).toEqual([132]);
  });
});

describe('§3.1.4 and §4.1.3 graphical functions', () => {
  it('the smallest named graphical function: xscale 0–1 with 5 points has x = 0, 0.25, 0.5, 0.75, 1', () => {
    // rising(0.6): between (0.5, 0.5) and (0.75, 0.9): 0.5 + 0.4 × (0.1/0.25) = 0.66.
    // A variable may refer to it with <gf name="rising"/>: its equation is the x.
    const col = run(
      `<gf name="rising"><xscale min="0" max="1"/><ypts>0,0.1,0.5,0.9,1</ypts></gf>
       <aux name="y"><eqn>rising(0.6)</eqn></aux>
       <aux name="z"><eqn>0.125</eqn><gf name="rising"/></aux>
       <aux name="w"><eqn>TIME</eqn><gf name="inner"><xscale min="0" max="2"/><ypts>0,100</ypts></gf></aux>
       <aux name="v"><eqn>inner(0.5) + rising(1)</eqn></aux>`,
      { stop: 0 },
    );
    close(col('y'), [0.66]);
    close(col('z'), [0.05]);
    // A graphical function named inside a variable is callable by its name too: inner(0.5) = 25, rising(1) = 1.
    close(col('v'), [26]);
  });


  it('a reference to a graphical function that is not defined is refused where it is written', () => {
    const d = firstDiagnostic(() => compileXmile(xmileDoc('<aux name="z"><eqn>1</eqn><gf name="nowhere"/></aux>', { stop: 0 }), { file: 'spec.xmile' }));
    expect([d.code, d.loc?.line, d.loc?.column]).toEqual(['E_GF', 11, 27]);
    expect(d.message).toContain('z refers to the graphical function nowhere, which is not defined');
  });

  it('<ypts sep=";"> and <xpts> with uneven spacing', () => {
    // Points (0, 0), (1, 10), (4, 40): at x = 2.5, 10 + 30 × (1.5/3) = 25.
    const col = run('<aux name="y"><eqn>2.5</eqn><gf><xpts sep=";">0;1;4</xpts><ypts sep=";">0;10;40</ypts></gf></aux>', { stop: 0 });
    close(col('y'), [25]);
  });

  it('discrete takes the value of the next lower x (its own value at a point); out of range the nearest end', () => {
    // Points (0, 1), (1, 5), (2, 9), (3, 9): x = −1 → 1, 0.999 → 1, 1 → 5, 2.5 → 9, 7 → 9.
    const gf = '<gf type="discrete"><xscale min="0" max="3"/><ypts>1,5,9,9</ypts></gf>';
    const vars = ['-1', '0.999', '1', '2.5', '7'].map((x, i) => `<aux name="d${i}"><eqn>${x}</eqn>${gf}</aux>`).join('');
    const col = run(vars, { stop: 0 });
    expect([0, 1, 2, 3, 4].map((i) => col(`d${i}`)[0])).toEqual([1, 1, 5, 9, 9]);
  });

  it('extrapolate continues the line of the last two points at either end', () => {
    // Points (0, 0), (1, 10), (2, 40): x = −1 → 0 − 10 = −10; x = 3 → 40 + 30 = 70.
    const gf = '<gf type="extrapolate"><xscale min="0" max="2"/><ypts>0,10,40</ypts></gf>';
    const col = run(`<aux name="lo"><eqn>-1</eqn>${gf}</aux><aux name="hi"><eqn>3</eqn>${gf}</aux>`, { stop: 0 });
    expect([col('lo')[0], col('hi')[0]]).toEqual([-10, 70]);
  });
  it('is a container: g[3] is the third y-value, MIN and MAX its extreme y-values (§3.7.1.3)', () => {
    const col = run(
      `<gf name="g"><xscale min="0" max="3"/><ypts>4,-2,7,1</ypts></gf>
       <aux name="third"><eqn>g[3]</eqn></aux><aux name="lo"><eqn>MIN(g)</eqn></aux><aux name="hi"><eqn>MAX(g)</eqn></aux>
       <aux name="y"><gf><xscale min="0" max="1"/><ypts>2,6</ypts></gf></aux>
       <aux name="e"><eqn>0.5</eqn><gf><xscale min="0" max="1"/><ypts>2,6</ypts></gf></aux>
       <aux name="more"><eqn>SUM(g) + 10 * MEAN(y) + 100 * SIZE(g) + 1000 * MIN(g, -5) + y[2] * g[5]</eqn></aux>
       <aux name="own"><eqn>MAX(e, 0) + MEAN(e)</eqn></aux>`,
      { stop: 0 },
    );
    expect([col('third')[0], col('lo')[0], col('hi')[0]]).toEqual([7, -2, 7]);
    // y, a function without an equation, is a container too. SUM(g) = 4 − 2 + 7 + 1 = 10; MEAN(y) = (2 + 6)/2 = 4; SIZE(g) = 4; MIN(g, −5) = −5; y[2] = 6 and g[5],
    // past the last point, is 0 (§3.7.1: an invalid index gives zero): 10 + 40 + 400 − 5000 + 0.
    expect(col('more')).toEqual([10 + 40 + 400 - 5000]);
    // A variable with an equation has a value of its own, e = 4 (the function at 0.5): MAX(e, 0) + MEAN(e) = 8.
    expect(col('own')).toEqual([8]);
  });

  it('a computed index into a graphical function is refused where it is written', () => {
    const doc = xmileDoc('<gf name="g"><xscale min="0" max="3"/><ypts>4,-2,7,1</ypts></gf>\n<aux name="k"><eqn>2</eqn></aux><aux name="x"><eqn>g[k]</eqn></aux>', { stop: 0 });
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'spec.xmile' }));
    expect([d.code, d.loc?.line, d.loc?.column]).toEqual(['E_UNSUPPORTED', 12, 54]);
    expect(d.message).toMatch(/^g\[…\] on a graphical function takes the number of one of its 4 points/);
  });
});

describe('§3.7.1.3 conveyors and queues as containers', () => {
  const belt = '<stock name="B"><eqn>0</eqn><inflow>i</inflow><outflow>o</outflow><conveyor><len>2</len></conveyor></stock><flow name="i"><eqn>TIME + 1</eqn></flow><flow name="o"/>';

  it('SUM of a conveyor is its total contents, the stock itself', () => {
    // Inflow 1, 2, 3 and a transit time of 2 (DT 1): B = 0, 1, 1 + 2, 3 + 3 − 1 = 5.
    const col = run(`${belt}<aux name="s"><eqn>SUM(B)</eqn></aux>`, { stop: 3 });
    close(col('B'), [0, 1, 3, 5]);
    close(col('s'), col('B'));
  });

  it('MIN of a conveyor and the front of a queue read elements the engine does not expose: refused, not the total', () => {
    const queue = '<stock name="Q"><eqn>0</eqn><inflow>qi</inflow><outflow>qo</outflow><queue/></stock><flow name="qi"><eqn>1</eqn></flow><flow name="qo"/>';
    for (const [vars, form] of [
      [`${belt}<aux name="m"><eqn>MIN(B)</eqn></aux>`, 'MIN(B)'],
      [`${belt}<aux name="m"><eqn>MEAN(B)</eqn></aux>`, 'MEAN(B)'],
      [`${queue}<aux name="f"><eqn>Q[1]</eqn></aux>`, 'Q[…]'],
    ] as const) {
      const d = firstDiagnostic(() => compileXmile(xmileDoc(vars, { stop: 1 }), { file: 'spec.xmile' }));
      expect([d.code, d.loc?.line, d.message.startsWith(`${form} reads the elements of the conveyor or queue`)]).toEqual(['E_UNSUPPORTED', 11, true]);
    }
  });
});

describe('§4.2–4.3 stock and flow options', () => {
  it('a non-negative flow (uniflow) never runs backwards', () => {
    const col = run(
      `<stock name="S"><eqn>10</eqn><inflow>f</inflow></stock><flow name="f"><eqn>TIME - 2</eqn><non_negative/></flow>`,
      { stop: 4 },
    );
    // f = max(0, t − 2): 0, 0, 0, 1, 2; S: 10, 10, 10, 10, 11.
    close(col('f'), [0, 0, 0, 1, 2]);
    close(col('S'), [10, 10, 10, 10, 11]);
  });

  it('a negative outflow flows inward (footnote to §4.2)', () => {
    close(run('<stock name="S"><eqn>1</eqn><outflow>f</outflow></stock><flow name="f"><eqn>-2</eqn></flow>', { stop: 2 })('S'), [1, 3, 5]);
  });

  it('a flow multiplier takes the flow from upstream and gives flow × multiplier downstream', () => {
    // "if the unit conversion multiplier is 3 and the flow's value is 4, 4 units of material will be taken
    // from the upstream stock and 3*4 = 12 units of material will be given to the downstream stock".
    const col = run(
      `<stock name="A"><eqn>100</eqn><outflow>f</outflow></stock><stock name="B"><eqn>0</eqn><inflow>f</inflow></stock>
       <flow name="f"><eqn>4</eqn><multiplier>3</multiplier></flow>`,
      { stop: 2 },
    );
    close(col('A'), [100, 96, 92]);
    close(col('B'), [0, 12, 24]);
  });

  it('a stock\'s initial equation uses the initial values of the variables it names', () => {
    // a = 5 + TIME at start 1 is 6, so S starts at 12 and then keeps its own value (no flows).
    close(run('<aux name="a"><eqn>5 + TIME</eqn></aux><stock name="S"><eqn>a * 2</eqn></stock>', { start: 1, stop: 3 })('S'), [12, 12, 12]);
  });
});

describe('§3.7.4 submodels with simulation specs of their own', () => {
  const file = (subSpecs: string) => `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs method="Euler" time_units="Months"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
  <model><variables><module name="Sub"/><aux name="y"><eqn>Sub.out</eqn></aux></variables></model>
  <model name="Sub">${subSpecs}<variables>
    <stock name="level"><eqn>1</eqn><inflow>g</inflow></stock><flow name="g"><eqn>level</eqn></flow>
    <aux name="out" access="output"><eqn>level</eqn></aux>
  </variables></model>
</xmile>`;

  it('a submodel restating the whole-model DT runs as part of it: level doubles each unit time at DT 1', () => {
    const text = file('<sim_specs method="Euler"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>');
    expect(columnReader(compileXmile(text, { file: 'sub.xmile' }).model.run())('y')).toEqual([1, 2, 4]);
  });

  it('a different DT (normal run mode: "the same time base … but a different DT") is refused where it is written, not run at DT 1', () => {
    // Run at its own DT 0.5 the level would grow by 1.5² per unit time (1, 2.25, 5.0625), not double.
    for (const specs of ['<sim_specs><dt>0.5</dt></sim_specs>', '<sim_specs><dt reciprocal="true">2</dt></sim_specs>', '<sim_specs method="rk4"><dt>1</dt></sim_specs>']) {
      const d = firstDiagnostic(() => compileXmile(file(specs), { file: 'sub.xmile' }));
      expect([d.code, d.loc?.line]).toEqual(['E_UNSUPPORTED', 6]);
      expect(d.message).toMatch(/^submodel Sub has its own <sim_specs> with (DT 0\.5|method rk4); submodels run here as part of the whole model/);
    }
  });
});

describe('§3.6.1 macros', () => {
  it('a recursive macro (FACT of §3.6.1) is refused with a located message, as basic macro support may', () => {
    // §3.7: "Vendors may choose to only support a basic macro compatibility, which does not permit macros to
    // refer to other macros (or do recursive calls)". The refusal points at the macro's equation.
    const doc = xmileDoc('<aux name="f"><eqn>FACT(5)</eqn></aux>', {
      stop: 0,
      macros: `<macro name="FACT"><parm>x</parm><eqn>IF x &lt;= 1 THEN 1 ELSE x * FACT(x - 1)</eqn></macro>`,
    });
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'spec.xmile' }));
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', 'spec.xmile', 13]);
    expect(d.message).toMatch(/recursive macros.*fact -> fact/);
  });

  it('a macro defined again with another number of parameters is refused at the second definition, not silently replaced', () => {
    const doc = xmileDoc('<aux name="a"><eqn>F(2) + F(2, 3)</eqn></aux>', {
      stop: 0,
      macros: '<macro name="F"><parm>x</parm><eqn>x * 10</eqn></macro>\n<macro name="F"><parm>x</parm><parm>y</parm><eqn>x + y</eqn></macro>',
    });
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'spec.xmile' }));
    expect([d.code, d.loc?.line]).toEqual(['E_REDEFINED', 14]);
    expect(d.message).toMatch(/^macro F is defined again with 2 parameter\(s\) after one with 1 \(line 13\); macros overloaded by their number of arguments/);
  });

  it('a parameter with a default value may be left out', () => {
    // §4.x macros: "Parameters can optionally have default values … specified with the default attribute".
    const col = run('<aux name="a"><eqn>SCALE(3)</eqn></aux><aux name="b"><eqn>SCALE(3, 5)</eqn></aux>', {
      stop: 0,
      macros: '<macro name="SCALE"><parm>x</parm><parm default="2">k</parm><eqn>x * k</eqn></macro>',
    });
    expect([col('a')[0], col('b')[0]]).toEqual([6, 15]);
  });
});
