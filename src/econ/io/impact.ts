/** The effects of a final-demand change on output, value added and every satellite, by round. */
import { decomposeOutput, scaleRounds } from './decompose.js';
import type { ClosedModel } from './households.js';
import type { LeontiefModel } from './leontief.js';
import { valueAddedRows } from './multipliers.js';
import type { ImpactResult } from './results.js';
import type { IoTable } from './types.js';

export function computeImpact(table: IoTable, open: LeontiefModel, df: number[], closed?: ClosedModel): ImpactResult {
  const output = decomposeOutput(open, df, closed);
  const per = (v: number[]): number[] => v.map((q, j) => q / table.x[j]);
  return {
    sectors: table.sectors,
    demand: df,
    output,
    valueAdded: scaleRounds(output, per(valueAddedRows(table))),
    satellites: table.satellites.map((s) => ({ name: s.name, kind: s.kind, unit: s.unit, rounds: scaleRounds(output, per(s.values)) })),
  };
}
