/**
 * The elements of an arrayed equation are instantiated from one plan per equation (equation-plan.ts)
 * instead of resolved one by one. That must give the very scalar model resolving each element gives:
 * same nodes (kind, expression, initial value), lookups, data and warnings, and the same errors.
 * Checked on a model of our own with each kind of expression a plan covers and some it does not,
 * and on every model of the Vensim test suite and the bench models.
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Expander } from '../sd/analyze/expand.js';
import { parseFileTags } from '../sd/data/file-tags.js';
import { createNodeDataHost } from '../sd/node/data-host.js';
import { readTextFile } from '../sd/node/load.js';
import { readVensim } from '../sd/vensim/reader.js';
import { suiteAndBenchModelFiles } from './bench-models.js';

/** The scalar model (or the error) one way of expanding gives, as text, and how many nodes came from plans. */
function expand(text: string, file: string | undefined, elementPlans: boolean): { out: string; planned: number } {
  const dataHost = file ? createNodeDataHost(dirname(file), parseFileTags(text)) : undefined;
  let x: Expander | undefined;
  try {
    x = new Expander(readVensim(text, file), { dataHost, elementPlans });
    const model = x.run();
    const arrays = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v);
    return { out: JSON.stringify([model, x.warnings.map((w) => w.message)], arrays), planned: x.plannedNodes };
  } catch (err) {
    return { out: `error ${err instanceof Error ? err.message : String(err)}`, planned: x?.plannedNodes ?? 0 };
  }
}

const MODEL = `
r: (r1-r3) ~ ~ |
s: s1, s2 ~ ~ |
sub: r2, r3 ~ ~ |
t: t1, t2 -> s ~ ~ |
w[r] = 1, -1.5, 2 ~ Dmnl ~ |
m[r, s] = 1, 2; 3, 4; 5, 6; ~ Dmnl ~ |
tbl[s1]([(0,0)-(4,2)],(0,0.5),(4,1.8)) ~ Dmnl ~ |
tbl[s2]([(0,0)-(4,2)],(0,1),(4,0)) ~ Dmnl ~ |
st[r] = INTEG(a[r] - b[r], 10 * w[r]) ~ u ~ |
a[r] = st[r] * 0.05 + -(2 + 3) ~ u/Year ~ |
b[r] = st[r] / 20 ~ u/Year ~ |
c[r, s] = m[r, s] * a[r] + tbl[s](Time) ~ u ~ |
d[s] = SUM(c[r!, s]) + PROD(m[r!, s]) - VMIN(c[r!, s]) * VMAX(m[r!, s1]) ~ u ~ |
e[s] = SUM(c[r!, s!]) * m[r1, s] ~ u ~ |
f[r] = MIN(a[r], b[r]) + MAX(w[r], 0) + ZIDZ(a[r], SUM(m[r, s!])) ~ u ~ |
g[r] = IF THEN ELSE(a[r] > b[r] :AND: Time > 2, a[r], :NA:) + c[r, s2] + a ~ u ~ |
h[r] = INITIAL(a[r] * 2) ~ u ~ |
i[sub] = a[r] + a[r1] ~ u ~ |
n[r, t] = 1, 2; 3, 4; 5, 6; ~ Dmnl ~ |
j[s] = n[r1, t] + s ~ u ~ |
k[r] = SMOOTH(a[r], 2) ~ u ~ |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 10 ~ Year ~ |
TIME STEP = 0.25 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

describe('arrayed equations instantiated from one plan', () => {
  it('give the scalar model resolving each element gives, on a model with what plans cover and what they do not', () => {
    const planned = expand(MODEL, undefined, true);
    const each = expand(MODEL, undefined, false);
    expect(planned.out.startsWith('error')).toBe(false);
    expect(planned.out).toBe(each.out);
    // st, a, b, c, d, e, f, g, h (3 + 3 + 3 + 6 + 2 + 2 + 3 + 3 + 3): i reads a range through its sub-range, j a mapping and a range as a value, k is a SMOOTH.
    expect(planned.planned).toBe(28);
    expect(each.planned).toBe(0);
  });

  it('give the same error when an element reads a node that does not exist', () => {
    const bad = MODEL.replace('c[r, s] = m[r, s] * a[r]', 'c[r, s] = m[r, s] * a[r] + q[s]').replace('k[r] =', 'q[s1] = 1 ~ u ~ |\nk[r] =');
    const planned = expand(bad, undefined, true);
    expect(planned.out).toMatch(/^error .*q\[s2\] is used but never defined/);
    expect(planned.out).toBe(expand(bad, undefined, false).out);
  });

  const models = suiteAndBenchModelFiles();

  it.skipIf(models.length === 0)('give the same scalar model on every model of the test suite and the bench models', () => {
    let planned = 0;
    for (const path of models) {
      const text = readTextFile(path);
      const a = expand(text, path, true);
      expect(a.out, path).toBe(expand(text, path, false).out);
      planned += a.planned;
    }
    expect(models.length).toBeGreaterThan(100);
    expect(planned).toBeGreaterThan(1000);
  }, 300_000);
});
