/**
 * The run pool's batches, checked for what they must guarantee (no timings): every run of a burst
 * gets its own result, equal to a direct run of the model; a run that fails inside a batch fails
 * alone, with its own error, whether it is a bad input or a run past its time budget (which ends
 * the thread); a large run on its own lane does not hold up small ones.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel } from '../sd/node/load.js';
import type { RunOptions } from '../sd/run/types.js';
import { SLOW_MODEL } from './burst-probe.js';
import { EXAMPLE_MODEL, projectRoot } from './config.js';
import { ApiError } from './errors.js';
import { defaultServerLimits, type ServerLimits } from './limits.js';
import type { ModelSource } from './model-catalog.js';
import { RunPool } from './run-pool.js';

const path = join(projectRoot(), EXAMPLE_MODEL);
const green: ModelSource = { key: 'green-growth', path };
const direct = loadModel(path);
const slow: ModelSource = { key: 'slow', text: SLOW_MODEL, file: 'slow.mdl' };
const tiny = (key: string): ModelSource => ({ key, text: ['x = Time * 2 ~~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 10 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = 1 ~~|'].join('\n'), file: `${key}.mdl` });

let pool: RunPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function newPool(timeoutMs: number, over: Partial<ServerLimits> = {}): RunPool {
  pool = new RunPool(timeoutMs, { ...defaultServerLimits({}), workers: 2, ...over });
  return pool;
}

/** The run's body, or the error's status and code. */
async function outcome(p: Promise<Buffer>): Promise<{ time: number[]; names: string[]; series: number[][] } | { status: number; code: string }> {
  try {
    return JSON.parse((await p).toString('utf8'));
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, code: e.code };
    throw e;
  }
}

function expected(o: RunOptions): { time: number[]; names: string[]; series: number[][] } {
  const r = direct.run(o);
  return { time: [...r.time], names: r.names, series: r.series.map((s) => [...s]) };
}

describe('run pool batches', () => {
  it('answers every run of a burst with its own result, as a direct run gives it, in fewer batches than runs', async () => {
    const p = newPool(30_000);
    await p.run(green, { columns: ['GDP'] }); // the model's size is learnt; its runs may now share batches
    const before = p.stats().batches;
    const options: RunOptions[] = Array.from({ length: 150 }, (_, i) => ({ params: { 'savings rate': 0.1 + (i % 25) * 0.01 }, columns: i % 3 ? ['GDP'] : undefined }));
    const bad = { params: { 'no such lever': 1 } };
    const all = await Promise.all([...options, bad].map((o) => outcome(p.run(green, o, `user${options.indexOf(o) % 4}`))));
    options.forEach((o, i) => {
      const got = all[i]!;
      expect('time' in got && got).toMatchObject(expected(o));
    });
    // The bad run fails alone, with its own 400.
    expect(all[150]).toEqual({ status: 400, code: 'BAD_INPUT' });
    const batches = p.stats().batches - before;
    expect(batches).toBeLessThan(151);
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(151 / p.limits.batchMaxRuns));
    expect(p.stats()).toMatchObject({ queued: 0, running: 0, requeued: 0 });
  }, 60_000);

  it('batches the runs of a model not seen yet once its first run has taught the pool its size', async () => {
    const p = newPool(30_000);
    // Sent at once, before any run of the model: the first go alone, then the rest share batches.
    const got = await Promise.all(Array.from({ length: 100 }, () => outcome(p.run(green, { columns: ['GDP'] }))));
    for (const g of got) expect(g).toMatchObject(expected({ columns: ['GDP'] }));
    expect(p.stats().batches).toBeLessThan(100);
  }, 60_000);

  it('stops a run past its time budget inside a batch: it alone gets the 504, its batch-mates are run again and succeed', async () => {
    // Every run counts as small here, so the endless one shares a batch with the others.
    const p = newPool(1500, { largeRunWork: 1e15, batchWork: 1e15 });
    await p.check(slow);
    await p.run(green, { columns: ['GDP'] });
    // Both threads busy with a run each (of models not seen yet, so each goes alone) ...
    const busy = [p.run(tiny('busy-1'), {}), p.run(tiny('busy-2'), {})];
    // ... so these wait together and leave as one batch when a thread frees up.
    const before = [0, 1, 2, 3, 4].map((i) => ({ params: { 'savings rate': 0.1 + i * 0.02 }, columns: ['GDP'] }));
    const after = [5, 6, 7, 8, 9].map((i) => ({ params: { 'savings rate': 0.1 + i * 0.02 }, columns: ['GDP'] }));
    const runs = [...before.map((o) => p.run(green, o)), p.run(slow, { columns: ['s[e1]'] }), ...after.map((o) => p.run(green, o))];
    const got = await Promise.all(runs.map(outcome));
    await Promise.all(busy);
    expect(got[5]).toEqual({ status: 504, code: 'RUN_TIMEOUT' });
    [...before, ...after].forEach((o, i) => expect(got[i < 5 ? i : i + 1]).toMatchObject(expected(o)));
    // The ten others shared the endless run's batch: they were put back once, not failed.
    expect(p.stats().requeued).toBe(10);
  }, 60_000);

  it('keeps a large run on its own lane: small runs are all answered while it is still running', async () => {
    const p = newPool(4000);
    await p.check(slow); // learnt: large
    await p.run(green, { columns: ['GDP'] });
    let slowDone = false;
    const big = outcome(p.run(slow, { columns: ['s[e1]'] })).finally(() => (slowDone = true));
    const small = await Promise.all(Array.from({ length: 40 }, () => outcome(p.run(green, { columns: ['GDP'] }))));
    expect(slowDone).toBe(false);
    for (const s of small) expect(s).toMatchObject(expected({ columns: ['GDP'] }));
    expect(await big).toEqual({ status: 504, code: 'RUN_TIMEOUT' });
  }, 60_000);

  it('refuses runs beyond a user\'s queue limit with 429, in English and Spanish', async () => {
    const p = newPool(4000, { maxQueuedPerUser: 2 });
    // Two threads take a run each at once; two more wait; the rest are refused.
    const runs = Array.from({ length: 6 }, () => p.run(green, { columns: ['GDP'] }, 'ana'));
    const refused = (await Promise.allSettled(runs)).flatMap((r) => (r.status === 'rejected' ? [r.reason as ApiError] : []));
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const e of refused) {
      expect([e.status, e.code]).toEqual([429, 'TOO_MANY_RUNS']);
      expect(e.message).toMatch(/^you have 2 runs waiting; the limit is 2: try again shortly$/);
      expect(e.messageEs).toMatch(/^tiene 2 corridas en espera; el límite es 2: intente de nuevo en un momento$/);
    }
  }, 60_000);
});
