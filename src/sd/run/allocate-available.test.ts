/**
 * ALLOCATE AVAILABLE's priority types, from Vensim's pages (documentation/24335.html,
 * 24330.html, fn_allocate_available.html): a fixed quantity (ptype 0) is the same at every
 * priority, so it is filled in full; the curves share what is left at a common level. Types
 * the pages name without a formula (5, 10-15) and types outside the list stop with a located
 * error, when the model is built if the profile is constant, else when the run reaches them.
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';
import { buildError } from './test-support/build-error.js';
import { runError } from './test-support/run-error.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

/** Three requesters a, b, c asking 30, 40, 40; each profile row is `ptype, ppriority, pwidth, pextra`. */
function model(a: string, b: string, c: string, available: number): string {
  return `r: a, b, c ~~|
pprofile: ptype, ppriority, pwidth, pextra ~~|
request[r] = 30, 40, 40 ~~|
prio[a, pprofile] = ${a} ~~|
prio[b, pprofile] = ${b} ~~|
prio[c, pprofile] = ${c} ~~|
available = ${available} ~~|
shipped[r] = ALLOCATE AVAILABLE(request[r], prio[r, ptype], available) ~~|
${CONTROL}`;
}

function shipped(src: string): number[] {
  const r = compileVensim(src, { file: 'alloc.mdl' }).model.run();
  return ['a', 'b', 'c'].map((e) => r.get(`shipped[${e}]`)![0]!);
}

const modelError = (src: string): ModelError => buildError(src, 'alloc.mdl');

describe('ALLOCATE AVAILABLE: fixed quantity (ptype 0) beside rectangular curves (ptype 1)', () => {
  it('fills the fixed request and shares the rest by the rectangular curves', () => {
    // a fixed 30 leaves 30 for b (priority 5) and c (priority 4), width 2: share = clamp((p − L)/2 + 1/2).
    // 40·((5 − L)/2 + 1/2) + 40·((4 − L)/2 + 1/2) = 30 → L = 4.75: b 40·0.625 = 25, c 40·0.125 = 5.
    const got = shipped(model('0, 9, 0, 0', '1, 5, 2, 0', '1, 4, 2, 0', 60));
    got.forEach((v, i) => expect(v).toBeCloseTo([30, 25, 5][i]!, 9));
  });

  it('fills a curve in full when the level passes its top', () => {
    // 70 left for b and c: both inside their ramps would need L = 3.75, where b's share is 1.125 > 1;
    // so b gets all 40 and c 30 = 40·((4 − L)/2 + 1/2) → L = 3.5 (b's share there (5 − 3.5)/2 + 1/2 ≥ 1).
    const got = shipped(model('0, 9, 0, 0', '1, 5, 2, 0', '1, 4, 2, 0', 100));
    got.forEach((v, i) => expect(v).toBeCloseTo([30, 40, 30][i]!, 9));
  });

  it('ignores the other elements of a fixed-quantity profile (a zero width is fine there)', () => {
    const got = shipped(model('0, -3, 0, 0', '1, 5, 2, 0', '1, 4, 2, 0', 60));
    got.forEach((v, i) => expect(v).toBeCloseTo([30, 25, 5][i]!, 9));
  });

  it('stops, naming the variable and the time, when the fixed requests alone exceed what is available', () => {
    const run = () => compileVensim(model('0, 9, 0, 0', '1, 5, 2, 0', '1, 4, 2, 0', 20), { file: 'alloc.mdl' }).model.run();
    expect(run).toThrow(SimulationError);
    expect(run).toThrow(/alloc\.mdl:8:1: shipped\[a\] at time 0: .*fixed-quantity requests \(ptype 0\) total 30, more than the 20 available/);
  });
});

describe('ALLOCATE AVAILABLE refuses the priority types it does not compute', () => {
  const cases: [string, string, RegExp][] = [
    ['5, 9, 1, 1', 'E_UNSUPPORTED', /requester a: priority type \(ptype\) 5, the truncated constant-elasticity curve, is not supported/],
    ['11, 9, 1, 0', 'E_UNSUPPORTED', /ptype\) 11 asks for integer allocations \(type 1 plus 10\)/],
    ['7, 9, 1, 0', 'E_ARGUMENT', /ptype\) 7 is not one of Vensim's types/],
    ['-1, 9, 1, 0', 'E_ARGUMENT', /ptype\) -1 is not one of Vensim's types/],
    ['2.5, 9, 1, 0', 'E_ARGUMENT', /ptype\) 2\.5 is not a whole number/],
    ['3, 9, 0, 0', 'E_ARGUMENT', /width \(pwidth\) of a priority curve of type 3 must be positive \(it is 0\)/],
    ['1, 9, -2, 0', 'E_ARGUMENT', /width \(pwidth\) of a priority curve of type 1 must be positive \(it is -2\)/],
  ];
  it.each(cases)('a constant profile %s stops the build with %s at the call', (row, code, message) => {
    const e = modelError(model(row, '1, 5, 2, 0', '1, 4, 2, 0', 60));
    const d = e.diagnostics[0]!;
    expect(d.code).toBe(code);
    expect(d.message).toMatch(message);
    expect(d.message).toMatch(/^shipped: ALLOCATE AVAILABLE, requester a:/);
    expect(d.loc).toEqual({ file: 'alloc.mdl', line: 8, column: 45 });
    // The problem is the equation's, not an element's: reported once, not once per requester.
    expect(e.diagnostics).toHaveLength(1);
  });

  it('a profile type that changes during the run stops the run when it reaches an unsupported type', () => {
    const src = `r: a, b ~~|
pprofile: ptype, ppriority, pwidth, pextra ~~|
request[r] = 30, 40 ~~|
prio[r, ppriority] = 5, 4 ~~|
prio[r, pwidth] = 2 ~~|
prio[r, pextra] = 0 ~~|
prio[a, ptype] = IF THEN ELSE(Time >= 2, 5, 1) ~~|
prio[b, ptype] = 1 ~~|
shipped[r] = ALLOCATE AVAILABLE(request[r], prio[r, ptype], 50) ~~|
${CONTROL}`;
    const run = () => compileVensim(src, { file: 'alloc.mdl' }).model.run();
    expect(run).toThrow(SimulationError);
    expect(run).toThrow(/alloc\.mdl:9:1: shipped\[a\] at time 2: ALLOCATE AVAILABLE, requester a: priority type \(ptype\) 5/);
    expect(runError(src, 'alloc.mdl').messageEs).toMatch(/alloc\.mdl:9:1: shipped\[a\] en el tiempo 2: ALLOCATE AVAILABLE, solicitante a: el tipo de prioridad \(ptype\) 5/);
  });

  it('a profile range without ptype, ppriority and pwidth is refused', () => {
    const src = `r: a, b ~~|
pp: ptype, ppriority ~~|
request[r] = 30, 40 ~~|
prio[r, pp] = 1, 5; 1, 4; ~~|
shipped[r] = ALLOCATE AVAILABLE(request[r], prio[r, ptype], 50) ~~|
${CONTROL}`;
    const d = modelError(src).diagnostics[0]!;
    expect(d.code).toBe('E_ARGUMENT');
    expect(d.message).toMatch(/needs ptype, ppriority and pwidth .* it has 2/);
  });
});
