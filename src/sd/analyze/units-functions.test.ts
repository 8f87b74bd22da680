/**
 * Units of GET DATA MAX / MIN / MEAN, TIME BASE, DERIVN and NPV/NPVE, each from the "Units:" line
 * of its Vensim reference page (fn_get_data_min, fn_time_base, fn_npv) or, for DERIVN, Stella's
 * (input units over time units to the order).
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { checkUnits } from './units.js';

const toy = (body: string) =>
  readVensim(`${body}
INITIAL TIME = 0 ~ Month ~ |
FINAL TIME = 10 ~ Month ~ |
TIME STEP = 1 ~ Month ~ |
SAVEPER = 1 ~ Month ~ |
`);
const messages = (body: string) => checkUnits(toy(body)).map((i) => `${i.variable}: ${i.message}`);

describe('units of the data statistics, TIME BASE, DERIVN and NPV', () => {
  it('GET DATA MIN/MAX/MEAN have the data units and want times for the range', () => {
    const ok = 'sales ~ Widget ~ |\nlo = GET DATA MIN(sales, INITIAL TIME, FINAL TIME) ~ Widget ~ |\nhi = GET DATA MAX(sales, 0, Time) ~ Widget ~ |';
    expect(messages(ok)).toEqual([]);
    expect(messages('sales ~ Widget ~ |\nm = GET DATA MEAN(sales, 0, 5) ~ Person ~ |')).toEqual(['m: equation gives Widget, declared Person']);
    expect(messages('sales ~ Widget ~ |\nw = 2 ~ Widget ~ |\nm = GET DATA MEAN(sales, w, Time) ~ Widget ~ |')).toEqual([
      'm: GET DATA MEAN start time in Widget, not Month',
    ]);
  });

  it('TIME BASE is in the units of START, with SLOPE in START per time unit', () => {
    expect(messages('y = TIME BASE(y0, s) ~ Year ~ |\ny0 = 1970 ~ Year ~ |\ns = 0.0833 ~ Year/Month ~ |')).toEqual([]);
    expect(messages('y = TIME BASE(y0, s) ~ Year ~ |\ny0 = 1970 ~ Year ~ |\ns = 0.0833 ~ Year ~ |')).toEqual([
      'y: TIME BASE START and SLOPE × Time: Year and Year*Month do not agree',
    ]);
  });

  it('DERIVN divides by the time unit once per order', () => {
    expect(messages('x = 1 ~ Widget ~ |\nv = DERIVN(x, 1) ~ Widget/Month ~ |\na = DERIVN(x, 2) ~ Widget/(Month*Month) ~ |')).toEqual([]);
    expect(messages('x = 1 ~ Widget ~ |\nv = DERIVN(x, 1) ~ Widget ~ |')).toEqual(['v: equation gives Widget/Month, declared Widget']);
  });

  it('NPV and NPVE are in stream units × time', () => {
    expect(messages('c = 1 ~ Dollar/Month ~ |\nr = 0.01 ~ 1/Month ~ |\nv = NPV(c, r, 0, 1) ~ Dollar ~ |\nw = NPVE(c, r, 0, 1) ~ Dollar ~ |')).toEqual([]);
    expect(messages('c = 1 ~ Dollar/Month ~ |\nr = 0.01 ~ 1/Month ~ |\nv = NPV(c, r, 0, 1) ~ Dollar/Month ~ |')).toEqual([
      'v: equation gives Dollar, declared Dollar/Month',
    ]);
  });
});

describe('units of TIME SHIFT (fn_time_shift: units, time → units)', () => {
  it('keeps the data units and wants the shift in time units', () => {
    expect(messages('sales ~ Widget ~ |\nh = 1 ~ Month ~ |\nahead := TIME SHIFT(sales, h) ~ Widget ~ |')).toEqual([]);
    expect(messages('sales ~ Widget ~ |\nh = 1 ~ Widget ~ |\nahead := TIME SHIFT(sales, h) ~ Widget ~ |')).toEqual(['ahead: TIME SHIFT shift in Widget, not Month']);
  });
});

describe('units of FORECAST, TREND and the test inputs (Vensim reference "Units:" lines)', () => {
  it('FORECAST(units, time, time) → units: the third argument is a horizon, not an initial value', () => {
    const ok = 'r = 1 ~ Widget/Month ~ |\navg = 5 ~ Month ~ |\nh = 10 ~ Month ~ |\nf = FORECAST(r, avg, h) ~ Widget/Month ~ |';
    expect(messages(ok)).toEqual([]);
    expect(messages('r = 1 ~ Widget/Month ~ |\navg = 5 ~ Month ~ |\nh = 10 ~ Widget ~ |\nf = FORECAST(r, avg, h) ~ Widget/Month ~ |')).toEqual([
      'f: FORECAST horizon in Widget, not Month',
    ]);
  });

  it('TREND(units, time, 1/time) → 1/time', () => {
    expect(messages('r = 1 ~ Widget ~ |\navg = 5 ~ Month ~ |\ng0 = 0.1 ~ 1/Month ~ |\ng = TREND(r, avg, g0) ~ 1/Month ~ |')).toEqual([]);
    expect(messages('r = 1 ~ Widget ~ |\navg = 5 ~ Month ~ |\ng0 = 0.1 ~ Widget ~ |\ng = TREND(r, avg, g0) ~ Widget ~ |')).toEqual([
      'g: TREND initial trend in Widget, not 1/Month',
      'g: equation gives 1/Month, declared Widget',
    ]);
  });

  it('STEP(units, time) → units, RAMP(units/time, time, time) → units, PULSE(time, time) → dmnl', () => {
    const ok = `h = 2 ~ Widget ~ |\nt0 = 3 ~ Month ~ |\nslope = 1 ~ Widget/Month ~ |
s = STEP(h, t0) ~ Widget ~ |\nr = RAMP(slope, t0, 8) ~ Widget ~ |\np = PULSE(t0, 1) ~ Dmnl ~ |`;
    expect(messages(ok)).toEqual([]);
    expect(messages('h = 2 ~ Widget ~ |\ns = STEP(h, h) ~ Widget ~ |\nr = RAMP(h, 1, 8) ~ Widget ~ |\np = PULSE(h, 1) ~ Dmnl ~ |')).toEqual([
      's: STEP time in Widget, not Month',
      'r: equation gives Widget*Month, declared Widget',
      'p: PULSE time in Widget, not Month',
    ]);
  });

  it('SUM, ABS and INITIAL keep their argument units', () => {
    const body = `d: a1, a2 ~~|\nx[d] = 1 ~ Widget ~ |\nt = SUM(x[d!]) ~ Widget ~ |\nm = ABS(t) ~ Widget ~ |\ni = INITIAL(t) ~ Person ~ |`;
    expect(messages(body)).toEqual(['i: equation gives Widget, declared Person']);
  });
});
