/**
 * FIND MARKET PRICE, DEMAND AT PRICE and SUPPLY AT PRICE, from Vensim's pages
 * (documentation/fn_find_market_price.html, fn_demand_at_price.html, fn_supply_at_price.html,
 * 24340.html, and the curves of 24330.html / 24335.html). The models are written for this test;
 * the expected values are worked by hand from the curves (see each case).
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { readVensim } from '../vensim/reader.js';
import { writeVensim } from '../vensim/writer.js';
import { xmileRefusal } from '../xmile/test-support.js';
import { VectorArgumentError } from './argument-error.js';
import { compileVensim } from './engine.js';
import { findMarketPrice } from './market-price.js';
import { buildError as buildErrorIn } from './test-support/build-error.js';
import { runError as runErrorIn } from './test-support/run-error.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const RANGES = 'demander: d1, d2 ~~|\nsupplier: s1, s2 ~~|\npprofile: ptype, ppriority, pwidth, pextra ~~|\n';
const MARKET = `price = FIND MARKET PRICE(dq[d1], dp[d1, ptype], sq[s1], sp[s1, ptype]) ~~|
demanded[demander] = DEMAND AT PRICE(dq[demander], dp[demander, ptype], price) ~~|
supplied[supplier] = SUPPLY AT PRICE(sq[supplier], sp[supplier, ptype], price) ~~|
`;

/** Two demanders and two suppliers; `curves` gives dq, dp, sq and sp. */
const market = (curves: string) => `${RANGES}${curves}${MARKET}${CONTROL}`;

/** Quantities and one profile row shared by both members of each side. */
const sides = (dq: string, dp: string, sq: string, sp: string) =>
  `dq[demander] = ${dq} ~~|\ndp[d1, pprofile] = ${dp} ~~|\ndp[d2, pprofile] = ${dp} ~~|\nsq[supplier] = ${sq} ~~|\nsp[s1, pprofile] = ${sp} ~~|\nsp[s2, pprofile] = ${sp} ~~|\n`;

function run(src: string) {
  return compileVensim(src, { file: 'market.mdl' }).model.run();
}

const buildError = (src: string): ModelError => buildErrorIn(src, 'market.mdl');

// Rectangular curves (ptype 1, full width pwidth): demand share clamp((ppriority − p)/pwidth + 1/2),
// supply share clamp((p − ppriority)/pwidth + 1/2); s2 is a fixed quantity (ptype 0).
const RECTANGLES = `dq[d1] = 100 + 20 * Time ~~|
dq[d2] = 50 ~~|
dp[d1, pprofile] = 1, 10, 4, 0 ~~|
dp[d2, pprofile] = 1, 9, 2, 0 ~~|
sq[supplier] = 80, 40 ~~|
sp[s1, pprofile] = 1, 8, 4, 0 ~~|
sp[s2, pprofile] = 0, 0, 0, 0 ~~|
`;

describe('FIND MARKET PRICE with DEMAND AT PRICE and SUPPLY AT PRICE', () => {
  it('clears a market of rectangular curves and a fixed supply at the hand-computed price', () => {
    const r = run(market(RECTANGLES));
    // Time 0, p in [8, 10]: demand 100(3 − p/4) + 50(5 − p/2) = 550 − 50p, supply 80(p/4 − 3/2) + 40 = 20p − 80 → p = 9:
    // d1 75, d2 25, s1 60, s2 40. Time 1 (dq[d1] = 120): 610 − 55p = 20p − 80 → p = 9.2: d1 84, d2 20, s1 64, s2 40.
    const expected: Record<string, number[]> = {
      price: [9, 9.2], 'demanded[d1]': [75, 84], 'demanded[d2]': [25, 20], 'supplied[s1]': [60, 64], 'supplied[s2]': [40, 40],
    };
    for (const [col, want] of Object.entries(expected)) {
      want.forEach((v, t) => expect(r.get(col)![t], `${col} at time ${t}`).toBeCloseTo(v, 9));
    }
  });

  it('clears normal curves mirrored about 5 at 5, where each side holds Φ(1) of its quantity', () => {
    // Demand normal around 6, supply normal around 4, both of standard deviation 1 and quantity 100 (d2, s2 zero).
    const r = run(market(sides('100, 0', '3, 6, 1, 0', '100, 0', '3, 4, 1, 0')));
    const phi1 = 0.8413447460685429; // Φ(1)
    expect(r.get('price')![0]).toBeCloseTo(5, 9);
    expect(r.get('demanded[d1]')![0]).toBeCloseTo(100 * phi1, 9);
    expect(r.get('supplied[s1]')![0]).toBeCloseTo(100 * phi1, 9);
  });

  it('clears triangles and exponentials mirrored about 5 at 5 too (full width 4: G(1/4) = 7/8; exponential width 2: 1 − e^(−1/2)/2)', () => {
    for (const [type, w, share] of [[2, 4, 0.875], [4, 2, 1 - Math.exp(-0.5) / 2]] as const) {
      const r = run(market(sides('100, 0', `${type}, 6, ${w}, 0`, '100, 0', `${type}, 4, ${w}, 0`)));
      expect(r.get('price')![0]).toBeCloseTo(5, 9);
      expect(r.get('demanded[d1]')![0]).toBeCloseTo(100 * share, 9);
      expect(r.get('supplied[s1]')![0]).toBeCloseTo(100 * share, 9);
    }
  });

  it('with a fixed supply, the demands it finds are ALLOCATE AVAILABLE\'s shares of that supply', () => {
    // ALLOCATE AVAILABLE is the one-sided case (fn_find_market_price.html): 30 fixed, 40 around 5 and 40 around 4
    // (rectangular, width 2) sharing 60 give 30, 25 and 5 (level 4.75), as in allocate-available.test.ts.
    const src = `r: a, b, c ~~|\nsupplier: s1 ~~|\npprofile: ptype, ppriority, pwidth, pextra ~~|
request[r] = 30, 40, 40 ~~|\nprio[a, pprofile] = 0, 9, 0, 0 ~~|\nprio[b, pprofile] = 1, 5, 2, 0 ~~|\nprio[c, pprofile] = 1, 4, 2, 0 ~~|
cap[supplier] = 60 ~~|\nsp[supplier, pprofile] = 0, 0, 0, 0 ~~|
price = FIND MARKET PRICE(request[a], prio[a, ptype], cap[s1], sp[s1, ptype]) ~~|
demanded[r] = DEMAND AT PRICE(request[r], prio[r, ptype], price) ~~|
shipped[r] = ALLOCATE AVAILABLE(request[r], prio[r, ptype], 60) ~~|
${CONTROL}`;
    const r = run(src);
    expect(r.get('price')![0]).toBeCloseTo(4.75, 9);
    for (const [e, v] of [['a', 30], ['b', 25], ['c', 5]] as const) {
      expect(r.get(`demanded[${e}]`)![0]).toBeCloseTo(v, 9);
      expect(r.get(`shipped[${e}]`)![0]).toBeCloseTo(v, 9);
    }
  });
});

describe('what the pages leave open stops with a located message', () => {
  it('a gap between the curves, where every price clears, stops the run naming the interval', () => {
    // Demand ends at 4 (rectangle around 3, width 2), supply starts at 7: both are 0 for every price in [4, 7].
    const src = market(sides('10, 0', '1, 3, 2, 0', '10, 0', '1, 8, 2, 0'));
    expect(() => run(src)).toThrow(SimulationError);
    expect(() => run(src)).toThrow(/^market\.mdl:10:1: price at time 0: FIND MARKET PRICE: every price from 4 to 7 clears the market \(demand and supply are both 0 there\).*do not say which of them it returns/);
  });

  it('the run-time message carries its Spanish for the interface that shows it', () => {
    let err: unknown;
    try {
      // One demander (10, rectangle around 3, width 2), one supplier (10, rectangle around 8, width 2).
      findMarketPrice([[10], [1], [3], [2], [10], [1], [8], [2]]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VectorArgumentError);
    expect((err as VectorArgumentError).text.es).toMatch(/^FIND MARKET PRICE: todo precio entre 4 y 7 equilibra el mercado \(la demanda y la oferta valen ambas 0 allí\)/);
  });

  it('a fixed demand above all the supply there is stops the run', () => {
    const src = market(sides('200, 0', '0, 0, 0, 0', '100, 50', '3, 4, 1, 0'));
    expect(() => run(src)).toThrow(/price at time 0: FIND MARKET PRICE finds no price that clears the market: demand does not fall below supply even at the highest prices/);
  });

  it('a side named by an element other than its first is refused at that subscript', () => {
    const e = buildError(market(RECTANGLES).replace('dq[d1], dp[d1, ptype]', 'dq[d2], dp[d2, ptype]'));
    const d = e.diagnostics[0]!;
    expect([d.code, d.loc?.line]).toEqual(['E_ARGUMENT', 11]);
    expect(d.message).toMatch(/^price: FIND MARKET PRICE takes the demanders by the first element of their range, d1, not d2/);
    expect(d.messageEs).toMatch(/toma a los demandantes por el primer elemento de su rango, d1, no d2/);
  });

  it('a side named by its range instead of its first element is refused, as the page asks for the element', () => {
    const d = buildError(market(RECTANGLES).replace('sq[s1], sp[s1, ptype]', 'sq[supplier], sp[supplier, ptype]')).diagnostics[0]!;
    expect(d.message).toMatch(/^price: FIND MARKET PRICE takes the suppliers by the first element of their range, s1, not supplier/);
  });

  it('a DEMAND AT PRICE profile whose subscripts are not the quantity\'s is refused at the profile', () => {
    const d = buildError(market(RECTANGLES).replace('dp[demander, ptype], price', 'dp[d1, ptype], price')).diagnostics[0]!;
    expect([d.code, d.loc?.line, d.loc?.column]).toEqual(['E_ARGUMENT', 12, 52]);
    expect(d.message).toMatch(/the profile of DEMAND AT PRICE must have the subscripts of its quantity followed by the profile element \(dp\[demander,ptype\]/);
  });

  it('a constant curve type it does not compute is refused once for the equation, and per element for DEMAND AT PRICE', () => {
    const e = buildError(market(RECTANGLES.replace('dp[d2, pprofile] = 1, 9, 2, 0', 'dp[d2, pprofile] = 5, 9, 2, 1')));
    const messages = e.diagnostics.map((d) => d.message);
    expect(messages.filter((m) => m.startsWith('price: FIND MARKET PRICE, demander d2: priority type (ptype) 5'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('demanded[d2]: DEMAND AT PRICE: priority type (ptype) 5'))).toHaveLength(1);
    expect(e.diagnostics).toHaveLength(2);
  });

  const runError = (src: string): SimulationError => runErrorIn(src, 'market.mdl');

  it('a curve type that changes to one it does not compute stops the run when it does, naming the element in both languages', () => {
    const src = market(RECTANGLES.replace('dp[d2, pprofile] = 1, 9, 2, 0', 'dp[d2, ptype] = 1 + 10 * Time ~~|\ndp[d2, ppriority] = 9 ~~|\ndp[d2, pwidth] = 2 ~~|\ndp[d2, pextra] = 0'));
    const e = runError(src);
    // FIND MARKET PRICE (line 14) is computed before DEMAND AT PRICE, which reads its price.
    expect(e.message).toMatch(/^market\.mdl:14:1: price at time 1: demander d2: priority type \(ptype\) 11 asks for integer allocations/);
    expect(e.messageEs).toMatch(/^market\.mdl:14:1: price en el tiempo 1: demandante d2: el tipo de prioridad \(ptype\) 11 pide asignaciones enteras/);
  });

  it('a supplier with a negative quantity stops the market naming the supplier, and DEMAND AT PRICE names its own element', () => {
    const negative = market(RECTANGLES.replace('sq[supplier] = 80, 40', 'sq[s1] = 80 ~~|\nsq[s2] = 40 - 50 * Time'));
    const e = runError(negative);
    expect(e.message).toMatch(/price at time 1: supplier s2 has quantity -10; FIND MARKET PRICE needs quantities of 0 or more/);
    expect(e.messageEs).toMatch(/price en el tiempo 1: el oferente s2 tiene la cantidad -10; FIND MARKET PRICE necesita cantidades de 0 o más/);
    // Without FIND MARKET PRICE (a constant price), the curve of d2 alone stops DEMAND AT PRICE at d2.
    const alone = `${RANGES}${RECTANGLES.replace('dp[d2, pprofile] = 1, 9, 2, 0', 'dp[d2, ptype] = 1 + 10 * Time ~~|\ndp[d2, ppriority] = 9 ~~|\ndp[d2, pwidth] = 2 ~~|\ndp[d2, pextra] = 0')}price = 9 ~~|\n${MARKET.split('\n')[1]}\n${CONTROL}`;
    const d = runError(alone);
    expect(d.message).toMatch(/demanded\[d2\] at time 1: demander d2: priority type \(ptype\) 11/);
    expect(d.messageEs).toMatch(/demanded\[d2\] en el tiempo 1: demandante d2: el tipo de prioridad \(ptype\) 11/);
  });

  it('called outside a compiled model, the message numbers the element', () => {
    // The second supplier (of two) has quantity −1.
    expect(() => findMarketPrice([[10], [1], [3], [2], [10, -1], [1, 1], [8, 8], [2, 2]])).toThrow(/^supplier 2 has quantity -1/);
  });
});

describe('writing the market functions', () => {
  it('are written to .mdl unchanged, and the written model runs the same', () => {
    const src = market(RECTANGLES);
    const written = writeVensim(readVensim(src, 'market.mdl'));
    expect(written).toContain('FIND MARKET PRICE(');
    expect(written).toContain('DEMAND AT PRICE(');
    expect(written).toContain('SUPPLY AT PRICE(');
    const before = run(src);
    const after = run(written);
    for (const col of ['price', 'demanded[d1]', 'supplied[s2]']) expect(Array.from(after.get(col)!)).toEqual(Array.from(before.get(col)!));
  });

  it.each(['FIND MARKET PRICE', 'DEMAND AT PRICE', 'SUPPLY AT PRICE'])('%s is refused by the XMILE writer at its equation', (fn) => {
    // The model with only the equation that calls fn (and a constant price for the other two).
    const own = MARKET.split('\n').find((l) => l.includes(fn))!;
    const equations = fn === 'FIND MARKET PRICE' ? own : `price = 9 ~~|\n${own}`;
    const src = `${RANGES}${RECTANGLES}${equations}\n${CONTROL}`;
    const d = xmileRefusal(src, 'market.mdl');
    expect(d.code).toBe('E_XMILE_WRITE');
    expect(d.message).toBe(`cannot write as XMILE: ${fn} has no XMILE 1.0 function of the same meaning`);
    expect([d.loc?.file, d.loc?.line]).toEqual(['market.mdl', src.split('\n').indexOf(own) + 1]);
  });
});
