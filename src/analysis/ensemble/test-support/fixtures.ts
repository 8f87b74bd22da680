/** Fixtures shared by this folder's tests: model files written to a temporary folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnsembleCollector } from '../../sensitivity/ensemble.js';
import { chainModelText, type ChainOptions } from '../chain-model.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeChainModel(dir: string, opts: ChainOptions): string {
  const path = join(dir, `chain-${opts.stages}.mdl`);
  writeFileSync(path, chainModelText(opts));
  return path;
}

/**
 * A model that reads two data files from a subfolder (a series with GET DIRECT DATA and a
 * constant with GET DIRECT CONSTANTS), to check that bundles carry data files.
 */
export function writeDataModel(dir: string): string {
  mkdirSync(join(dir, 'inputs'), { recursive: true });
  writeFileSync(join(dir, 'inputs', 'rates.csv'), 'year,rate\n0,0.01\n10,0.05\n20,0.02\n');
  writeFileSync(join(dir, 'inputs', 'consts.csv'), 'start,120\n');
  const eq = (lhs: string, rhs: string) => `${lhs} ${rhs}\n\t~\t\n\t~\t\t|\n\n`;
  const text = [
    '{UTF-8}\n',
    eq('Stock =', 'INTEG(Stock * rate * scale, start value)'),
    eq('rate :=', "GET DIRECT DATA('inputs/rates.csv', ',', 'A', 'B2')"),
    eq('start value =', "GET DIRECT CONSTANTS('inputs/consts.csv', ',', 'B1')"),
    eq('scale =', '1'),
    eq('FINAL TIME =', '20'),
    eq('INITIAL TIME =', '0'),
    eq('SAVEPER =', '1'),
    eq('TIME STEP =', '0.5'),
  ].join('');
  const path = join(dir, 'data-model.mdl');
  writeFileSync(path, text);
  return path;
}

/** Every stored value of an ensemble, run by run, for exact comparisons. */
export function ensembleValues(ens: EnsembleCollector): number[][] {
  const nt = ens.time?.length ?? 0;
  const out: number[][] = [];
  for (let run = 0; run < ens.runs; run++) {
    const row: number[] = [];
    for (let c = 0; c < ens.columns.length; c++) for (let t = 0; t < nt; t++) row.push(ens.value(c, t, run));
    out.push(row);
  }
  return out;
}
