/* global process, console */
/**
 * Where the agriculture scenario's emissions come from (issue 11, model v2; models/peru/README.md,
 * "Yield land sparing"): the change in each emission source against business as usual in 2030, 2050
 * and summed over 2025-2050, the land and forest drivers, the cost per tCO2e and per job-year, and the
 * same totals for several values of Farm Output Demand Elasticity (both runs of a pair share the value).
 * Uses the built model loader: `npm run build`, then
 *
 *   node models/peru/calibration/agriculture-emissions-check.mjs [path/to/peru.mdl]   (a few seconds)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const { loadModel } = await import(join(root, 'dist', 'sd', 'node', 'load.js'));
const { variableAtYear: at } = await import(join(root, 'dist', 'analysis', 'scenarios', 'run.js'));

const mdl = process.argv[2] ?? join(here, '..', 'peru.mdl');
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
const DRIVERS = ['Cropland Demand', 'Agricultural Land Pressure', 'Deforestation', 'Sector VA Index[agriculture]', 'Land Yield Index'];
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
for (const name of DRIVERS) {
  const d = (y) => `${(100 * (at(central.policy, name, y) / at(central.base, name, y) - 1)).toFixed(2)} %`;
  console.log(`| ${name} | ${d(2030)} | ${d(2050)} |`);
}
const hasElasticity = central.base.get('Farm Output Demand Elasticity') !== undefined;
if (hasElasticity) {
  console.log('\nFarm Output Demand Elasticity:');
  for (const e of [0, 0.2, 0.5, 0.7, 1, 1.2, 1.5]) console.log(`  ${e}: ${ratios(pair({ 'Farm Output Demand Elasticity': e }))}`);
}
