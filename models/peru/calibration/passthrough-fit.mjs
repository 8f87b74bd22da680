/* global process, console */
/**
 * Effect of the exchange-rate pass-through on the fit (issue 11, v2): MAPE per series and window of the
 * model as it is (pass-through from 2023) against the same model with `Pass Through Reference Year` set
 * to 2013 (the 2014-2016 depreciation passes through) or 2000 (the whole history). Uses the built engine
 * (dist/): `npm run build` first.
 *
 *   node models/peru/calibration/passthrough-fit.mjs [2013|2000]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationRows, WINDOWS } from './validation.mjs';

const here = resolve(fileURLToPath(import.meta.url), '..');
const model = join(here, '..', 'peru.mdl');
const history = join(here, 'history.csv');
const year = Number(process.argv[2] ?? 2013);
if (!Number.isInteger(year) || year < 2000 || year > 2023) {
  console.error('usage: node models/peru/calibration/passthrough-fit.mjs [reference year 2000-2023]');
  process.exit(2);
}
const text = readFileSync(model, 'utf8');
const changed = text.replace(/(\nPass Through Reference Year=\s*\n\t)2023\b/, `$1${year}`);
if (changed === text) throw new Error(`${model}: constant 'Pass Through Reference Year' = 2023 not found`);
const dir = mkdtempSync(join(tmpdir(), 'igem-passthrough-'));
const variant = join(dir, 'peru.mdl');
writeFileSync(variant, changed);
try {
  const before = validationRows(model, history);
  const after = validationRows(variant, history);
  const f = (w) => (w ? w.mape.toFixed(2) : '-');
  console.log(`MAPE %, pass-through from 2023 -> from ${year}; windows: ${WINDOWS.map((w) => w.name).join(' | ')}`);
  for (const r of before) {
    const q = after.find((x) => x.name === r.name);
    console.log(`${r.name.padEnd(40)} ${r.windows.map((w, i) => `${f(w)} -> ${f(q?.windows[i])}`).join('  |  ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
