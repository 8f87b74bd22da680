/** Many draws of RANDOM functions from one small model, and the sample statistics their tests compare. */
import { compileVensim } from '../engine.js';

export const DRAWS = 4000;

/** Every variable of `equations` (with `prelude` before them, e.g. lookups) over DRAWS steps of one run. */
export function draws(equations: string, seed = 7, prelude = ''): Record<string, number[]> {
  const mdl = `${prelude}${equations}
INITIAL TIME = 0 ~~|
FINAL TIME = ${DRAWS - 1} ~~|
TIME STEP = 1 ~~|
SAVEPER = TIME STEP ~~|
`;
  const r = compileVensim(mdl, { file: 'random.mdl' }).model.run({ seed });
  return Object.fromEntries(r.names.map((n) => [n, Array.from(r.get(n)!)]));
}

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample variance (n - 1). */
export const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

export const share = (xs: number[], test: (x: number) => boolean): number => xs.filter(test).length / xs.length;
