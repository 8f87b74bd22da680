/**
 * Splitting an impact into its rounds. For a final-demand change Δf:
 *   direct   = Δf                  (output of the sectors that receive the new demand)
 *   indirect = L·Δf − Δf           (their supply chains)
 *   induced  = L̄11·Δf − L·Δf       (household re-spending of the extra labour income; type II only)
 * The same split applies to any quantity proportional to output (jobs, value added, emissions).
 */
import type { ClosedModel } from './households.js';
import type { LeontiefModel } from './leontief.js';

export interface Rounds {
  direct: number[];
  indirect: number[];
  induced?: number[];
  total: number[];
}

export function decomposeOutput(open: LeontiefModel, df: number[], closed?: ClosedModel): Rounds {
  const typeI = open.outputFor(df);
  const direct = [...df];
  const indirect = typeI.map((v, i) => v - df[i]);
  if (!closed) return { direct, indirect, total: typeI };
  const typeII = closed.outputFor(df);
  return { direct, indirect, induced: typeII.map((v, i) => v - typeI[i]), total: typeII };
}

/** The rounds of a quantity with `perUnitOutput` per unit of each sector's output. */
export function scaleRounds(r: Rounds, perUnitOutput: number[]): Rounds {
  const s = (v: number[]): number[] => v.map((x, i) => x * perUnitOutput[i]);
  return { direct: s(r.direct), indirect: s(r.indirect), induced: r.induced && s(r.induced), total: s(r.total) };
}

export const sumOf = (v: number[]): number => v.reduce((a, b) => a + b, 0);
