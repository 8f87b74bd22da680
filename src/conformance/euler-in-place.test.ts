/**
 * The in-place Euler update (codegen `euler`, ordered by euler-order.ts) gives bit-identical states
 * to the two-pass update it replaced (`rates` into d, then every stock += dt × d), step by step,
 * on the conformance suite's Vensim models and on generated differential models.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from '../sd/run/engine.js';
import { Runtime } from '../sd/run/runtime-lib.js';
import type { CompiledModel, Program } from '../sd/run/compiled-model.js';
import { loadModel } from '../sd/node/load.js';
import { generateModel } from './differential-generator.js';
import { listVensimCases, suiteRoot } from './suite.js';

/** First step at which the two updates differ (or -1), running at most `maxSteps` steps. */
function firstDifference(model: CompiledModel, maxSteps = 400): number {
  const g = model.generated;
  const program = new Function('K', g.source)(g.tables) as Program;
  const s = model.scalar;
  const stocks = model.ordering.stocks;
  const runtime = () => new Runtime(s.lookups.map((l) => l.x), s.lookups.map((l) => l.y), s.data, g.delayCount, 7);
  const defaults = new Float64Array(s.nodes.length);
  for (const n of s.nodes) if (n.kind === 'const' && n.expr.k === 'num') defaults[n.id] = n.expr.v;
  const { start, end, dt } = model.time;
  const steps = Math.min(maxSteps, Math.ceil((end - start) / dt));
  const a = defaults.slice();
  const b = defaults.slice();
  const ra = runtime();
  const rb = runtime();
  for (const [v, r] of [[a, ra], [b, rb]] as const) {
    r.initialTime = start;
    r.prepareDelays(steps + 1);
    program.init(v, start, dt, 0, r);
  }
  const d = new Float64Array(stocks.length);
  const e = new Float64Array(stocks.length);
  const same = () => Buffer.compare(Buffer.from(a.buffer), Buffer.from(b.buffer)) === 0;
  for (let si = 0; si < steps; si++) {
    const time = start + si * dt;
    program.step(a, time, dt, si, ra);
    program.step(b, time, dt, si, rb);
    program.post(a, time, dt, si, ra);
    program.post(b, time, dt, si, rb);
    program.rates(a, d, time, dt, ra);
    for (let k = 0; k < stocks.length; k++) a[stocks[k]!]! += dt * d[k]!;
    program.euler(b, e, time, dt, rb);
    if (!same()) return si;
  }
  return -1;
}

describe('in-place Euler update', () => {
  it('matches the two-pass update bit for bit on 300 generated models', () => {
    const differing: number[] = [];
    for (let seed = 0; seed < 300; seed++) {
      let model: CompiledModel;
      try {
        model = compileVensim(generateModel(seed).text).model;
      } catch {
        continue; // models the engine rejects are the differential tests' business
      }
      if (firstDifference(model) >= 0) differing.push(seed);
    }
    expect(differing).toEqual([]);
  }, 120_000);

  const root = suiteRoot();
  it.skipIf(!root)('matches the two-pass update bit for bit on the conformance suite', () => {
    const differing: string[] = [];
    let compared = 0;
    for (const c of listVensimCases(root!)) {
      let model: CompiledModel;
      try {
        model = loadModel(c.model);
      } catch {
        continue;
      }
      compared++;
      const at = firstDifference(model);
      if (at >= 0) differing.push(`${c.name} at step ${at}`);
    }
    expect(compared).toBeGreaterThan(100);
    expect(differing).toEqual([]);
  }, 120_000);
});
