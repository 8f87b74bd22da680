/** How far balancing moved each cell from the prior: absolute and relative moves, largest first. */
import type { Sam } from './types.js';

export interface CellMove {
  row: string;
  col: string;
  prior: number;
  value: number;
  /** value − prior. */
  absolute: number;
  /** (value − prior) / |prior|; null where the prior is zero. */
  relative: number | null;
}

export interface MoveReport {
  cells: number;
  /** Cells whose move exceeds 1e-9 × the largest prior cell. */
  moved: number;
  maxAbsolute: number;
  maxRelative: number;
  /** Σ|move| / Σ|prior|. */
  totalRelative: number;
  largestAbsolute: CellMove[];
  largestRelative: CellMove[];
}

export function cellMoves(prior: Sam, result: number[][], top = 10): MoveReport {
  const all: CellMove[] = [];
  let sumPrior = 0;
  let sumMove = 0;
  let maxPrior = 0;
  prior.values.forEach((r) => r.forEach((v) => (maxPrior = Math.max(maxPrior, Math.abs(v)))));
  const floor = 1e-9 * maxPrior;
  prior.values.forEach((r, i) => r.forEach((p, j) => {
    const v = result[i][j];
    sumPrior += Math.abs(p);
    sumMove += Math.abs(v - p);
    if (Math.abs(v - p) > floor) {
      all.push({ row: prior.accounts[i].code, col: prior.accounts[j].code, prior: p, value: v, absolute: v - p, relative: p !== 0 ? (v - p) / Math.abs(p) : null });
    }
  }));
  const byAbs = [...all].sort((a, b) => Math.abs(b.absolute) - Math.abs(a.absolute));
  const byRel = all.filter((m) => m.relative !== null).sort((a, b) => Math.abs(b.relative!) - Math.abs(a.relative!));
  return {
    cells: prior.values.length * prior.values.length,
    moved: all.length,
    maxAbsolute: byAbs.length ? Math.abs(byAbs[0].absolute) : 0,
    maxRelative: byRel.length ? Math.abs(byRel[0].relative!) : 0,
    totalRelative: sumPrior > 0 ? sumMove / sumPrior : 0,
    largestAbsolute: byAbs.slice(0, top),
    largestRelative: byRel.slice(0, top),
  };
}

export function formatMoves(m: MoveReport): string {
  const pct = (x: number | null): string => (x === null ? 'new cell' : `${(x * 100).toPrecision(3)} %`);
  const line = (c: CellMove): string => `  ${c.row} ← ${c.col}: ${c.prior.toPrecision(8)} → ${c.value.toPrecision(8)} (${c.absolute >= 0 ? '+' : ''}${c.absolute.toPrecision(4)}, ${pct(c.relative)})`;
  return [
    `cells moved: ${m.moved} of ${m.cells}; largest absolute move ${m.maxAbsolute.toPrecision(4)}, largest relative move ${(m.maxRelative * 100).toPrecision(3)} %; Σ|move| / Σ|prior| = ${(m.totalRelative * 100).toPrecision(3)} %`,
    'largest absolute moves (row ← column):',
    ...m.largestAbsolute.map(line),
    'largest relative moves:',
    ...m.largestRelative.map(line),
  ].join('\n');
}
