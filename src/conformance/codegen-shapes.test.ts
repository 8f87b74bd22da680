/**
 * Code generation prints a plain assignment's text once per expression shape (template-shape.ts)
 * and reuses it for every statement of that shape. That must give the very program printing every
 * statement in full gives: same source, same index tables (codegen.ts, template-shape.ts). Checked on a model of our own with
 * every kind of expression node, and on every model of the Vensim test suite and the bench models.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../sd/compile/codegen.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';
import { loadModel } from '../sd/node/load.js';
import { suiteAndBenchModelFiles } from './bench-models.js';

function expectSameProgram(model: CompiledModel): void {
  const full = generate(model.scalar, model.ordering, undefined, { printEachStatement: true });
  expect(model.generated.source).toBe(full.source);
  expect(model.generated.tables).toEqual(full.tables);
}

// One variable's elements share a group, so only shapes within a variable may share text: each
// variable below gives its elements shapes that differ only in what a hole does not show
// (operator, function, lookup mode, unary minus or NOT, Time or a reference).
const MODEL = `
r: (r1-r6) ~ ~ |
w[r] = 1, -1.5, 2, 0.5, 3, 1.2 ~ Dmnl ~ |
tbl([(0,0)-(4,2)],(0,0.5),(1,1),(2,1.4),(3,1.7),(4,1.8)) ~ Dmnl ~ |
s[r] = INTEG(a[r] - b[r], 10 * w[r]) ~ u ~ |
a[r] = s[r] * 0.05 ~ u/Year ~ |
b[r] = s[r] / 20 ~ u/Year ~ |
c[r1] = a[r1] + b[r1] ~ u ~ |
c[r2] = a[r2] - b[r2] ~ u ~ |
c[r3] = a[r3] * b[r3] ~ u ~ |
c[r4] = a[r4] / b[r4] ~ u ~ |
c[r5] = a[r5] ^ b[r5] ~ u ~ |
c[r6] = IF THEN ELSE(a[r6] > b[r6], 1, 0) ~ u ~ |
d[r1] = MIN(a[r1], b[r1]) ~ u ~ |
d[r2] = MAX(a[r2], b[r2]) ~ u ~ |
d[r3] = ZIDZ(a[r3], b[r3]) ~ u ~ |
d[r4] = XIDZ(a[r4], b[r4], -1) ~ u ~ |
d[r5] = tbl(a[r5]) ~ u ~ |
d[r6] = LOOKUP EXTRAPOLATE(tbl, a[r6]) ~ u ~ |
e[r1] = IF THEN ELSE(-a[r1], 1, 0) ~ u ~ |
e[r2] = IF THEN ELSE(:NOT: a[r2], 1, 0) ~ u ~ |
e[r3] = a[r3] * Time ~ u ~ |
e[r4] = a[r4] * b[r4] ~ u ~ |
e[r5] = IF THEN ELSE(a[r5] > 0 :AND: b[r5] > 0, 1, 0) ~ u ~ |
e[r6] = IF THEN ELSE(a[r6] > 0 :OR: b[r6] > 0, 1, 0) ~ u ~ |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 10 ~ Year ~ |
TIME STEP = 0.25 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

describe('statements printed once per shape', () => {
  it('give the program printing each statement gives, on a model with every kind of expression', () => {
    const model = loadModel(MODEL);
    expectSameProgram(model);
    for (const text of ['Math.min(', 'Math.max(', 'R.zidz(', 'R.xidz(', 'R.lookup(', 'R.lookup_extrapolate(', 'Math.pow(', ' * time', ' && ', ' || ']) {
      expect(model.generated.source).toContain(text);
    }
  });

  const models = suiteAndBenchModelFiles();

  it.skipIf(models.length === 0)('give the same program on every model of the test suite and the bench models', () => {
    let compared = 0;
    for (const path of models) {
      let model: CompiledModel;
      try {
        model = loadModel(path);
      } catch {
        continue; // models we cannot compile (missing data, unsupported functions) have no program
      }
      expectSameProgram(model);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  }, 300_000);
});
