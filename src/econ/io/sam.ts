/**
 * SAM accounting multipliers (Pyatt & Round 1979; Miller & Blair 2009 ch. 11): with a chosen set
 * of exogenous accounts, A_n = T_nn·ŷ_n⁻¹ (each endogenous column divided by its total) and
 * M_a = (I − A_n)⁻¹, so that endogenous incomes respond to injections x as y_n = M_a·x.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { normalizeLabel } from './grid.js';
import { isUsuallyExogenousAccount } from './labels.js';
import { LuSolver, SingularMatrixError } from './lu.js';

export interface Sam {
  source: string;
  accounts: string[];
  /** T[i][j]: payment from account j (column, spender) to account i (row, receiver). */
  T: number[][];
  /** Account totals (row totals, which equal column totals in a balanced SAM). */
  totals: number[];
  /** Totals as printed in the file's total column / total row, with their cells, when present. */
  published?: { rowTotals?: { value: number; where: string }[]; colTotals?: { value: number; where: string }[] };
}

export interface SamMultipliers {
  endogenous: string[];
  exogenous: string[];
  An: number[][];
  Ma: number[][];
  /** Column sums of M_a: total endogenous income per unit injected into each account. */
  columnSums: number[];
}

export function defaultExogenous(sam: Sam): string[] {
  return sam.accounts.filter((a) => isUsuallyExogenousAccount(normalizeLabel(a)));
}

function indexOf(sam: Sam, name: string, where: string): number {
  const i = sam.accounts.findIndex((a) => normalizeLabel(a) === normalizeLabel(name));
  if (i < 0) throw new InputError(where, { en: `unknown SAM account "${name}" (accounts: ${sam.accounts.join(', ')})`, es: `cuenta de la MCS desconocida "${name}" (cuentas: ${sam.accounts.join(', ')})` });
  return i;
}

export function samMultipliers(sam: Sam, exogenous: string[] = defaultExogenous(sam)): SamMultipliers {
  const exo = new Set(exogenous.map((e) => indexOf(sam, e, `${sam.source}: exogenous accounts`)));
  if (exo.size === 0) throw new InputError(`${sam.source}: exogenous accounts`, { en: 'choose at least one exogenous account (e.g. government, capital, rest of world)', es: 'elija al menos una cuenta exógena (p. ej. gobierno, capital, resto del mundo)' });
  const endo = sam.accounts.map((_, i) => i).filter((i) => !exo.has(i));
  if (endo.length === 0) throw new InputError(`${sam.source}: exogenous accounts`, { en: 'every account is exogenous; nothing is left to multiply', es: 'todas las cuentas son exógenas; no queda nada que multiplicar' });
  for (const j of endo) {
    if (!(sam.totals[j] > 0)) throw new InputError(sam.source, { en: `endogenous account "${sam.accounts[j]}" has total ${sam.totals[j]}; make it exogenous or drop it`, es: `la cuenta endógena "${sam.accounts[j]}" tiene total ${sam.totals[j]}; hágala exógena o elimínela` });
  }
  const An = endo.map((i) => endo.map((j) => sam.T[i][j] / sam.totals[j]));
  let lu: LuSolver;
  try {
    lu = new LuSolver(An.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a)));
  } catch (err) {
    if (err instanceof SingularMatrixError) throw new InputError(sam.source, { en: 'I − A_n is singular: make more accounts exogenous', es: 'I − A_n es singular: haga exógenas más cuentas' });
    throw err;
  }
  const Ma = lu.inverse();
  return {
    endogenous: endo.map((i) => sam.accounts[i]),
    exogenous: [...exo].map((i) => sam.accounts[i]),
    An,
    Ma,
    columnSums: endo.map((_, j) => Ma.reduce((a, row) => a + row[j], 0)),
  };
}

/** Endogenous income changes for injections into endogenous accounts (by name). */
export function samImpact(m: SamMultipliers, injections: Record<string, number>, where = 'injections'): number[] {
  const x = new Array<number>(m.endogenous.length).fill(0);
  for (const [name, v] of Object.entries(injections)) {
    const i = m.endogenous.findIndex((a) => normalizeLabel(a) === normalizeLabel(name));
    if (i < 0) throw new InputError(where, { en: `"${name}" is not an endogenous account (endogenous: ${m.endogenous.join(', ')})`, es: `"${name}" no es una cuenta endógena (endógenas: ${m.endogenous.join(', ')})` });
    x[i] += v;
  }
  return m.Ma.map((row) => row.reduce((a, mij, j) => a + mij * x[j], 0));
}
