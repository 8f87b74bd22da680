/**
 * Splitting one sector into parts by shares (e.g. electricity into hydro, gas, solar, wind),
 * under the assumption that every part has the parent's input structure and sales pattern:
 * row and column of the parent are split by the shares, the diagonal cell by share_p·share_q.
 * Satellites are split by the same shares unless per-satellite shares are given (emissions of
 * hydro and gas power differ a lot). The result stays balanced.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { normalizeLabel } from './grid.js';
import type { IoTable } from './types.js';

export interface Part {
  name: string;
  share: number;
}

export function disaggregateSector(
  table: IoTable, sector: string, parts: Part[], satelliteShares: Record<string, number[]> = {}, where = 'disaggregation',
): IoTable {
  const k = table.sectors.findIndex((s) => normalizeLabel(s) === normalizeLabel(sector));
  if (k < 0) throw new InputError(where, { en: `unknown sector "${sector}"`, es: `sector desconocido "${sector}"` });
  if (parts.length < 2) throw new InputError(where, { en: 'give at least two parts', es: 'indique al menos dos partes' });
  parts.forEach((p, i) => {
    if (!(p.share >= 0)) throw new InputError(`${where}: parts[${i}].share`, { en: `must be ≥ 0, got ${p.share}`, es: `debe ser ≥ 0, se recibió ${p.share}` });
    if (table.sectors.some((s, j) => j !== k && normalizeLabel(s) === normalizeLabel(p.name))) {
      throw new InputError(`${where}: parts[${i}].name`, { en: `"${p.name}" is already a sector`, es: `"${p.name}" ya es un sector` });
    }
  });
  const total = parts.reduce((a, p) => a + p.share, 0);
  if (Math.abs(total - 1) > 1e-9) throw new InputError(`${where}: parts`, { en: `shares must add up to 1, they add up to ${total}`, es: `las participaciones deben sumar 1, suman ${total}` });
  const s = parts.map((p) => p.share);
  const m = parts.length;
  // New order: sectors before k, the parts, sectors after k.
  const idx = (j: number): number[] => (j === k ? parts.map((_, p) => k + p) : [j < k ? j : j + m - 1]);
  const n2 = table.sectors.length + m - 1;
  const Z = Array.from({ length: n2 }, () => new Array<number>(n2).fill(0));
  table.Z.forEach((row, i) =>
    row.forEach((z, j) => {
      const ri = idx(i);
      const cj = idx(j);
      ri.forEach((r, a) => cj.forEach((c, b) => (Z[r][c] += z * (i === k ? s[a] : 1) * (j === k ? s[b] : 1))));
    }),
  );
  const splitVec = (v: number[], shares = s): number[] => v.flatMap((x, j) => (j === k ? shares.map((sh) => x * sh) : [x]));
  const satellites = table.satellites.map((sat) => {
    const sh = satelliteShares[sat.name];
    if (sh && (sh.length !== m || Math.abs(sh.reduce((a, b) => a + b, 0) - 1) > 1e-9)) {
      throw new InputError(`${where}: satelliteShares.${sat.name}`, { en: `give ${m} shares that add up to 1`, es: `indique ${m} participaciones que sumen 1` });
    }
    return { ...sat, values: splitVec(sat.values, sh ?? s) };
  });
  return {
    ...table,
    source: `${table.source} (${sector} split into ${parts.map((p) => p.name).join(', ')})`,
    sectors: [...table.sectors.slice(0, k), ...parts.map((p) => p.name), ...table.sectors.slice(k + 1)],
    Z,
    x: splitVec(table.x),
    finalDemand: table.finalDemand.map((f) => ({ name: f.name, values: splitVec(f.values) })),
    primaryInputs: table.primaryInputs.map((p) => ({ name: p.name, values: splitVec(p.values) })),
    satellites,
  };
}
