/**
 * Differential testing: one generated model run in the compiled engine and in the reference
 * interpreter (src/sd/reference), compared column by column at every saved time.
 */
import { compileVensim } from '../sd/run/engine.js';
import { readVensim } from '../sd/vensim/reader.js';
import { canonicalColumn } from '../sd/ir/names.js';
import { runReference } from '../sd/reference/interpreter.js';
import { generateModel } from './differential-generator.js';

export const RELATIVE_TOLERANCE = 1e-9;

export interface Disagreement {
  seed: number;
  column: string;
  time: number;
  engine: number;
  reference: number;
  text: string;
}

/** Both runs agree within a relative tolerance (scaled by the larger magnitude, at least 1). */
export function close(a: number, b: number, tol = RELATIVE_TOLERANCE): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Runs one seed both ways; returns the first disagreement (or a failure of either side), or undefined. */
export function checkSeed(seed: number): Disagreement | undefined {
  return checkModel(seed, generateModel(seed).text);
}

/**
 * Runs model text in the engine and `referenceText` (the same text unless a test mutates it on
 * purpose, to show that the comparison can fail) in the reference interpreter.
 */
export function checkModel(seed: number, text: string, referenceText = text): Disagreement | undefined {
  const fail = (column: string, why: string): Disagreement => ({ seed, column: `${column}: ${why}`, time: NaN, engine: NaN, reference: NaN, text });
  let engine;
  try {
    engine = compileVensim(text).model.run();
  } catch (e) {
    return fail('(engine)', (e as Error).message);
  }
  let ref;
  try {
    ref = runReference(readVensim(referenceText));
  } catch (e) {
    return fail('(reference)', (e as Error).message);
  }
  const engineCols = new Map(engine.names.map((n, i) => [canonicalColumn(n), engine.series[i]!]));
  if (engine.time.length !== ref.time.length) return fail('(time)', `engine saves ${engine.time.length} times, reference ${ref.time.length}`);
  for (const [col, values] of ref.columns) {
    const series = engineCols.get(col);
    if (!series) return fail(col, 'column missing from the engine output');
    for (let k = 0; k < values.length; k++) {
      if (!close(series[k]!, values[k]!) || !close(engine.time[k]!, ref.time[k]!)) {
        return { seed, column: col, time: ref.time[k]!, engine: series[k]!, reference: values[k]!, text };
      }
    }
  }
  return undefined;
}
