/**
 * Balance of payments against the BCRP's figures (models/peru/bop/bop-validation.csv, validation only)
 * for the calibration report: the model's current account and trade balance as a share of real national
 * income next to the published shares of GDP, with the calibration window each year falls in.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CSV = join(here, '..', 'bop', 'bop-validation.csv');

/** Rows of the CSV: { year, series, value } (value in % of GDP). */
export function bopData(file = CSV) {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line, i) => {
    const [year, series, value] = line.split(',');
    const row = { year: Number(year), series, value: Number(value) };
    if (!Number.isInteger(row.year) || !Number.isFinite(row.value)) throw new Error(`${file}:${i + 2}: bad year or value`);
    return row;
  });
}

/** The calibration window of a year (calibrate.mjs: fit to 2015, test 2016-2019, COVID-19 and re-anchor 2020-2023). */
const windowOf = (y) => (y <= 2015 ? 'fit window 2000-15' : y <= 2019 ? 'test 2016-19' : '2020-23');

/** Model share of real national income for each published series (goods-only data are set against goods and services). */
const SERIES = {
  current_account: { title: 'Current account', column: 'Current Account' },
  goods_services_balance: { title: 'Trade balance, goods and services', column: 'Trade Balance' },
  goods_trade_balance: { title: 'Trade balance, goods only in the data (the model has goods and services)', column: 'Trade Balance' },
  primary_income: { title: 'Primary income (factor income, net)', column: 'Net Primary Income' },
  mining_exports: { title: 'Mining exports (MEM/SNMPE data, without hydrocarbons; the model includes them)', column: 'Mining Export Value' },
};

/** Markdown section: model against the published shares, with the gap in points of GDP. */
export async function bopMarkdown(modelPath) {
  const root = resolve(here, '../../..');
  const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
  const run = loadModel(modelPath).run({ columns: [...new Set(Object.values(SERIES).map((x) => x.column)), 'Real National Income'] });
  const at = (name, t) => {
    const i = run.time.findIndex((x) => Math.abs(x - t) < 1e-9);
    return (100 * run.get(name)[i]) / run.get('Real National Income')[i];
  };
  const data = bopData();
  const head = ['| Year | window | published % of GDP | model % | gap (points) |', '| --- | --- | --- | --- | --- |'];
  const section = (series) => {
    const rows = data.filter((d) => d.series === series);
    const gaps = rows.map((d) => at(SERIES[series].column, d.year) - d.value);
    const mae = gaps.reduce((a, g) => a + Math.abs(g), 0) / rows.length;
    return [
      `${SERIES[series].title}: mean absolute gap ${mae.toFixed(2)} points over ${rows.length} years.`,
      '',
      ...head,
      ...rows.map((d, i) => `| ${d.year} | ${windowOf(d.year)} | ${d.value.toFixed(2)} | ${(d.value + gaps[i]).toFixed(2)} | ${gaps[i].toFixed(2)} |`),
      '',
    ];
  };
  return [
    '## Balance of payments against the BCRP (validation)',
    '',
    'Published shares of GDP (`models/peru/bop/bop-validation.csv`, each row with its source and address); the model',
    'divides by real national income (GDP plus the terms-of-trade gain), its counterpart of nominal GDP.',
    'In sample: 2000-2004 for the levels of `Import Propensity` (imports in 2000), `Mining Profit Remittance Share`',
    '(least squares on private factor income 2000-2004), `Other Primary Income Outflow Share` and `Secondary Income Share`',
    '(means 2000-2004); `Target Current Account Share` is the mean of all 16 current-account years, so the long-run level',
    'of the current account is in sample everywhere. Out of sample: the path 2008-2023 (no constant is fitted to it).',
    '',
    ...Object.keys(SERIES).flatMap(section),
  ].join('\n');
}
