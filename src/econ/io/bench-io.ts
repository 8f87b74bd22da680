/**
 * Benchmark of the multipliers: a random balanced n-sector table, then type I and II output,
 * income, value-added and employment multipliers plus linkages (LU of I − A, then solves).
 * The bench runner (bench/io-bench.ts) calls this; speed targets live there, not in unit tests.
 */
import { linkages } from './linkages.js';
import { buildModels, computeMultipliers } from './multipliers.js';
import { randomBalancedTable } from './random-table.js';

export function benchIoMultipliers(n: number): { ms: number } {
  const table = randomBalancedTable(n, 42);
  const start = performance.now();
  const models = buildModels(table);
  const m = computeMultipliers(table, models);
  const link = linkages(models.open);
  const ms = performance.now() - start;
  if (!Number.isFinite(m.output.type1[0] + (m.output.type2?.[0] ?? 0) + link.backward[0])) throw new Error('benchmark produced a non-finite multiplier');
  return { ms };
}
