#!/usr/bin/env node
/**
 * Builds io-link.json, the mapping from the Peru SD model's final-demand aggregates to the
 * sectors of the IO table in ../io/ (used by `igem scenario` for green jobs and by
 * `igem io link`).
 *
 * For each final-demand column of the table (household consumption, government consumption,
 * gross capital formation, exports) the domestic part is split over sectors in the table's own
 * proportions (imports and net taxes leak). The model variable that drives each column is scaled
 * so that in the table's base year (2019) the business-as-usual run reproduces the table's column
 * total: the link thus carries the model's growth and composition, not its absolute national
 * accounts levels. Exports follow the value added of the model sectors that produce them.
 *
 * Usage: npm run build && node models/peru/link/build-io-link.mjs   (rewrites io-link.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
const tablePath = join(here, '..', 'io', 'peru-io-2019-estimated.csv');
const BASE_YEAR = 2019;

function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cells = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { cells.push(cur); cur = ''; } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

const rows = parseCsv(readFileSync(tablePath, 'utf8'));
const head = rows[0];
const sectors = head.slice(1, head.indexOf('Household consumption'));
const body = new Map(rows.slice(1).map((r) => [r[0], r]));
const column = (name) => {
  const j = head.indexOf(name);
  if (j < 0) throw new Error(`column ${name} not in ${tablePath}`);
  return Object.fromEntries(sectors.map((s) => [s, Number(body.get(s)[j] || 0)]));
};

const model = loadModel(join(here, '..', 'peru.mdl'));
const run = model.run({});
const at = (name) => {
  const s = run.get(name);
  if (!s) throw new Error(`model has no ${name}`);
  return s[Array.from(run.time).indexOf(BASE_YEAR)];
};

const round = (x, d = 6) => Number(x.toPrecision(d));
/** One entry: `variable` drives `amounts` (IO sector -> base-year final demand). */
function entry(variable, amounts, note) {
  const total = Object.values(amounts).reduce((a, b) => a + b, 0);
  // Shares are rounded down so that they never add up to more than 1 (the IO module rejects that).
  const shares = Object.fromEntries(Object.entries(amounts).filter(([, v]) => v > 0).map(([s, v]) => [s, Math.floor((v / total) * 1e7) / 1e7]));
  return { variable, sectors: shares, scale: round(total / at(variable)), note };
}

const hh = column('Household consumption');
const gov = column('Government consumption');
const gfcf = column('Gross capital formation');
const exp = column('Exports');
const pick = (col, names, factor = 1) => Object.fromEntries(names.map((n) => [n, col[n] * factor]));

const mapping = {
  description: `SD model final demand -> IO sectors of ${tablePath.split('/models/')[1]} (ESTIMATED table). Scales make the business-as-usual run equal the table's domestic final demand in ${BASE_YEAR}. Built by models/peru/link/build-io-link.mjs.`,
  type: 1,
  entries: [
    entry('Household Consumption', hh, 'domestic part of the household consumption column'),
    entry('Government Consumption', gov, 'government consumption column'),
    entry('Total Investment', gfcf, 'domestic part of gross capital formation'),
    entry('Value Added[agriculture]', { ...pick(exp, ['Agriculture', 'Livestock', 'Forestry']), 'Food industry': exp['Food industry'] * 0.6 }, 'agro-exports and 60 % of processed food exports (assumption)'),
    entry('Value Added[fishing]', { Fishing: exp.Fishing, 'Food industry': exp['Food industry'] * 0.4 }, 'fish and 40 % of processed food exports (fishmeal; assumption)'),
    entry('Value Added[mining]', pick(exp, ['Mining', 'Oil and gas']), 'mineral, oil and gas exports'),
    entry('Value Added[manufacturing]', pick(exp, ['Other manufacturing']), 'manufactured exports'),
    entry('Value Added[services]', pick(exp, ['Trade, restaurants and hotels', 'Transport', 'Other services']), 'service exports (tourism, transport)'),
  ],
};
writeFileSync(join(here, 'io-link.json'), JSON.stringify(mapping, null, 2) + '\n');
console.error(`wrote ${join(here, 'io-link.json')} (${mapping.entries.length} entries)`);
