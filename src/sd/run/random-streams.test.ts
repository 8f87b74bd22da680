/**
 * Vensim's stream ID, the last argument s of the RANDOM functions (documentation/fn_random.html):
 * s = 0 draws from the run's stream, which the run's seed sets (Vensim's NOISE SEED); any other s
 * is a stream of its own, so its draws do not change with the run's seed, and two calls with the
 * same s share it. XMILE's seed argument (RANDOM, NORMAL) is read and written as that stream ID.
 */
import { describe, expect, it } from 'vitest';
import { writeXmile } from '../xmile/writer.js';
import { compileVensim, compileXmile } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 5 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const model = `shared = RANDOM UNIFORM(0, 1, 0) ~~|
own = RANDOM UNIFORM(0, 1, 7) ~~|
other = RANDOM NORMAL(-10, 10, 0, 1, 8) ~~|
${CONTROL}`;

const column = (r: { get(n: string): Float64Array | undefined }, n: string) => Array.from(r.get(n)!);

describe('RANDOM stream IDs', () => {
  const m = compileVensim(model, { file: 'streams.mdl' }).model;
  const a = m.run({ seed: 1 });
  const b = m.run({ seed: 2 });

  it('a stream ID other than 0 keeps its draws when the run seed changes; stream 0 does not', () => {
    expect(column(b, 'own')).toEqual(column(a, 'own'));
    expect(column(b, 'other')).toEqual(column(a, 'other'));
    expect(column(b, 'shared')).not.toEqual(column(a, 'shared'));
  });

  it('different stream IDs give different draws', () => {
    const seven = column(a, 'own');
    const nine = column(compileVensim(model.replace('RANDOM UNIFORM(0, 1, 7)', 'RANDOM UNIFORM(0, 1, 9)'), { file: 's.mdl' }).model.run({ seed: 1 }), 'own');
    expect(nine).not.toEqual(seven);
    expect(new Set(seven).size).toBe(seven.length);
  });

  it('the stream ID is written to XMILE as the seed and read back, so the run is identical', () => {
    // A bounded RANDOM NORMAL has no XMILE function: only the two uniform draws are written.
    const r = compileVensim(model.replace(/other = [^\n]*\n/, ''), { file: 'streams.mdl' });
    const text = writeXmile(r.ir);
    expect(text).toContain('RANDOM(0, 1, 7)');
    expect(text).toContain('RANDOM(0, 1, 0)');
    const again = compileXmile(text).model.run({ seed: 1 });
    for (const n of ['own', 'shared']) expect(column(again, n)).toEqual(column(a, n));
  });
});

describe('RANDOM WEIBULL(m, x, S, h, r, s)', () => {
  // fn_random: shape S, shift h, stretch r, stream s. With S = 1 a Weibull draw is an exponential
  // one (−ln(1 − u)), so from the same stream it must equal RANDOM EXPONENTIAL(m, x, h, r, s).
  const weibull = `w = RANDOM WEIBULL(0, 1000, 1, 2, 3, 7) ~~|\ne = RANDOM EXPONENTIAL(0, 1000, 2, 3, 7) ~~|\n${CONTROL}`;
  it('reads the shift, stretch and stream in Vensim’s places', () => {
    const w = compileVensim(weibull.replace(/e = [^\n]*\n/, ''), { file: 'w.mdl' }).model.run({ seed: 1 });
    const e = compileVensim(weibull.replace(/w = [^\n]*\n/, ''), { file: 'e.mdl' }).model.run({ seed: 1 });
    const ws = column(w, 'w');
    expect(ws).toEqual(column(e, 'e'));
    expect(Math.min(...ws)).toBeGreaterThanOrEqual(2); // shifted by h = 2
  });
  it('a shape of 2 gives the square root of the exponential draw, stretched and shifted', () => {
    // Alone in its model, w reads stream 7 as e does alone in its own: the same uniform draws.
    const only = (text: string, drop: string) => text.split('\n').filter((l) => !l.startsWith(`${drop} = `)).join('\n');
    const w = column(compileVensim(only(weibull.replace('RANDOM WEIBULL(0, 1000, 1,', 'RANDOM WEIBULL(0, 1000, 2,'), 'e'), { file: 'w2.mdl' }).model.run({ seed: 1 }), 'w');
    const e = column(compileVensim(only(weibull, 'w'), { file: 'e.mdl' }).model.run({ seed: 1 }), 'e');
    w.forEach((x, k) => expect(x).toBeCloseTo(2 + 3 * Math.sqrt((e[k]! - 2) / 3), 12));
  });
});
