import { describe, expect, it } from 'vitest';
import { lookupChain, suitsChain } from './lookup-chain.js';
import { Runtime } from '../run/runtime-lib.js';
import { compileVensim } from '../run/engine.js';

/** Ascending tables with the edges a chain must get right: zero-width segments, NaN, -0 and infinite values. */
const TABLES: [number[], number[]][] = [
  [[0, 1, 2, 3, 4], [0.5, 1, 1.4, 1.7, 1.8]],
  [[-2, -0.5, 0.1, 7, 7, 9.25], [3, -1, 0.25, 2, 5, -4]],
  [[0, 0, 1, 2], [1, 2, 3, 4]],
  [[-1, 0, 0, 2, 2], [NaN, -0, Infinity, -Infinity, 0.1]],
  [[-Infinity, 0, 1, Infinity], [-1, 0, 2, 9]],
  [[-0, 0.1, 0.30000000000000004], [-0, 1e-310, -1.7976931348623157e308]],
  [[1980, 2000, 2020, 2098.9], [0.82, 0.94, 1.01, 1.1]],
];

describe('lookupChain', () => {
  it('gives bit for bit what Runtime.lookup gives', () => {
    const r = new Runtime(TABLES.map(([x]) => Float64Array.from(x)), TABLES.map(([, y]) => Float64Array.from(y)), [], 0, 1);
    const inputs = [NaN, Infinity, -Infinity, 0, -0, 1, 2, 7, 9.25, -2, 3.5, 0.1, 0.30000000000000004, 1e-300, 1999.99, 2000, 2098.9, 2100];
    for (let i = 0; i < 400; i++) inputs.push(Math.sin(i * 12.9898) * 12, 1980 + i * 0.3);
    TABLES.forEach(([xs, ys], t) => {
      const chain = lookupChain(xs, ys, 'x');
      expect(chain, `table ${t}`).toBeDefined();
      const f = new Function('x', `return ${chain};`) as (x: number) => number;
      for (const x of inputs) expect(Object.is(f(x), r.lookup(t, x)), `table ${t}, x = ${x}`).toBe(true);
    });
  });

  it('is not made for tables it cannot follow: unordered, one point, no width, too long', () => {
    expect(suitsChain([0, 3, 1], [1, 2, 3])).toBe(false);
    expect(suitsChain([1], [1])).toBe(false);
    expect(suitsChain([3, 3], [1, 2])).toBe(false);
    expect(suitsChain(Array.from({ length: 17 }, (_, i) => i), new Array<number>(17).fill(1))).toBe(false);
    expect(lookupChain([0, 3, 1], [1, 2, 3], 'x')).toBeUndefined();
  });
});

describe('inline lookups in generated code', () => {
  /** A model text of dimensionless equations, run ten years by quarters. */
  const modelText = (eqs: string[]) =>
    [...eqs.map((eq) => `${eq}\n\t~\tDmnl\n\t~\t|\n`), ...['INITIAL TIME = 0', 'FINAL TIME = 10', 'TIME STEP = 0.25', 'SAVEPER = 0.25'].map((eq) => `${eq}\n\t~\tYear\n\t~\t|\n`)].join('\n');
  const EFFECT = 'effect([(0,0)-(4,2)],(0,0.5),(1,1),(2,1.4),(3,1.7),(4,1.8))';
  const mdl = modelText([EFFECT, 'input = Time / 2', 'output = effect(input)']);

  it('writes a whole lookup as its chain, with the same values as the runtime lookup', () => {
    const model = compileVensim(mdl, { file: 'inline-lookup.mdl' }).model;
    expect(model.generated.source).toMatch(/\{ let x; v\[\d+\] = \(x = v\[\d+\], R\.lx\[0\] === K\d+ && R\.ly\[0\] === K\d+ \? \(x <= 0 \? 0\.5 : /);
    const res = model.run();
    const r = new Runtime([Float64Array.of(0, 1, 2, 3, 4)], [Float64Array.of(0.5, 1, 1.4, 1.7, 1.8)], [], 0, 1);
    const out = res.get('output')!;
    res.time.forEach((t, i) => expect(Object.is(out[i], r.lookup(0, t / 2)), `time ${t}`).toBe(true));
  });

  it('takes the runtime lookup when the run overrides the table', () => {
    const model = compileVensim(mdl, { file: 'inline-lookup.mdl' }).model;
    const res = model.run({ params: { effect: { x: [0, 10], y: [0, 100] } } });
    const out = res.get('output')!;
    res.time.forEach((t, i) => expect(out[i]).toBeCloseTo(5 * t, 12));
    // And the model's own table again in the next run.
    expect(model.run().get('output')![8]).toBe(1); // time 2, input 1
  });

  // Lookups inside another call's arguments, inside another lookup's input, and with an input
  // holding parentheses and commas: each is printed where the expression has it.
  const nested = modelText([
    EFFECT,
    'input = Time / 2',
    'inside = MAX(effect(input), 0.25 * effect(MIN(input, (Time + 1) / 3)))',
    'twice = effect(effect(input) * 2)',
    'comma = effect(MIN(input, MAX(1, (Time - 2) * 0.5)))',
  ]);

  it('writes nested lookups and lookups of calls as chains, with the values of the runtime lookup', () => {
    const model = compileVensim(nested, { file: 'nested-lookup.mdl' }).model;
    // Five lookups in the three statements of init and of step, each through the chain (each guard reads R.lx once).
    expect(model.generated.source.match(/R\.lx\[0\] === /g)?.length).toBe(10);
    const r = new Runtime([Float64Array.of(0, 1, 2, 3, 4)], [Float64Array.of(0.5, 1, 1.4, 1.7, 1.8)], [], 0, 1);
    const f = (x: number) => r.lookup(0, x);
    const res = model.run();
    const [inside, twice, comma] = ['inside', 'twice', 'comma'].map((n) => res.get(n)!);
    res.time.forEach((t, i) => {
      const input = t / 2;
      expect(Object.is(inside![i], Math.max(f(input), 0.25 * f(Math.min(input, (t + 1) / 3)))), `inside at ${t}`).toBe(true);
      expect(Object.is(twice![i], f(f(input) * 2)), `twice at ${t}`).toBe(true);
      expect(Object.is(comma![i], f(Math.min(input, Math.max(1, (t - 2) * 0.5)))), `comma at ${t}`).toBe(true);
    });
    // An overridden table reaches every nested lookup through its guard.
    const over = model.run({ params: { effect: { x: [0, 10], y: [0, 100] } } });
    const g = (x: number) => (x <= 0 ? 0 : x >= 10 ? 100 : 10 * x);
    over.time.forEach((t, i) => expect(over.get('twice')![i]).toBeCloseTo(g(g(t / 2) * 2), 9));
  });

  const arrayed = ['region: (r1-r5)\n\t~\t\n\t~\t|\n', modelText([EFFECT, 'w[region] = 0.5, 0.75, 1, 1.25, 1.5', 'input[region] = Time / 2 * w[region]', 'output[region] = effect(input[region])'])].join('\n');

  it("looks up an array's elements in the loop that computes their inputs, as the runtime would", () => {
    const model = compileVensim(arrayed, { file: 'inline-lookup-array.mdl' }).model;
    expect(model.generated.source).toMatch(/if \(R\.lx\[\d+\] === K\d+ && R\.ly\[\d+\] === K\d+\) \{ for \(let i = 0; i < 5; i\+\+\) \{ const x = /);
    const r = new Runtime([Float64Array.of(0, 1, 2, 3, 4)], [Float64Array.of(0.5, 1, 1.4, 1.7, 1.8)], [], 0, 1);
    const res = model.run();
    const inputs = ['r1', 'r2', 'r3', 'r4', 'r5'].map((e) => res.get(`input[${e}]`)!);
    ['r1', 'r2', 'r3', 'r4', 'r5'].forEach((e, k) => {
      const out = res.get(`output[${e}]`)!;
      res.time.forEach((t, i) => expect(Object.is(out[i], r.lookup(0, inputs[k]![i]!)), `${e} at ${t}`).toBe(true));
    });
    // With the table overridden the loop takes lookupRange over the run's table.
    const over = model.run({ params: { effect: { x: [0, 10], y: [0, 100] } } });
    const input5 = over.get('input[r5]')!;
    over.get('output[r5]')!.forEach((y, i) => expect(y).toBeCloseTo(10 * input5[i]!, 12));
  });
});
