/**
 * The run plan counts the rows the run loop will save. The loop saves every ⌈SAVEPER / TIME STEP⌉
 * steps (saveper-check.ts); the plan used to round instead, so a SAVEPER of 1.4 steps was counted
 * as a save at every step: twice the rows, and a run refused by the memory limit that fits in it.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';
import { planRun } from './run-plan.js';

const limits = { maxSteps: 1e6, maxSavedPoints: 1e9 };
const mdl = (saveper: number, dt: number, end: number) =>
  `x = INTEG(1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = ${end} ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = ${saveper} ~~|\n`;

describe('planRun saved rows', () => {
  it.each([
    [0.3, 0.25, 1],
    [1.4, 1, 20],
    [2.6, 1, 20],
    [1, 0.25, 10],
    [0.1, 0.25, 2],
    [1, 1, 10.5],
  ])('SAVEPER %s, TIME STEP %s, to %s: the plan counts the rows the run saves', (saveper, dt, end) => {
    const { model } = compileVensim(mdl(saveper, dt, end));
    const run = model.run();
    const plan = planRun({ start: 0, end, dt, saveper }, 1, 0, limits);
    expect(plan.savedTimes).toBe(run.time.length);
  });

  it('SAVEPER of 1.4 steps saves every 2 steps, so 501 rows of 1,000 steps fit a limit of 600 points', () => {
    const plan = planRun({ start: 0, end: 1000, dt: 1, saveper: 1.4 }, 1, 0, { maxSteps: 1e6, maxSavedPoints: 600 });
    expect(plan.savedTimes).toBe(501);
  });

  it('a run over the limit is still refused before it allocates, naming the limit', () => {
    expect(() => planRun({ start: 0, end: 1000, dt: 1, saveper: 1.4 }, 2, 0, { maxSteps: 1e6, maxSavedPoints: 600 })).toThrow(InputError);
  });
});
