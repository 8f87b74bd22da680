import { describe, expect, it } from 'vitest';
import { dominanceOf } from './test-support/dominance.js';

// Random draws in a loop (loop-dominance.ts, randomDraw): a RANDOM function's draw is not defined
// as a function of its arguments with the noise held, so a loop through one of its arguments is
// not scored, with the reason; a draw written as mean + sd × a noise variable is scored, the noise
// held at the run's draw like any other input of the equation.

const CONTROL = `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 0.25 ~ Year ~|
`;

const dominance = (text: string) => dominanceOf(text, { discover: false });

describe('loop scores through random draws', () => {
  it('does not score a loop through the mean of RANDOM POISSON, saying why in both languages, and scores the other loops', () => {
    const d = dominance(`
s = INTEG(arrivals - outflow, 100) ~ u ~|
arrivals = RANDOM POISSON(0, 1000, s / 10, 0, 1, 3) ~ u/Year ~|
outflow = s / 5 ~ u/Year ~|
${CONTROL}`);
    expect(d.loops.map((l) => l.variables)).toEqual([['s', 'outflow']]);
    expect(d.notScored).toHaveLength(1);
    const { en, es } = d.notScored[0]!.reason;
    expect(en).toMatch(/^arrivals: function RANDOM POISSON \(a random draw: .*only its distribution.*\) is not scored$/);
    expect(es).toMatch(/^arrivals: la función RANDOM POISSON \(un valor aleatorio: .*solo su distribución.*\) no se puntúa$/);
  });

  it('gives every RANDOM function the same reason', () => {
    for (const call of ['RANDOM NORMAL(0, 1000, s / 10, 1, 3)', 'RANDOM UNIFORM(0, s / 10, 3)', 'RANDOM EXPONENTIAL(0, 1000, 0, s / 10, 3)']) {
      const d = dominance(`
s = INTEG(inflow - s / 5, 100) ~ u ~|
inflow = ${call} ~ u/Year ~|
${CONTROL}`);
      const fn = /^[A-Z ]+/.exec(call)![0];
      expect(d.notScored.map((n) => n.reason.en)).toEqual([expect.stringContaining(`inflow: function ${fn} (a random draw:`)]);
    }
  });

  it('scores a loop through mean + sd × noise, the noise held at the run\'s draw', () => {
    // inflow = s/10 + 2·noise: the link s → inflow moves only s/10, so its partial change is
    // (s[k+1] − s[k]) / 10 over the whole change of inflow, which the noise dominates.
    const d = dominance(`
s = INTEG(inflow - outflow, 100) ~ u ~|
inflow = s / 10 + 2 * noise ~ u/Year ~|
noise = RANDOM NORMAL(-5, 5, 0, 1, 3) ~ Dmnl ~|
outflow = s / 5 ~ u/Year ~|
${CONTROL}`);
    expect(d.notScored).toEqual([]);
    const r = d.loops.find((l) => l.variables.includes('inflow'))!;
    const run = d.model.run({ end: 10.25 });
    const s = run.get('s')!;
    const inflow = run.get('inflow')!;
    const outflow = run.get('outflow')!;
    let checked = 0;
    for (let k = 0; k < r.score.length; k++) {
      const dIn = inflow[k + 1]! - inflow[k]!;
      const dS = s[k + 1]! - s[k]!;
      const dNet = dIn - (outflow[k + 1]! - outflow[k]!);
      if (dIn === 0 || dS === 0 || dNet === 0) continue;
      const link = Math.abs(dS / 10 / dIn) * Math.sign(dS / 10 / dS);
      expect(r.score[k]).toBeCloseTo(link * Math.abs(dIn / dNet), 10);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    // The noise, held, is not part of the loop's change: the score is far from the ±1 of a loop alone.
    expect(Math.min(...Array.from(r.score, Math.abs))).toBeLessThan(0.5);
  });
});
