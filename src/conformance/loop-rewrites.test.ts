/**
 * Code generation's two loop rewrites (codegen.ts): lookups over an array as one R.lookupRange,
 * and subexpressions that are the same for every element computed once before the loop. A model
 * that has both runs and agrees with the reference interpreter at every saved time.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from '../sd/run/engine.js';
import { readVensim } from '../sd/vensim/reader.js';
import { runReference } from '../sd/reference/interpreter.js';
import { canonicalColumn } from '../sd/ir/names.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';

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

describe('loop rewrites in generated code', () => {
  it('uses both on an array model and agrees with the reference interpreter', () => {
    const model = compileVensim(MODEL, { file: 'loops.mdl' }).model as CompiledModel;
    const source = model.generated.source;
    expect(source).toContain('R.lookupRange(');
    expect(source).toMatch(/const h0 = \(v\[\d+\] \/ 6\);/);
    const ours = model.run();
    const ref = runReference(readVensim(MODEL));
    let compared = 0;
    for (const [name, values] of ref.columns) {
      const series = ours.get(name) ?? ours.get(canonicalColumn(name));
      if (!series) continue;
      values.forEach((x, i) => expect(Math.abs(series[i]! - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x))));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
