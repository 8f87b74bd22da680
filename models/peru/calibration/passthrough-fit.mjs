/* global process, console */
/**
 * Effect of the exchange-rate pass-through on the fit (issue 11, v2): MAPE per series and window of the
 * model as it is (its `Pass Through Reference Year`, now 2000: the whole history passes through) against the
 * same model with that year set to another, e.g. 2023 (none of the fitted years) or 2013 (only the 2014-2016
 * depreciation).
 * Uses the built engine (dist/): `npm run build` first. The variant is not refitted.
 *
 *   node models/peru/calibration/passthrough-fit.mjs [2023|2013|...]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationRows, WINDOWS } from './validation.mjs';

const here = resolve(fileURLToPath(import.meta.url), '..');
const model = join(here, '..', 'peru.mdl');
const history = join(here, 'history.csv');
const year = Number(process.argv[2] ?? 2023);
if (!Number.isInteger(year) || year < 2000 || year > 2023) {
  console.error('usage: node models/peru/calibration/passthrough-fit.mjs [reference year 2000-2023]');
  process.exit(2);
}
const text = readFileSync(model, 'utf8');
const current = /\nPass Through Reference Year=\s*\n\t(\d{4})\b/.exec(text);
if (!current) throw new Error(`${model}: constant 'Pass Through Reference Year' not found`);
const changed = text.replace(current[0], current[0].replace(/\d{4}$/, String(year)));
const dir = mkdtempSync(join(tmpdir(), 'igem-passthrough-'));
const variant = join(dir, 'peru.mdl');
writeFileSync(variant, changed);
try {
  const before = validationRows(model, history);
  const after = validationRows(variant, history);
  const f = (w) => (w ? w.mape.toFixed(2) : '-');
  console.log(`MAPE %, pass-through from ${current[1]} -> from ${year}; windows: ${WINDOWS.map((w) => w.name).join(' | ')}`);
  for (const r of before) {
    const q = after.find((x) => x.name === r.name);
    console.log(`${r.name.padEnd(40)} ${r.windows.map((w, i) => `${f(w)} -> ${f(q?.windows[i])}`).join('  |  ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
