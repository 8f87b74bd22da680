import { describe, expect, it } from 'vitest';
import { compileVensim } from '../sd/run/engine.js';
import { canonicalColumn } from '../sd/ir/names.js';
import { checkWithSde, unsupportedBySde, type SdeOutcome } from './differential-sde.js';
import { explanation, knownPeer } from './differential-sde-suite.js';
import { preparePeerFromText } from './sde-peer.js';
import { affectedVariables, hasFeature } from './sde-features.js';
import { generateModel } from './differential-generator.js';

const control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n';

describe('engine vs SDEverywhere comparison', () => {
  it('agrees on a model both run the same way, and reports a mutated SDEverywhere copy, naming the column and time', async () => {
    const text = `s = INTEG(r, 1) ~~|\nr = 0.1 * s ~~|\n${control}`;
    expect(await checkWithSde(text)).toMatchObject({ kind: 'agree', columns: 6 });
    const d = await checkWithSde(text, text.replace('0.1 * s', '0.1000001 * s'));
    expect(d).toMatchObject({ kind: 'disagree', column: 'r', time: 0 });
  });

  it('does not send models with features SDEverywhere documents as unsupported, and says which', async () => {
    const macro = `:MACRO: TWICE(x)\nTWICE = 2 * x ~~|\n:END OF MACRO:\ny = TWICE(3) ~~|\n${control}`;
    expect(await checkWithSde(macro)).toEqual({ kind: 'unsupported', reason: 'macro' });
    expect(unsupportedBySde(`y = DELAY FIXED(Time, 1, 0) ~~|\n${control}`)).toBe('DELAY FIXED');
    expect(unsupportedBySde(`y = SMOOTH(Time, 1) ~~|\n${control}`)).toBeUndefined();
    expect(unsupportedBySde(`y = DELAY N(Time, 3, 0, 2) ~~|\n${control}`)).toBe('DELAY N');
    expect(unsupportedBySde(`y = VECTOR SELECT(s[d!], v[d!], 1, 4, 0) ~~|\n${control}`)).toBe('VECTOR SELECT with a numerical action other than 0 or 3');
    // Action 5 (the generator's product of expression ^ selection) is among those SDEverywhere stops on.
    expect(unsupportedBySde(`y = VECTOR SELECT(s[d!], v[d!], 1, 5, 0) ~~|\n${control}`)).toBe('VECTOR SELECT with a numerical action other than 0 or 3');
    expect(unsupportedBySde(`y = VECTOR SELECT(s[d!], v[d!], 1, 3, 0) ~~|\n${control}`)).toBeUndefined();
    expect(unsupportedBySde(`y[d] = DEMAND AT PRICE(q[d], pp[d, ptype], 3) ~~|\n${control}`)).toBe('FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE');
  });

  it('counts a model SDEverywhere cannot run as rejected, with its message, and no record excuses it', async () => {
    // A double negation: our engine reads it, SDEverywhere copies it into JavaScript, where '--' is a decrement.
    const text = `y = --0.28 ~~|\n${control}`;
    const o = await checkWithSde(text);
    expect(o).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/does not load: Invalid left-hand side/) });
    expect(explanation(0, text, o)).toBeUndefined();
  });

  it('the subset generator leaves out exactly what SDEverywhere is not sent', () => {
    let changed = 0;
    for (let seed = 0; seed < 200; seed++) {
      const full = generateModel(seed).text;
      const subset = generateModel(seed, { sdeSubset: true }).text;
      expect(unsupportedBySde(subset)).toBeUndefined();
      if (!unsupportedBySde(full)) expect(subset).toBe(full);
      else changed++;
    }
    expect(changed).toBeGreaterThan(50);
  });

  it('excuses a disagreement only when the seed is recorded and its model has the recorded feature', () => {
    const d = knownPeer.differences.find((x) => x.id === 'sde-several-dynamic-calls')!;
    const first = { column: 'y', time: 1, engine: 0.375, sde: 0.25 };
    const outcome: SdeOutcome = { kind: 'disagree', ...first, columns: [first] };
    const withFeature = `y = SMOOTH(Time, 1) + SMOOTH(Time, 2) ~~|\n${control}`;
    const seed = d.seeds[0] ?? -1;
    if (seed >= 0) expect(explanation(seed, withFeature, outcome)).toBe(d.id);
    expect(explanation(seed, `y = Time ~~|\n${control}`, outcome)).toBeUndefined();
    expect(explanation(-5, withFeature, outcome)).toBeUndefined();
    // A column the feature cannot reach is not excused, even in a recorded seed.
    const beside = `${withFeature}z = Time * 2 ~~|\n`;
    expect(affectedVariables(d.feature, beside)).toEqual(new Set(['y']));
    const other = { column: 'z', time: 1, engine: 2, sde: 3 };
    if (seed >= 0) expect(explanation(seed, beside, { ...outcome, columns: [first, other] })).toBeUndefined();
  });

  // Every form of mapping the generator writes (differential-mappings.ts), alone: SDEverywhere
  // agrees with our engine (and the reference's rule), so a disagreement in a generated model with a
  // mapping must be excused by one of the recorded differences, not by the mapping.
  it('agrees on each generated form of subscript mapping', async () => {
    const forms = [
      'DimA: a1, a2, a3 ~~|\nDimB: b1, b2, b3 -> DimA ~~|\ny[DimB] = 1, 2, 3 ~~|\nx[DimA] = y[DimB] * Time ~~|\n',
      'DimA: a1, a2, a3 ~~|\nDimB: b1, b2, b3 -> (DimA: a3, a1, a2) ~~|\ny[DimB] = 1, 2, 3 ~~|\nx[DimA] = y[DimB] * Time ~~|\n',
      'DimA: a1, a2, a3 ~~|\nSubA: a1, a2 ~~|\nDimB: b1, b2 -> (DimA: a3, SubA) ~~|\ny[DimB] = 1, 2 ~~|\nx[DimA] = y[DimB] * Time ~~|\n',
      'DimA: a1, a2 ~~|\nDimC: c1, c2 ~~|\nDimB: b1, b2 -> (DimA: a2, a1), DimC ~~|\ny[DimB] = 1, 2 ~~|\nx[DimA] = y[DimB] * Time ~~|\nw[DimC] = y[DimB] * Time ~~|\n',
      'DimA: a1, a2 ~~|\nDimB: b1, b2 -> (DimA: a2, a1) ~~|\nz[DimA,DimB] = 1, 2; 3, 4; ~~|\nd[DimA] = z[DimA,DimB] * Time ~~|\ns[DimA] = SUM(z[DimA!,DimB]) * Time ~~|\n',
    ];
    for (const f of forms) expect(await checkWithSde(f + control), f).toMatchObject({ kind: 'agree' });
  });

  it('follows a feature downstream: variables that use an affected one are affected', () => {
    const text = `a = SMOOTH(Time, 1) + SMOOTH(Time, 2) ~~|\nb = a * 2 ~~|\nfs = b ~~|\ns = INTEG(fs, 0) ~~|\nc = 3 ~~|\n${control}`;
    expect(affectedVariables('several-dynamic-calls-in-one-equation', text)).toEqual(new Set(['a', 'b', 'fs', 's']));
    expect(affectedVariables('no-such-feature', text)).toBeUndefined();
  });
});

// Each recorded difference, run again: our engine gives Vensim's documented value, SDEverywhere
// the recorded other one. If SDEverywhere is fixed (or we change), this fails and the record goes.
describe('known peer differences, minimal models', () => {
  for (const d of knownPeer.differences) {
    it(`${d.id}: ours ${d.ours}, SDEverywhere ${d.sde ?? 'NaN'} (${d.column} at time ${d.time})`, async () => {
      expect(hasFeature(d.feature, d.minimal)).toBe(true);
      const ours = compileVensim(d.minimal).model.run();
      const k = ours.time.findIndex((t) => Math.abs(t - d.time) < 1e-9);
      const mine = ours.series[ours.names.findIndex((n) => canonicalColumn(n) === canonicalColumn(d.column))]!;
      expect(mine[k]).toBeCloseTo(d.ours, 12);

      const saved = console.error;
      console.error = () => {};
      const peer = await preparePeerFromText(d.minimal, d.id).finally(() => (console.error = saved));
      const theirs = peer.run()[peer.outputNames.findIndex((n) => canonicalColumn(n) === canonicalColumn(d.column))]!;
      if (d.sde === null) expect(theirs[k]).toBeNaN();
      else expect(theirs[k]).toBeCloseTo(d.sde, 12);
    });
  }
});
