/**
 * Vensim semantics each checked on a small model written from Vensim's function reference
 * (vensim.com/documentation/fn_*.html); the expected values are worked out by hand from it.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import { VENSIM_NA } from '../ir/na.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const run = (eqs: string) => compileVensim(`${eqs}\n${CONTROL}`).model.run();
const at = (r: ReturnType<typeof run>, name: string, t = 0) => r.get(name)![t];

describe('VECTOR ELM MAP (fn_vector_elm_map)', () => {
  // Reference: v2[sub,tub] = VECTOR ELM MAP(v[s1,t1], (sub-1)*ELMCOUNT(tub) + (tub-1)) is v[sub,tub]:
  // the offset counts over the variable laid out flat, last subscript fastest.
  const model = [
    'row: r1, r2 ~~|', 'col: c1, c2, c3 ~~|',
    'v[row, col] = 1, 2, 3; 4, 5, 6; ~~|',
    'same[row, col] = VECTOR ELM MAP(v[r1, c1], (row - 1) * ELMCOUNT(col) + (col - 1)) ~~|',
    'wrap = VECTOR ELM MAP(v[r1, c2], 2) ~~|',
    'moving = VECTOR ELM MAP(v[r1, c1], Time) ~~|',
    'outside = VECTOR ELM MAP(v[r2, c3], 1) ~~|',
  ].join('\n');
  const r = run(model);

  it('reproduces the source through the documented flat offset', () => {
    const got = ['r1', 'r2'].flatMap((a) => ['c1', 'c2', 'c3'].map((b) => at(r, `same[${a},${b}]`)));
    expect(got).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('runs past the end of a row into the next one', () => {
    expect(at(r, 'wrap')).toBe(4); // v[r1,c2] is flat 1; 1 + 2 = 3 is v[r2,c1]
  });

  it('follows an offset that changes over time, and gives :NA: outside the variable', () => {
    expect(Array.from(r.get('moving')!)).toEqual([1, 2, 3, 4, 5]);
    expect(at(r, 'outside')).toBe(VENSIM_NA); // :NA: is the number −2^109 (vensim.com/documentation/na.html)
  });
});

describe('subscript mapping onto a list with sub-ranges (ref_subscript_mapping)', () => {
  // Reference: `Rhsub: rh1, rh2 -> (Lhbigger: Lhbsubr1, Lhbsubr2)` with Lhbsubr1: lhb1, lhb3 and
  // Lhbsubr2: lhb2, lhb4: each entry goes with one element of Rhsub, a sub-range entry with all
  // of its elements, so x[Lhbigger] = y[Rhsub] gives lhb1 and lhb3 from rh1, lhb2 and lhb4 from rh2.
  const model = [
    'Lhbigger: lhb1, lhb2, lhb3, lhb4 ~~|', 'Lhbsubr1: lhb1, lhb3 ~~|', 'Lhbsubr2: lhb2, lhb4 ~~|',
    'Rhsub: rh1, rh2 -> (Lhbigger: Lhbsubr1, Lhbsubr2) ~~|',
    'Mixed: m1, m2, m3 -> (Lhbigger: lhb4, Lhbsubr1, lhb2) ~~|',
    'y[Rhsub] = 10, 20 ~~|',
    'x[Lhbigger] = y[Rhsub] ~~|',
    'z[Mixed] = 1, 2, 3 ~~|',
    'w[Lhbigger] = z[Mixed] ~~|',
  ].join('\n');
  const r = run(model);
  const over = (v: string) => ['lhb1', 'lhb2', 'lhb3', 'lhb4'].map((e) => at(r, `${v}[${e}]`));

  it('maps every element of a sub-range entry to the one source element', () => {
    expect(over('x')).toEqual([10, 20, 10, 20]);
  });

  it('mixes single elements and sub-ranges entry by entry, not by flattened position', () => {
    // m1 -> lhb4, m2 -> lhb1 and lhb3, m3 -> lhb2
    expect(over('w')).toEqual([2, 3, 2, 1]);
  });
});

describe('DELAY N reads a changing delay time one step late (fn_delay_n)', () => {
  // Reference: "the output of the DELAY N function depends only on the values delay time had in
  // previous Time Steps while output from the DELAY3I function depends also on the value of
  // delay time for the current time step". In equilibrium (input 10, stage content 10 × 2 = 20)
  // the delay time steps from 2 to 4 at Time 2: DELAY1I halves its output at Time 2, DELAY N
  // (order 1) at Time 3, when the stage still holds 20 (outflow 10 at Time 2, inflow 10).
  const model = ['dtime = 2 + STEP(2, 2) ~~|', 'n = DELAY N(10, dtime, 10, 1) ~~|', 'i = DELAY1I(10, dtime, 10) ~~|'].join('\n');
  const r = run(model);

  it('DELAY1I reacts in the step the delay time changes', () => {
    expect(Array.from(r.get('i')!)).toEqual([10, 10, 5, 6.25, 7.1875]);
  });

  it('DELAY N reacts one step later', () => {
    // Time 3: stage 20 → output 20/4 = 5; Time 4: stage 20 + 10 − 5 = 25 → 6.25.
    expect(Array.from(r.get('n')!)).toEqual([10, 10, 10, 5, 6.25]);
  });

});

describe('macros (Vensim reference: Defining macros)', () => {
  it('a name ending in $ inside a macro is the model variable of that name', () => {
    // "you can use TIME STEP$ inside of a macro to refer to the model variable TIME STEP"
    const model = [
      ':MACRO: STEPPED(x)', 'STEPPED = x * TIME STEP$ + Time$ ~~|', ':END OF MACRO:',
      'y = STEPPED(10) ~~|',
    ].join('\n');
    const r = compileVensim(`${model}\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n`).model.run();
    expect(Array.from(r.get('y')!)).toEqual([5, 5.5, 6]);
  });
});

describe('comments', () => {
  it('nested braces make one comment', () => {
    const r = run('a = 1 { outer { inner } still a comment } + 2 ~~|');
    expect(at(r, 'a')).toBe(3);
  });
});

describe('macro calls with several outputs (Vensim reference: Defining macros)', () => {
  // ":MACRO: macroname(inarg1, inarg2 : outarg1, outarg2)": the output arguments are variables
  // defined inside the macro in addition to its own output; the call names the model variables.
  const model = [
    ':MACRO: SPLIT(total, share : rest, twice)',
    'SPLIT = total * share ~~|', 'rest = total - SPLIT ~~|', 'twice = 2 * total ~~|',
    ':END OF MACRO:',
    'part = SPLIT(10 + Time, 0.3 : remainder, doubled) ~~|',
  ].join('\n');

  it('defines each named output from the macro expanded for that call', () => {
    const r = run(model);
    expect(at(r, 'part', 1)).toBeCloseTo(3.3, 12);
    expect(at(r, 'remainder', 1)).toBeCloseTo(7.7, 12);
    expect(at(r, 'doubled', 1)).toBe(22);
  });

  it('says so when the call names more outputs than the macro has', () => {
    expect(() => run(model.replace('remainder, doubled', 'remainder, doubled, extra'))).toThrow(/has 2 output argument/);
  });
});

describe('SAMPLE IF TRUE whose condition reads its own value (fn_sample_if_true)', () => {
  it('compares against the value it holds, which is no loop', () => {
    // Samples Time whenever Time has moved at least 2 past the held value: held 0 until Time 2,
    // then 2 until Time 4.
    const r = run('s = SAMPLE IF TRUE(Time - s >= 2, Time, 0) ~~|');
    expect(Array.from(r.get('s')!)).toEqual([0, 0, 2, 2, 4]);
  });
});

// Engine bugs found by the differential tests (src/conformance/differential-functions.ts).
describe('SAMPLE IF TRUE seen by an initial value (fn_sample_if_true)', () => {
  it('gives initial values of stocks and smooths the value it has at the initial time', () => {
    // The condition holds at Time 0, so the sample is its input, -1 (not its initial value 5), and
    // INTEG(1, y) and SMOOTH(y, 2) start from that value: an equation has one value at one time.
    const r = run('y = SAMPLE IF TRUE(Time >= 0, Time - 1, 5) ~~|\ns = INTEG(1, y) ~~|\nm = SMOOTH(y, 2) ~~|');
    expect(Array.from(r.get('y')!)).toEqual([-1, 0, 1, 2, 3]);
    expect(Array.from(r.get('s')!)).toEqual([-1, 0, 1, 2, 3]);
    // m: -1, then -1 + (-1 - -1)/2 = -1, then -1 + (0 - -1)/2 = -0.5.
    expect(Array.from(r.get('m')!).slice(0, 3)).toEqual([-1, -1, -0.5]);
  });

  it('does so over a range whose condition is the same for every element', () => {
    // The compiler loops over the elements (from 4 of them; fewer are written out one by one); the
    // initial-time statement must stay one statement inside the loop.
    const { model } = compileVensim('d: d1, d2, d3, d4, d5 ~~|\nx[d] = 1, 5, 7, 2, 9 ~~|\ny[d] = SAMPLE IF TRUE(x[d2] > 4, Time + 3, 2) ~~|\ns[d] = INTEG(1, y[d]) ~~|\n' + CONTROL);
    expect(model.generated.source).toMatch(/for \(let i = 0; i < 5; i\+\+\) \{ if \(.*\) v\[\d+ \+ i\] = \(time \+ 3\); else v\[\d+ \+ i\] = 2; \}/);
    const r = model.run();
    for (const e of ['d1', 'd3', 'd5']) {
      expect(Array.from(r.get(`y[${e}]`)!).slice(0, 2)).toEqual([3, 4]);
      expect(Array.from(r.get(`s[${e}]`)!).slice(0, 2)).toEqual([3, 4]);
    }
  });

  it('holds its initial value at the initial time while the condition is false', () => {
    const r = run('y = SAMPLE IF TRUE(Time >= 2, Time, 5) ~~|\ns = INTEG(1, y) ~~|');
    expect(Array.from(r.get('y')!)).toEqual([5, 5, 2, 3, 4]);
    expect(Array.from(r.get('s')!)).toEqual([5, 6, 7, 8, 9]);
  });
});

describe('FORECAST of a negative input (fn_forecast)', () => {
  it('divides by average time × AV, without ABS (unlike TREND)', () => {
    // FORECAST = input*(1+TRD*horizon), TRD = ZIDZ(input-AV, average time*AV), AV = INTEG((input-AV)/average time, input).
    // input -1, -2, -3: AV -1, -1, -1.5; at Time 1 TRD = (-2+1)/(2*-1) = 0.5, FORECAST = -2*(1+0.5) = -3;
    // at Time 2 TRD = (-3+1.5)/(2*-1.5) = 0.5, FORECAST = -4.5. With ABS(AV) it would be -1 and -1.5.
    const r = run('y = FORECAST(-Time - 1, 2, 1) ~~|\nt = TREND(-Time - 1, 2, 0) ~~|');
    expect(Array.from(r.get('y')!).slice(0, 3)).toEqual([-1, -3, -4.5]);
    // TREND keeps ABS (fn_trend): ZIDZ(-2+1, 2*ABS(-1)) = -0.5 at Time 1.
    expect(at(r, 't', 1)).toBe(-0.5);
  });
});

describe('VECTOR LOOKUP (fn_vector_lookup)', () => {
  // vec's values sit at evenly spaced x over [xmin, xmax]; called with vec's first element;
  // for a two-dimensional vec the lookup runs along the last subscript.
  const model = [
    's: s1, s2, s3 ~~|', 'row: r1, r2 ~~|',
    'lv[s] = 0, 10, 40 ~~|',
    'grid[row, s] = 0, 1, 2; 0, 100, 200; ~~|',
    'plain = VECTOR LOOKUP(lv[s1], 7.5, 0, 10, 0) ~~|',
    'below = VECTOR LOOKUP(lv[s1], -5, 0, 10, 0) ~~|',
    'extra = VECTOR LOOKUP(lv[s1], 15, 0, 10, 3) ~~|',
    'back = VECTOR LOOKUP(lv[s1], 7.5, 0, 10, 2) ~~|',
    'fwd = VECTOR LOOKUP(lv[s1], 2.5, 0, 10, 4) ~~|',
    'inv = VECTOR LOOKUP(lv[s1], 25, 0, 10, 5) ~~|',
    'slope = VECTOR LOOKUP(lv[s1], 7.5, 0, 10, 6) ~~|',
    'per row[row] = VECTOR LOOKUP(grid[row, s1], 5, 0, 10, 0) ~~|',
  ].join('\n');
  const r = run(model);

  it('interpolates between the evenly spaced points and holds the ends (mode 0)', () => {
    expect(at(r, 'plain')).toBe(25); // points (0,0), (5,10), (10,40)
    expect(at(r, 'below')).toBe(0);
  });

  it('follows the mode: extrapolate, backward, forward, invert, slope', () => {
    expect(at(r, 'extra')).toBe(70); // last segment's slope 6 per unit
    expect(at(r, 'back')).toBe(10);
    expect(at(r, 'fwd')).toBe(10);
    expect(at(r, 'inv')).toBe(7.5);
    expect(at(r, 'slope')).toBe(6);
  });

  it('runs along the last subscript of a two-dimensional vector', () => {
    expect([at(r, 'per row[r1]'), at(r, 'per row[r2]')]).toEqual([1, 100]);
  });

  it('gives the area from xmin in modes 1 and 7 (7 continuing the end segments)', () => {
    const a = run('s: s1, s2, s3 ~~|\nlv[s] = 0, 10, 40 ~~|\nin = VECTOR LOOKUP(lv[s1], 7.5, 0, 10, 1) ~~|\nout = VECTOR LOOKUP(lv[s1], 12, 0, 10, 1) ~~|\nex = VECTOR LOOKUP(lv[s1], 12, 0, 10, 7) ~~|');
    // 0..5: triangle 25; 5..7.5: trapezoid (10 + 25)/2 × 2.5 = 43.75
    expect(at(a, 'in')).toBe(68.75);
    // to 10: 25 + 125 = 150, then held at 40 for 2 more: 230; extrapolated (slope 6): 150 + 80 + 12 = 242
    expect(at(a, 'out')).toBe(230);
    expect(at(a, 'ex')).toBe(242);
  });

  it('refuses invert with extrapolation (mode 8) with a located message', () => {
    expect(() => run('s: s1, s2 ~~|\nlv[s] = 1, 2 ~~|\na = VECTOR LOOKUP(lv[s1], 1, 0, 1, 8) ~~|')).toThrow(/3:.*mode 8 .*not supported/);
  });
});

describe('SINTEG (fn_sinteg)', () => {
  it('stays within min and max and on multiples of quant (:NA: lifts a restriction)', () => {
    const r = run('q = SINTEG(3, 0.5, :NA:, 10, 1, :NA:, :NA:) ~~|\nfloor = SINTEG(-4, 5, 0, :NA:, :NA:, :NA:, :NA:) ~~|');
    expect(Array.from(r.get('q')!)).toEqual([0, 3, 6, 9, 10]);
    expect(Array.from(r.get('floor')!)).toEqual([5, 1, 0, 0, 0]);
  });

  it('snaps to spec within thresh, and with every restriction lifted is INTEG', () => {
    const r = run('s = SINTEG(-0.3, 1, :NA:, :NA:, :NA:, 0, 0.5) ~~|\nplain = SINTEG(2, 1, :NA:, :NA:, :NA:, :NA:, :NA:) ~~|');
    const s = Array.from(r.get('s')!);
    [1, 0.7, 0, 0, 0].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 12));
    expect(Array.from(r.get('plain')!)).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('DELAY MATERIAL (fn_delay_material)', () => {
  it('adds inputs that leave together when the delay time falls', () => {
    // inputs 1, 2, 3, 4 at Time 0..3; delay 2 before Time 2, 1 after: 1 leaves at 2, 2 and 3 at 3.
    const r = run('d = DELAY MATERIAL(1 + Time, 2 - STEP(1, 2), 99, 0) ~~|');
    expect(Array.from(r.get('d')!)).toEqual([99, 99, 1, 5, 4]);
  });

  it('gives missval in steps when nothing leaves as the delay time grows', () => {
    // delay 1, then 3 from Time 2: 1 leaves at 1, 2 at 2, 3 at 5 (after the run), 4 at 6.
    const r = run('d = DELAY MATERIAL(1 + Time, 1 + STEP(2, 2), 99, -1) ~~|');
    expect(Array.from(r.get('d')!)).toEqual([99, 1, 2, -1, -1]);
  });
});

describe('SMOOTH N order reduction (fn_smooth_n)', () => {
  it('runs with the largest order whose stages fit the TIME STEP', () => {
    // smooth time 1.5 with TIME STEP 1: order 3 does not fit (3 × 1 > 1.5), order 1 does.
    const r = run('n = SMOOTH N(Time, 1.5, 0, 3) ~~|\ni = SMOOTHI(Time, 1.5, 0) ~~|');
    const n = Array.from(r.get('n')!);
    Array.from(r.get('i')!).forEach((v, k) => expect(n[k]).toBeCloseTo(v, 12));
    // first order by hand: s(k+1) = s(k) + (k − s(k)) / 1.5
    const byHand = [0];
    for (let k = 0; k < 4; k++) byHand.push(byHand[k]! + (k - byHand[k]!) / 1.5);
    byHand.forEach((v, k) => expect(n[k]).toBeCloseTo(v, 12));
  });
});

describe('LOOKUP AREA', () => {
  it('is the area under the lookup between two x values, held flat past the ends', () => {
    const r = run('t((0,0),(2,2),(4,2)) ~~|\na = LOOKUP AREA(t, 0, 1) ~~|\nb = LOOKUP AREA(t, 1, 6) ~~|\nback = LOOKUP AREA(t, 1, 0) ~~|');
    expect(at(r, 'a')).toBe(0.5);
    expect(at(r, 'b')).toBe(1.5 + 4 + 4); // 1..2 trapezoid, 2..4 flat at 2, 4..6 held at 2
    expect(at(r, 'back')).toBe(-0.5);
  });
});

describe('GET DATA functions (fn_get_data_between_times and its siblings)', () => {
  const ext = new Map([['sales', { times: [1, 3], values: [10, 30] }]]);
  const model = [
    'sales ~~|',
    'at = GET DATA AT TIME(sales, 2) ~~|',
    'first = GET DATA FIRST TIME(sales) ~~|', 'last = GET DATA LAST TIME(sales) ~~|',
    'between = GET DATA BETWEEN TIMES(sales, Time, 0) ~~|',
    'later = GET DATA BETWEEN TIMES(sales, 2, 1) ~~|', 'earlier = GET DATA BETWEEN TIMES(sales, 2, -1) ~~|',
  ].join('\n');
  const r = compileVensim(`${model}\n${CONTROL}`, { externalData: ext }).model.run();

  it('reads the series at a time, and its first and last times', () => {
    expect(at(r, 'at')).toBe(20);
    expect([at(r, 'first'), at(r, 'last')]).toEqual([1, 3]);
  });

  it('BETWEEN TIMES interpolates, takes the later or earlier point, and is :NA: outside the data', () => {
    expect(Array.from(r.get('between')!)).toEqual([VENSIM_NA, 10, 20, 30, VENSIM_NA]);
    expect([at(r, 'later'), at(r, 'earlier')]).toEqual([30, 10]);
  });

  it('says which argument is wrong when it is not a data variable', () => {
    expect(() => run('c = 1 ~~|\nx = GET DATA FIRST TIME(c) ~~|')).toThrow(/2:.*needs a data variable/);
  });
});

describe('Vensim functions not computed yet', () => {
  it.each([
    'DELAY PROFILE(1, 2)', 'QUEUE LIFO(1, 1, 1, 1)', 'QUEUE AGE AVERAGE(c, 0)',
    'GET DATA SUM(c, 0, 1)', 'GET DATA TOTAL POINTS(c, 0, 1)', 'GET DATA STDV(c, 0, 1)', 'DELAY BATCH(c, 10, 2, 0, 0, 0)',
    'VECTOR ARRAY SUM(c)', 'TABXL(c, 1)', 'FIND ZERO(c, c, c, c, 1, 0, 0.001, 10, 0)', 'ALLOC P(c, c, c, c)',
  ])(
    '%s stops with a located E_UNSUPPORTED naming it and what to write instead',
    (call) => {
      const name = call.slice(0, call.indexOf('('));
      expect(() => run(`c = 1 ~~|\na = ${call} ~~|`)).toThrow(new RegExp(`2:5: error E_UNSUPPORTED: the Vensim function ${name} is not supported yet \\(.+\\)`));
    },
  );
});

describe('what keeps an unsupported function out is said at the call', () => {
  it.each([
    ['DELAY BATCH(c, 10, 2, 0, 0, 0)', /whether a batch may start in the step the previous one completes/],
    ['DELAY PROFILE(c, 1, 2, 0, 0)', /how its x axis is stretched to that average/],
    ['VECTOR ARRAY MEAN(c)', /no Vensim reference page for it was found/],
    ['GET DATA STDV(c, 0, 1)', /whether it divides by the number of points or by one less is not known/],
    ['FIND ZERO(c, c, c, c, 1, 0, 0.001, 10, 0)', /solves equations simultaneously across the model/],
    ['FIND ZERO(c, c, c, c, 1, 0, 0.001, 10, 0)', /stop before saying what tol bounds/],
    ['SIMULTANEOUS(c, 0.8)', /how small a change counts as none/],
    ['QUEUE FIFO ATTRIB(c, c, c, 0, c, c, 0, 0, 3)', /the area under the profile over its interval or the value of the profile at one point/],
    ['QUEUE AGE OLDEST(c)', /not what they return for an empty queue/],
  ])('%s', (call, reason) => {
    expect(() => run(`c = 1 ~~|\na = ${call} ~~|`)).toThrow(reason);
  });
});

describe('NPVE (fn_npve)', () => {
  it('discounts like NPV with the discount factor starting at 1/(1 + rate × TIME STEP)', () => {
    // stream 1, rate 0.1, dt 1: df = 1/1.1, 1/1.1², …; NPVE = accum + stream·dt·df.
    const r = run('n = NPVE(1, 0.1, 0, 1) ~~|');
    const expected = [0, 1, 2, 3, 4].map((t) => Array.from({ length: t + 1 }, (_, k) => 1 / 1.1 ** (k + 1)).reduce((a, b) => a + b, 0));
    Array.from(r.get('n')!).forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 12));
  });
});
