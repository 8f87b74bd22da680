import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runRealityChecks } from './reality-check.js';

/**
 * :OR:, :NOT: and <> (Vensim Help 20970: both sides are logical expressions built from =, <, >, <>
 * with :AND:, :OR:, :NOT:; 20980: a condition is forced, an inequality only where it is false).
 * A consequence is only tested, so any logical expression goes. In a condition :NOT: is pushed
 * inward by logic alone; an :OR: (which side?) and a '<>' (to what value?) are refused.
 *
 * Hand-worked run (as the Capital < 50 case of reality-check.test.ts): Capital computed 100, 75,
 * 50, 25, 12.5 is forced to 50, 50, 50, 25, 12.5; depreciation = Capital / 2 = 25, 25, 25, 12.5, 6.25.
 */
const model = (condition: string, consequence: string) => `INITIAL TIME = 0 ~~|
FINAL TIME = 4 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
Capital = INTEG(-depreciation, 100) ~~|
depreciation = 0.5 * Capital ~~|
c :THE CONDITION: ${condition} :IMPLIES: ${consequence} ~~|
`;

describe('logical expressions in Reality Check Constraints (20970)', () => {
  it('forces :NOT: Capital >= 50 as Capital < 50, and a double :NOT: as the comparison itself', () => {
    for (const condition of [':NOT: Capital >= 50', ':NOT: :NOT: Capital < 50']) {
      const [r] = runRealityChecks(readVensim(model(condition, 'depreciation <= 20')));
      // depreciation 25, 25, 25 above 20 at t = 0, 1, 2.
      expect(r, condition).toMatchObject({ status: 'fail', checked: 5, failures: 3, firstFailure: { time: 0, values: [{ name: 'depreciation', value: 25 }] } });
    }
  });

  it('tests :OR:, :NOT: and <> in a consequence as written', () => {
    // Capital <> 50 :AND: :NOT: depreciation < 10: false at t = 0, 1, 2 (Capital 50), true at t = 3
    // (25, 12.5), false at t = 4 (6.25 < 10).
    const [and] = runRealityChecks(readVensim(model('Capital < 50', 'Capital <> 50 :AND: :NOT: depreciation < 10')));
    expect(and).toMatchObject({ status: 'fail', failures: 4, firstFailure: { time: 0 } });
    // depreciation > 20 :OR: Capital < 20: true at t = 0, 1, 2 (25) and t = 4 (12.5 < 20), false at t = 3.
    const [or] = runRealityChecks(readVensim(model('Capital < 50', 'depreciation > 20 :OR: Capital < 20')));
    expect(or).toMatchObject({ status: 'fail', failures: 1, firstFailure: { time: 3, values: [{ name: 'depreciation', value: 12.5 }, { name: 'Capital', value: 25 }] } });
  });

  it('refuses :OR:, <> and :NOT: of = or of :AND: in a condition, located and in both languages', () => {
    const rs = runRealityChecks(readVensim(model('Capital < 50 :OR: depreciation < 5', 'Capital >= 0'), 'l.mdl'));
    const more = ['Capital <> 50', ':NOT: Capital = 50', ':NOT: (Capital < 50 :AND: depreciation < 5)'].map((cond) => runRealityChecks(readVensim(model(cond, 'Capital >= 0'), 'l.mdl'))[0]!);
    const all = [...rs, ...more];
    expect(all.map((r) => r.status)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(all.map((r) => r.refusal!.loc!.line)).toEqual([7, 7, 7, 7]);
    expect(all.map((r) => r.refusal!.message.match(/:OR:|'<>'|:NOT:/)?.[0])).toEqual([':OR:', "'<>'", "'<>'", ':NOT:']);
    expect(all.every((r) => r.refusal!.messageEs && r.refusal!.messageEs !== r.refusal!.message)).toBe(true);
  });
});
