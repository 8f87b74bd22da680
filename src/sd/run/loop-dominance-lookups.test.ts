import { describe, expect, it } from 'vitest';
import { dominanceOf } from './test-support/dominance.js';
import { interpolate } from '../analyze/structure/partial-eval.js';
import { GridSheet, toCellValue } from '../data/grid-sheet.js';
import type { DataHost } from '../data/types.js';

// A lookup called as `table(x)` scores like any function of its input: the equation is evaluated
// with the lookup applied to the moved input. Lookups whose points are read from data (GET DIRECT
// LOOKUPS, GET XLS LOOKUPS) are scored too, scalar and arrayed (FeliX's `Mortality
// Lookups[Cohorts](Life Expectancy)`), from the points the expanded model read.

// x down column A, one column of y per element (B for the first, C for the second).
const POINTS = [
  [0, 0, 0],
  [10, 5, 2],
  [20, 6, 8],
];
const sheet = new GridSheet('l.csv', POINTS.map((r) => r.map((v) => toCellValue(v))));
const dataHost: DataHost = { readSheet: () => sheet };
const column = (c: number) => ({ x: POINTS.map((r) => r[0]!), y: POINTS.map((r) => r[c]!) });

const CONTROL = `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 8 ~ Year ~|
TIME STEP = 0.5 ~ Year ~|
SAVEPER = 0.5 ~ Year ~|
`;

// inflow = g(s) · m: the link s → inflow needs g evaluated at the moved s with m held.
const scalarModel = (table: string) => `
g${table} ~~|
s = INTEG(inflow - outflow, 1) ~ u ~|
inflow = g(s) * m ~ u/Year ~|
m = INTEG(0.1, 1) ~ 1/Year ~|
outflow = s / 4 ~ u/Year ~|
${CONTROL}`;

const arrayedModel = (tables: string) => `
dim: A1, A2 ~~|
${tables}
s[dim] = INTEG(inflow[dim] - outflow[dim], 1) ~ u ~|
inflow[dim] = g[dim](s[dim]) * m ~ u/Year ~|
m = INTEG(0.1, 1) ~ 1/Year ~|
outflow[dim] = s[dim] / 4 ~ u/Year ~|
${CONTROL}`;

const dominance = (text: string) => dominanceOf(text, { discover: false }, { file: 'm.mdl', dataHost });

/** The loop s → inflow → s scored by hand from the run: (g(s') · m − inflow) over Δinflow, times inflow's part of Δnet. */
function handScores(run: { get(n: string): Float64Array | undefined }, g: { x: number[]; y: number[] }, el = '') {
  const s = run.get(`s${el}`)!;
  const m = run.get('m')!;
  const inflow = run.get(`inflow${el}`)!;
  const outflow = run.get(`outflow${el}`)!;
  const out: number[] = [];
  for (let k = 0; k + 1 < s.length; k++) {
    const dIn = inflow[k + 1]! - inflow[k]!;
    const dS = s[k + 1]! - s[k]!;
    const dNet = dIn - (outflow[k + 1]! - outflow[k]!);
    // The method's convention: a link whose source or target does not move scores 0.
    if (dIn === 0 || dS === 0 || dNet === 0) {
      out.push(0);
      continue;
    }
    const partial = interpolate(g, s[k + 1]!) * m[k]! - inflow[k]!;
    const link = Math.abs(partial / dIn) * Math.sign(partial / dS);
    out.push(link * Math.abs(dIn / dNet));
  }
  return out;
}

describe('loop scores through lookups called as table(x)', () => {
  it('scores a loop through a lookup read from data as through the same lookup declared, and as by hand', () => {
    const data = dominance(scalarModel("( GET DIRECT LOOKUPS('l.csv', ',', 'A', 'B1') )"));
    const declared = dominance(scalarModel('((0,0),(10,5),(20,6))'));
    expect(data.notScored).toEqual([]);
    expect(data.loops.map((l) => l.variables)).toEqual(declared.loops.map((l) => l.variables));
    data.loops.forEach((l, i) => l.score.forEach((x, k) => expect(x).toBeCloseTo(declared.loops[i]!.score[k]!, 12)));
    const r = data.loops.find((l) => l.variables.includes('inflow'))!;
    const run = data.model.run({ end: 8.5 });
    handScores(run, column(1)).slice(0, r.score.length).forEach((x, k) => expect(r.score[k]).toBeCloseTo(x, 10));
    // The lookup moves the loop's gain: its score is not constant over the run.
    expect(Math.max(...r.score) - Math.min(...r.score)).toBeGreaterThan(0.1);
  });

  it('scores an arrayed lookup read from data element by element, each element through its own points', () => {
    const d = dominance(arrayedModel("g[dim]( GET DIRECT LOOKUPS('l.csv', ',', 'A', 'B1') ) ~~|"));
    expect(d.notScored).toEqual([]);
    const run = d.model.run({ end: 8.5 });
    for (const [el, col] of [['A1', 1], ['A2', 2]] as const) {
      const l = d.loops.find((x) => x.elements.includes(`inflow[${el}]`))!;
      expect(l).toBeDefined();
      handScores(run, column(col), `[${el}]`).slice(0, l.score.length).forEach((x, k) => expect(l.score[k]).toBeCloseTo(x, 10));
    }
  });

  it('still refuses a call of what is not a lookup (a macro), with the reason in both languages', () => {
    const d = dominance(`
:MACRO: TWICE(x)
TWICE = 2 * x ~~|
:END OF MACRO:
s = INTEG(inflow, 1) ~ u ~|
inflow = TWICE(s) * 0.01 ~ u/Year ~|
${CONTROL}`);
    expect(d.loops).toEqual([]);
    expect(d.notScored.map((n) => n.reason)).toEqual([{ en: 'inflow: call of TWICE is not scored', es: 'inflow: la llamada a TWICE no se puntúa' }]);
  });
});
