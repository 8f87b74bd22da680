import { describe, expect, it } from 'vitest';
import { dominanceOf } from './test-support/dominance.js';
import { compileVensim } from './engine.js';
import { type DominanceOptions, type LoopDominance } from './loop-dominance.js';

const dominance = (text: string, options: DominanceOptions = {}) => dominanceOf(text, { discover: false, ...options });

const settings = `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 30 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

/** A stock that grows on its perceived value and loses to crowding; each test adds `perceived`. */
const crowdedGrowth = `
stock = INTEG(growth - loss, 10) ~ u ~|
growth = r * perceived ~ u/Year ~|
loss = stock * stock / K ~ u/Year ~|
r = 0.3 ~ 1/Year ~| T = 3 ~ Year ~| K = 500 ~ u*Year ~|
${settings}`;

/** An inventory ordered to a target; each test adds how `arrivals` follow `orders`. */
const inventoryOrders = `
inventory = INTEG(arrivals - use, 100) ~ u ~|
use = 10 + STEP(5, 3) ~ u/Year ~|
orders = MAX(0, use + (target - inventory) / adj) ~ u/Year ~|
target = 120 ~ u ~| adj = 2 ~ Year ~| D = 4 ~ Year ~|
${settings}`;

/**
 * `a` and `b` equal to 9 significant digits: the two models compute the same values in another
 * order of floating-point operations, and a link score divides differences of them (a score of
 * thousands, where the net flow hardly changes, shows it in the 12th digit).
 */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Each score of `a` equal to `b`'s, at every time (the failing time and values shown). */
const sameScores = (a: Float64Array, b: Float64Array, what = '') => {
  expect(a.length).toBe(b.length);
  const bad = [...a.keys()].filter((k) => !same(a[k]!, b[k]!)).map((k) => [what, k, a[k], b[k]]);
  expect(bad).toEqual([]);
};

/** The loop that passes `v`, by its variables. */
const through = (d: LoopDominance, ...vars: string[]) => {
  const found = d.loops.filter((l) => vars.every((v) => l.variables.includes(v)));
  expect(found.map((l) => l.id)).toHaveLength(1);
  return found[0]!;
};

describe('loop scores through smooths and delays (their stocks)', () => {
  it('scores a loop through SMOOTH as the same loop through an explicit stock and flow', () => {
    const smooth = dominance(`${crowdedGrowth}
perceived = SMOOTH(stock, T) ~ u ~|`);
    const explicit = dominance(`${crowdedGrowth}
perceived = INTEG(change, stock) ~ u ~|
change = (stock - perceived) / T ~ u/Year ~|`);
    expect(smooth.notScored).toEqual([]);
    const a = through(smooth, 'perceived', 'stock');
    const b = through(explicit, 'perceived', 'stock', 'growth');
    expect(a.polarity).toBe('R');
    expect(b.polarity).toBe('R');
    expect(a.score.length).toBe(b.score.length);
    expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    sameScores(a.score, b.score);
    const la = through(smooth, 'loss');
    const lb = through(explicit, 'loss');
    sameScores(la.score, lb.score);
  });

  it('scores a SMOOTH inside a larger expression through its stock', () => {
    const nested = dominance(`
s = INTEG(inflow - s / 8, 1) ~ u ~|
inflow = SMOOTH(s, 2) * 0.3 ~ u/Year ~|
${settings}`);
    const explicit = dominance(`
s = INTEG(inflow - s / 8, 1) ~ u ~|
inflow = sm * 0.3 ~ u/Year ~|
sm = INTEG((s - sm) / 2, s) ~ u ~|
${settings}`);
    expect(nested.notScored).toEqual([]);
    const a = through(nested, 'inflow');
    const b = through(explicit, 'inflow', 'sm');
    expect(a.elements).toEqual(['s', 'inflow (smooth)', 'inflow']);
    expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    sameScores(a.score, b.score);
  });

  it('scores a loop through TREND as through its explicit average stock and gap, under both flow-to-stock formulas', () => {
    const common = `
stock = INTEG(growth - stock / 20, 10) ~ u ~|
growth = 1 + 5 * MAX(0, change) ~ u/Year ~|
T = 3 ~ Year ~| g0 = 0.05 ~ 1/Year ~|
${settings}`;
    for (const flowToStock of ['change', 'value'] as const) {
      const trend = dominance(`${common}
change = TREND(stock, T, g0) ~ 1/Year ~|`, { flowToStock });
      const explicit = dominance(`${common}
average = INTEG(adjust, stock / (1 + g0 * T)) ~ u ~| adjust = (stock - average) / T ~ u/Year ~|
change = ZIDZ(stock - average, T * ABS(average)) ~ 1/Year ~|`, { flowToStock });
      expect(trend.notScored).toEqual([]);
      // Two loops through the trend: the stock read by the gap directly, and through the average.
      const direct = trend.loops.filter((l) => l.variables.includes('change') && l.elements.length === 3);
      const averaged = trend.loops.filter((l) => l.variables.includes('change') && l.elements.length === 4);
      expect([direct.length, averaged.length]).toEqual([1, 1]);
      const d = explicit.loops.filter((l) => l.variables.includes('change') && !l.variables.includes('average'));
      const a = explicit.loops.filter((l) => l.variables.includes('change') && l.variables.includes('average'));
      expect([d.length, a.length]).toEqual([1, 1]);
      expect([direct[0]!.polarity, averaged[0]!.polarity]).toEqual([d[0]!.polarity, a[0]!.polarity]);
      expect(averaged[0]!.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
      sameScores(direct[0]!.score, d[0]!.score, `${flowToStock} direct`);
      sameScores(averaged[0]!.score, a[0]!.score, `${flowToStock} through the average`);
    }
  });

  it('names the stocks of a TREND inside an expression by its variable, and numbers the two paths through it', () => {
    const d = dominance(`
stock = INTEG(growth - stock / 20, 10) ~ u ~|
growth = 1 + 5 * MAX(0, TREND(stock, 3, 0.05)) ~ u/Year ~|
${settings}`);
    expect(d.notScored).toEqual([]);
    const paths = d.loops.filter((l) => l.variables.includes('growth'));
    // The stock read by the trend (the call's own hidden node) directly, and through its average (the trend's stock).
    expect(paths.map((l) => l.elements)).toEqual([
      ['stock', 'growth (trend)', 'growth'],
      ['stock', 'growth (trend: trend average)', 'growth (trend)', 'growth'],
    ]);
    expect(paths.map((l) => l.id)).toEqual([`${paths[0]!.loop}.1`, `${paths[0]!.loop}.2`]);
  });

  it('scores SMOOTH as its one-flow stock under the 2020 flow-to-stock formula too', () => {
    const smooth = dominance(`${crowdedGrowth}
perceived = SMOOTH3(stock, T) ~ u ~|`, { flowToStock: 'value' });
    const explicit = dominance(`${crowdedGrowth}
s1 = INTEG(c1, stock) ~ u ~| c1 = (stock - s1) / (T / 3) ~ u/Year ~|
s2 = INTEG(c2, stock) ~ u ~| c2 = (s1 - s2) / (T / 3) ~ u/Year ~|
perceived = INTEG(c3, stock) ~ u ~| c3 = (s2 - perceived) / (T / 3) ~ u/Year ~|`, { flowToStock: 'value' });
    const a = through(smooth, 'perceived', 'growth');
    const b = through(explicit, 'perceived', 'growth', 's1');
    expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    sameScores(a.score, b.score);
  });

  it('gives the loop through SMOOTH the score the method defines for its stock, by hand', () => {
    const text = `${crowdedGrowth}
perceived = SMOOTH(stock, T) ~ u ~|`;
    const d = dominance(text);
    const run = compileVensim(text).model.run({ saveper: 0.25, end: 30.25, columns: ['stock', 'perceived', 'growth', 'loss'] });
    const [s, p, g, l] = ['stock', 'perceived', 'growth', 'loss'].map((n) => run.get(n)!) as [Float64Array, Float64Array, Float64Array, Float64Array];
    const R = through(d, 'perceived', 'growth');
    expect(R.score.length).toBeGreaterThan(100);
    R.score.forEach((v, k) => {
      const ds = s[k + 1]! - s[k]!;
      const dp = p[k + 1]! - p[k]!;
      const dg = g[k + 1]! - g[k]!;
      const dl = l[k + 1]! - l[k]!;
      // stock → perceived: the smooth's flow (stock − perceived)/T moved by stock alone, over its
      // whole change, times the flow's link to its (only) stock, 1; perceived → growth: 1;
      // growth → stock: the inflow's change over the net flow's.
      const hand = Math.abs(ds / (ds - dp)) * Math.abs(dg / (dg - dl));
      expect([k, same(v, hand)]).toEqual([k, true]);
    });
  });

  it('scores loops through DELAY1 and DELAY1I as through their explicit pipeline stock', () => {
    const explicit = dominance(`${inventoryOrders}
pipeline = INTEG(orders - arrivals, orders * D) ~ u ~|
arrivals = pipeline / D ~ u/Year ~|`);
    for (const call of ['DELAY1(orders, D)', 'DELAY1I(orders, D, orders)']) {
      const delayed = dominance(`${inventoryOrders}
arrivals = ${call} ~ u/Year ~|`);
      expect(delayed.notScored).toEqual([]);
      const a = through(delayed, 'orders', 'arrivals');
      const b = through(explicit, 'orders', 'arrivals', 'pipeline');
      expect([a.polarity, b.polarity]).toEqual(['B', 'B']);
      expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
      sameScores(a.score, b.score);
    }
  });

  it('scores loops through SMOOTH3 and SMOOTHI as through their explicit stocks (third order, own initial value)', () => {
    const third = dominance(`${crowdedGrowth}
perceived = SMOOTH3(stock, T) ~ u ~|`);
    const chain = dominance(`${crowdedGrowth}
s1 = INTEG(c1, stock) ~ u ~| c1 = (stock - s1) / (T / 3) ~ u/Year ~|
s2 = INTEG(c2, stock) ~ u ~| c2 = (s1 - s2) / (T / 3) ~ u/Year ~|
perceived = INTEG(c3, stock) ~ u ~| c3 = (s2 - perceived) / (T / 3) ~ u/Year ~|`);
    expect(third.notScored).toEqual([]);
    const a = through(third, 'perceived', 'growth');
    const b = through(chain, 'perceived', 'growth', 's1', 's2');
    expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    sameScores(a.score, b.score);

    const smoothi = dominance(`${crowdedGrowth}
perceived = SMOOTHI(stock, T, 40) ~ u ~|`);
    const own = dominance(`${crowdedGrowth}
perceived = INTEG(change, 40) ~ u ~| change = (stock - perceived) / T ~ u/Year ~|`);
    const c = through(smoothi, 'perceived', 'growth');
    const e = through(own, 'perceived', 'growth', 'change');
    // Its own initial value changes the run, so the scores differ from SMOOTH's.
    const plain = through(dominance(`${crowdedGrowth}
perceived = SMOOTH(stock, T) ~ u ~|`), 'perceived', 'growth');
    expect(Math.abs(c.score[1]! - plain.score[1]!)).toBeGreaterThan(1e-3);
    sameScores(c.score, e.score);
  });

  it('scores loops through DELAY3 as through its three explicit pipeline stocks', () => {
    const delayed = dominance(`${inventoryOrders}
arrivals = DELAY3(orders, D) ~ u/Year ~|`);
    const explicit = dominance(`${inventoryOrders}
p1 = INTEG(orders - o1, orders * D / 3) ~ u ~| o1 = p1 / (D / 3) ~ u/Year ~|
p2 = INTEG(o1 - o2, orders * D / 3) ~ u ~| o2 = p2 / (D / 3) ~ u/Year ~|
p3 = INTEG(o2 - arrivals, orders * D / 3) ~ u ~| arrivals = p3 / (D / 3) ~ u/Year ~|`);
    expect(delayed.notScored).toEqual([]);
    const a = through(delayed, 'orders', 'arrivals');
    const b = through(explicit, 'orders', 'arrivals', 'p1', 'p2', 'p3');
    expect([a.polarity, b.polarity]).toEqual(['B', 'B']);
    expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    sameScores(a.score, b.score);
  });

  it('scores an arrayed SMOOTH element by element as its explicit arrayed stock', () => {
    const common = `
R: A1, A2 ~~|
stock[R] = INTEG(growth[R] - loss[R], 10) ~ u ~|
growth[R] = r[R] * perceived[R] ~ u/Year ~|
loss[R] = stock[R] * stock[R] / K ~ u/Year ~|
r[R] = 0.3, 0.2 ~ 1/Year ~| T[R] = 3, 5 ~ Year ~| K = 500 ~ u*Year ~|
${settings}`;
    const smooth = dominance(`${common}
perceived[R] = SMOOTH(stock[R], T[R]) ~ u ~|`);
    const explicit = dominance(`${common}
perceived[R] = INTEG(change[R], stock[R]) ~ u ~| change[R] = (stock[R] - perceived[R]) / T[R] ~ u/Year ~|`);
    expect(smooth.notScored).toEqual([]);
    for (const el of ['A1', 'A2']) {
      const a = smooth.loops.filter((l) => l.variables.includes('growth') && l.id.endsWith(`[${el}]`));
      const b = explicit.loops.filter((l) => l.variables.includes('change') && l.variables.includes('growth') && l.id.endsWith(`[${el}]`));
      expect([a.length, b.length]).toEqual([1, 1]);
      expect(a[0]!.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
      sameScores(a[0]!.score, b[0]!.score, el);
    }
  });

  it('scores SMOOTH N and DELAY N of order 3 as SMOOTH3 and DELAY3', () => {
    const common = `
inventory = INTEG(arrivals - use, 100) ~ u ~|
use = 10 + STEP(5, 3) ~ u/Year ~|
orders = MAX(0, use + (target - smoothed) / adj) ~ u/Year ~|
target = 120 ~ u ~| adj = 2 ~ Year ~| D = 4 ~ Year ~| T = 2 ~ Year ~|
${settings}`;
    const n = dominance(`${common}
arrivals = DELAY N(orders, D, orders, 3) ~ u/Year ~| smoothed = SMOOTH N(inventory, T, inventory, 3) ~ u ~|`);
    const three = dominance(`${common}
arrivals = DELAY3(orders, D) ~ u/Year ~| smoothed = SMOOTH3(inventory, T) ~ u ~|`);
    expect(n.notScored).toEqual([]);
    const a = through(n, 'orders', 'arrivals', 'smoothed');
    const b = through(three, 'orders', 'arrivals', 'smoothed');
    expect(a.score.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    sameScores(a.score, b.score);
  });

  it('keeps loops through SAMPLE IF TRUE and DELAY FIXED unscored, saying why', () => {
    const sampled = dominance(`
stock = INTEG(growth - loss, 10) ~ u ~|
growth = r * perceived ~ u/Year ~|
perceived = SAMPLE IF TRUE(MODULO(Time, 2) = 0, stock, stock) ~ u ~|
loss = stock / 10 ~ u/Year ~|
r = 0.3 ~ 1/Year ~|
${settings}`);
    expect(sampled.notScored.map((n) => [n.reason.en, n.reason.es])).toEqual([[expect.stringContaining('SAMPLE IF TRUE (a held sample'), expect.stringContaining('SAMPLE IF TRUE (una muestra retenida')]]);
    const d = dominance(`
stock = INTEG(growth - loss, 10) ~ u ~|
growth = r * perceived ~ u/Year ~|
perceived = DELAY FIXED(stock, 2, stock) ~ u ~|
loss = stock / 10 ~ u/Year ~|
r = 0.3 ~ 1/Year ~|
${settings}`);
    expect(d.notScored.map((n) => n.reason.en)).toEqual([expect.stringContaining('DELAY FIXED (a pipeline delay')]);
    expect(d.loops.map((l) => [...l.variables].sort())).toEqual([['loss', 'stock']]);
  });
});
