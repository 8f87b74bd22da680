/**
 * Code generation's two loop rewrites (codegen.ts): lookups over an array as one R.lookupRange,
 * and subexpressions that are the same for every element computed once before the loop. A model
 * that has both runs and agrees with the reference interpreter at every saved time, and so does
 * one whose loops hold statements that are not one assignment (left as they are).
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from '../sd/run/engine.js';
import { readVensim } from '../sd/vensim/reader.js';
import { runReference } from '../sd/reference/interpreter.js';
import { canonicalColumn } from '../sd/ir/names.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';
import type { RunResult } from '../sd/run/types.js';

const MODEL = `
r: (r1-r6) ~ ~ |
weight[r] = 1, 1.5, 2, 0.5, 3, 1.2 ~ Dmnl ~ |
tbl([(0,0)-(4,2)],(0,0.5),(1,1),(2,1.4),(3,1.7),(4,1.8)) ~ Dmnl ~ |
s[r] = INTEG(inflow[r] - outflow[r], 10 * weight[r]) ~ units ~ |
total = SUM(s[r!]) ~ units ~ |
effect[r] = tbl(s[r] / (total / 6)) ~ Dmnl ~ |
inflow[r] = s[r] * 0.05 * effect[r] ~ units/Year ~ |
outflow[r] = s[r] / 8 + 0.01 * (total / 6 - s[r]) ~ units/Year ~ |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 30 ~ Year ~ |
TIME STEP = 0.25 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

/** Columns of ours that the reference interpreter also gives, each compared at every saved time; their count. */
function compareWithReference(text: string, ours: RunResult): number {
  const ref = runReference(readVensim(text));
  let compared = 0;
  for (const [name, values] of ref.columns) {
    const series = ours.get(name) ?? ours.get(canonicalColumn(name));
    if (!series) continue;
    values.forEach((x, i) => expect(Math.abs(series[i]! - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x))));
    compared++;
  }
  return compared;
}

// SAMPLE IF TRUE's statements are not one assignment (an `if`): over five elements, more than the
// smallest group codegen loops over, they are looped over as they are (loop-rewrites.ts).
const SAMPLES = `
d: d1, d2, d3, d4, d5 ~ ~ |
x[d] = 1, 5, 7, 8, 9 ~ Dmnl ~ |
y[d] = SAMPLE IF TRUE(x[d2] > 4, Time + x[d], 2) ~ Dmnl ~ |
z[d] = SAMPLE IF TRUE(Time >= 2, (x[d2] + 1) * y[d], 0) ~ Dmnl ~ |
s[d] = INTEG(1, y[d] + z[d]) ~ Dmnl ~ |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 5 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

describe('loop rewrites in generated code', () => {
  it('uses both on an array model and agrees with the reference interpreter', () => {
    const model = compileVensim(MODEL, { file: 'loops.mdl' }).model as CompiledModel;
    const source = model.generated.source;
    expect(source).toContain('R.lookupRange(');
    expect(source).toMatch(/const h0 = \(v\[\d+\] \/ 6\);/);
    expect(compareWithReference(MODEL, model.run())).toBeGreaterThan(20);
  });

  it('leaves SAMPLE IF TRUE loops as they are and agrees with the reference interpreter', () => {
    const model = compileVensim(SAMPLES, { file: 'samples.mdl' }).model as CompiledModel;
    const source = model.generated.source;
    expect(source).toMatch(/for \(let i = 0; i < 5; i\+\+\) \{ if \(/);
    const ours = model.run();
    // y at Time 0 (condition true): Time + x, hand-worked; z holds 0 until Time 2, then 6 * y.
    expect(Array.from(ours.get('y[d3]')!).slice(0, 2)).toEqual([7, 8]);
    expect(Array.from(ours.get('z[d1]')!).slice(0, 4)).toEqual([0, 0, 18, 24]);
    expect(compareWithReference(SAMPLES, ours)).toBeGreaterThanOrEqual(20);
  });
});
