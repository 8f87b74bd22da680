/**
 * The suite's random/ folder holds summary statistics (min, max, mean, variance) of Vensim's
 * RANDOM functions. We draw a large sample from our engine for each expression and compare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileVensim } from '../sd/run/engine.js';

export interface DistributionCheck {
  expression: string;
  expected: { min: number; max: number; mean: number; variance: number };
  actual: { min: number; max: number; mean: number; variance: number };
  n: number;
}

/** Draws `n` values of a RANDOM expression by running a one-variable model for n steps. */
export function sampleExpression(expression: string, n: number, seed = 7): Float64Array {
  const text = `x = ${expression} ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = ${n - 1} ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`;
  const { model } = compileVensim(text, { file: 'random-sample.mdl', seed });
  return model.run({ columns: ['x'] }).series[0]!;
}

export function readStatsFile(path: string): { expression: string; stats: Record<string, number> }[] {
  const text = readFileSync(path, 'latin1');
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim());
  const header = lines[0]!.split('\t');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  return header.slice(1).map((expression, j) => {
    const stats: Record<string, number> = {};
    for (const r of rows) stats[r[0]!.trim()] = Number(r[j + 1]);
    return { expression: expression.trim(), stats };
  });
}

export function checkDistributions(randomDir: string, n: number): DistributionCheck[] {
  const files = ['random_uniform/uniform_expected.tab', 'random_normal/normal_expected.tab', 'random_exponential/exponential_expected.tab'];
  const out: DistributionCheck[] = [];
  for (const f of files) {
    for (const { expression, stats } of readStatsFile(join(randomDir, f))) {
      const s = sampleExpression(expression, n);
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (const x of s) {
        min = Math.min(min, x);
        max = Math.max(max, x);
        sum += x;
      }
      const mean = sum / s.length;
      let ss = 0;
      for (const x of s) ss += (x - mean) ** 2;
      out.push({ expression, n: s.length, expected: { min: stats.min!, max: stats.max!, mean: stats.mean!, variance: stats.variance! }, actual: { min, max, mean, variance: ss / (s.length - 1) } });
    }
  }
  return out;
}

