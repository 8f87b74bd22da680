/**
 * Multipliers (Miller & Blair 2009, ch. 6), per unit of final demand for each sector's output:
 * - output: type I = column sums of L; type II = column sums of L̄ over the n sectors ("truncated
 *   total"); total = the same including the household row;
 * - income: simple = h'L, type I = h'L / h, total = L̄21, type II = L̄21 / h;
 * - employment (and every satellite): simple = e'L, type I = e'L / e, with households e'L̄11;
 * - value added: v'L.
 */
import { ClosedModel, householdCoefficients } from './households.js';
import { LeontiefModel } from './leontief.js';
import type { IoTable, SatelliteKind } from './types.js';

export interface SatelliteMultipliers {
  name: string;
  kind: SatelliteKind;
  unit?: string;
  /** Quantity per unit of output of each sector. */
  direct: number[];
  /** Direct + indirect quantity per unit of final demand (q'L). */
  simple: number[];
  /** simple / direct. */
  type1: number[];
  /** With households endogenous (q'L̄11). */
  simpleTotal?: number[];
  /** simpleTotal / direct. */
  type2?: number[];
}

export interface Multipliers {
  sectors: string[];
  output: { type1: number[]; type2?: number[]; total?: number[] };
  income?: { direct: number[]; simple: number[]; type1: number[]; total?: number[]; type2?: number[] };
  valueAdded: { direct: number[]; simple: number[]; simpleTotal?: number[] };
  employment?: SatelliteMultipliers;
  satellites: SatelliteMultipliers[];
  notes: string[];
}

const ratio = (a: number[], b: number[]): number[] => a.map((v, i) => (b[i] === 0 ? NaN : v / b[i]));
const ones = (n: number): number[] => new Array<number>(n).fill(1);

export function valueAddedRows(table: IoTable): number[] {
  const non = new Set(table.nonValueAdded ?? []);
  return table.sectors.map((_, j) => table.primaryInputs.filter((p) => !non.has(p.name)).reduce((a, p) => a + p.values[j], 0));
}

/** The models a table gives: always the open one, the closed one when the household accounts exist. */
export function buildModels(table: IoTable): { open: LeontiefModel; closed?: ClosedModel; notes: string[] } {
  const open = new LeontiefModel(table);
  const notes: string[] = [];
  const h = householdCoefficients(table);
  if (!h) {
    notes.push('type II not available: the table needs a labour-income row (compensation of employees) and a household-consumption column');
    return { open, notes };
  }
  if (h.note) notes.push(h.note);
  return { open, closed: new ClosedModel(open, h, table.source), notes };
}

function satelliteMultipliers(
  s: { name: string; kind: SatelliteKind; unit?: string; values: number[] }, x: number[], open: LeontiefModel, closed?: ClosedModel,
): SatelliteMultipliers {
  const direct = s.values.map((v, j) => v / x[j]);
  const simple = open.rowTimesInverse(direct);
  const out: SatelliteMultipliers = { name: s.name, kind: s.kind, unit: s.unit, direct, simple, type1: ratio(simple, direct) };
  if (closed) {
    out.simpleTotal = closed.rowTimesInverse(direct);
    out.type2 = ratio(out.simpleTotal, direct);
  }
  return out;
}

export function computeMultipliers(table: IoTable, models = buildModels(table)): Multipliers {
  const { open, closed } = models;
  const n = table.sectors.length;
  const type1 = open.rowTimesInverse(ones(n));
  const result: Multipliers = {
    sectors: table.sectors,
    output: { type1 },
    valueAdded: { direct: [], simple: [] },
    satellites: [],
    notes: [...models.notes],
  };
  if (closed) {
    result.output.type2 = closed.rowTimesInverse(ones(n));
    const householdRow = closed.householdRow();
    result.output.total = result.output.type2.map((v, j) => v + householdRow[j]);
    const h = closed.h.labour;
    const simple = open.rowTimesInverse(h);
    result.income = { direct: h, simple, type1: ratio(simple, h), total: householdRow, type2: ratio(householdRow, h) };
  } else {
    const labour = table.primaryInputs.find((p) => p.name === table.labourIncome);
    if (labour) {
      const h = labour.values.map((v, j) => v / table.x[j]);
      const simple = open.rowTimesInverse(h);
      result.income = { direct: h, simple, type1: ratio(simple, h) };
    }
  }
  const va = valueAddedRows(table).map((v, j) => v / table.x[j]);
  result.valueAdded = { direct: va, simple: open.rowTimesInverse(va), simpleTotal: closed?.rowTimesInverse(va) };
  result.satellites = table.satellites.map((s) => satelliteMultipliers(s, table.x, open, closed));
  result.employment = result.satellites.find((s) => s.kind === 'employment');
  return result;
}
