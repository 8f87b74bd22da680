/* global process, console */
/**
 * Where the agriculture scenario's emissions come from (issue 11, model v2; models/peru/README.md,
 * "Yield land sparing"): the change in each emission source against business as usual in 2030, 2050
 * and summed over 2025-2050, the land and forest drivers, GDP, farm jobs, poverty and the farm price and
 * sales indices (policy / base − 1), the cost per tCO2e and per job-year, and the
 * same totals for several values of Farm Output Demand Elasticity (both runs of a pair share the value).
 * Uses the built model loader: `npm run build`, then
 *
 *   node models/peru/calibration/agriculture-emissions-check.mjs [path/to/peru.mdl] [--band]   (a few seconds)
 *
 * --band adds the Monte Carlo band of the 2025-2050 GHG change: every draw of calibration/uncertainty.json
 * (Latin hypercube, its runs and seed), each policy run paired with the business-as-usual run of the same
 * draw (about a minute).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const { loadModel } = await import(join(root, 'dist', 'sd', 'node', 'load.js'));
const { variableAtYear: at } = await import(join(root, 'dist', 'analysis', 'scenarios', 'run.js'));

const args = process.argv.slice(2);
const band = args.includes('--band');
const mdl = args.find((a) => a !== '--band') ?? join(here, '..', 'peru.mdl');
const levers = JSON.parse(readFileSync(join(here, '..', 'scenarios', 'agriculture.json'), 'utf8')).levers;
const model = loadModel(mdl);

const SOURCES = [
  ['LULUCF Emissions', 'LULUCF (deforestation)'],
  ['Other Agriculture Emissions', 'other agriculture'],
  ['Cattle Methane Emissions', 'cattle CH4'],
  ['Fossil CO2 Emissions', 'fossil CO2'],
  ['Energy Non CO2 Emissions', 'energy non-CO2'],
  ['IPPU Other GHG', 'IPPU other'],
  ['Waste GHG Emissions', 'waste'],
  ['Total GHG Emissions', 'total'],
];
const DRIVERS = ['Cropland Demand', 'Agricultural Land Pressure', 'Deforestation', 'Sector VA Index[agriculture]', 'Land Yield Index',
  'Real GDP', 'Employment by Sector[agriculture]', 'Poverty Rate', 'Farm Output Price Index', 'Farm Sales Value Index'];
const sum = (r, name) => {
  let s = 0;
  for (let y = 2025; y <= 2050; y++) s += at(r, name, y);
  return s;
};

function pair(params) {
  return { base: model.run({ params }), policy: model.run({ params: { ...levers, ...params } }) };
}

function ratios({ base, policy }) {
  const cost = sum(policy, 'Policy Public Cost') - sum(base, 'Policy Public Cost');
  const ghg = sum(policy, 'Total GHG Emissions') - sum(base, 'Total GHG Emissions');
  const jobs = sum(policy, 'Employment') - sum(base, 'Employment');
  const perTonne = ghg < 0 ? `${(cost / -ghg).toFixed(0)} soles/tCO2e` : 'no soles per tCO2e (emissions rise)';
  const perJob = jobs > 0 ? `${(cost / jobs).toFixed(2)} million soles per job-year` : 'no cost per job (job-years not positive)';
  return `GHG ${ghg >= 0 ? '+' : ''}${ghg.toFixed(2)} Mt, cost ${cost.toFixed(0)} MSoles, ${perTonne}; job-years ${jobs.toFixed(0)}, ${perJob}`;
}

const central = pair({});
console.log(`${mdl}\nagriculture scenario against business as usual, 2025-2050: ${ratios(central)}\n`);
console.log('| source (MtCO2e/yr) | 2030 | 2050 | 2025-2050 |\n| --- | ---: | ---: | ---: |');
for (const [name, label] of SOURCES) {
  const d = (y) => (at(central.policy, name, y) - at(central.base, name, y)).toFixed(3);
  console.log(`| ${label} | ${d(2030)} | ${d(2050)} | ${(sum(central.policy, name) - sum(central.base, name)).toFixed(2)} |`);
}
console.log('\n| driver (policy / base − 1) | 2030 | 2050 |\n| --- | ---: | ---: |');
// Farm price and sales indices exist only in models with the farm price block (a peru.mdl before it has none).
for (const name of DRIVERS.filter((n) => central.base.get(n) !== undefined)) {
  const d = (y) => `${(100 * (at(central.policy, name, y) / at(central.base, name, y) - 1)).toFixed(2)} %`;
  console.log(`| ${name} | ${d(2030)} | ${d(2050)} |`);
}
const hasElasticity = central.base.get('Farm Output Demand Elasticity') !== undefined;
if (hasElasticity) {
  console.log('\nFarm Output Demand Elasticity:');
  for (const e of [0, 0.2, 0.5, 0.7, 1, 1.2, 1.5]) console.log(`  ${e}: ${ratios(pair({ 'Farm Output Demand Elasticity': e }))}`);
}

if (band) {
  const { monteCarlo } = await import(join(root, 'dist', 'analysis', 'sensitivity', 'monte-carlo.js'));
  const { readUncertainty } = await import(join(root, 'dist', 'analysis', 'scenarios', 'uncertainty.js'));
  const { percentileOfSorted } = await import(join(root, 'dist', 'analysis', 'sensitivity', 'bands.js'));
  const spec = readUncertainty(join(here, 'uncertainty.json'));
  const totals = [];
  for (const lv of [{}, levers]) {
    const withLevers = Object.create(model);
    withLevers.run = (o) => model.run({ ...o, params: { ...lv, ...(o?.params ?? {}) } });
    const mc = await monteCarlo(withLevers, { parameters: spec.parameters, columns: ['Total GHG Emissions'] }, { runs: spec.runs, seed: spec.seed, sampling: 'lhs' });
    const time = mc.ensemble.time;
    const total = new Float64Array(spec.runs);
    for (let t = 0; t < time.length; t++) {
      if (time[t] < 2025 || time[t] > 2050) continue;
      mc.ensemble.across(0, t).forEach((v, k) => { total[k] += v; });
    }
    totals.push(total);
  }
  const change = totals[1].map((x, k) => x - totals[0][k]);
  const sorted = Float64Array.from(change).sort();
  const pct = (q) => percentileOfSorted(sorted, q).toFixed(1);
  const cut = (100 * change.filter((x) => x < 0).length / change.length).toFixed(1);
  console.log(`\nMonte Carlo (${spec.runs} paired runs of uncertainty.json), GHG change 2025-2050: p5 ${pct(5)}, p50 ${pct(50)}, p95 ${pct(95)} Mt; ${cut} % of runs cut emissions`);
}
