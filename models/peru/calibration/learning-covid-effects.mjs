/* global process, console */
/**
 * Prints the figures of README "Learning quality and COVID-19 mortality" (issue 11): the education
 * budget's learning and GDP effects, the scenarios that reallocate spending, and the COVID-19 deaths'
 * effect on life expectancy, population and GDP (business as usual against the same model with the
 * COVID-19 flow off). Uses the built engine (dist/): `npm run build`.
 *
 *   node models/peru/calibration/learning-covid-effects.mjs [MODEL.mdl]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
const model = loadModel(process.argv[2] ?? join(root, 'models/peru/peru.mdl'));
const at = (r, v, y) => r.get(v)[r.time.findIndex((t) => Math.abs(t - y) < 1e-9)];
const pct = (a, b) => `${(100 * (a / b - 1)).toFixed(3)} %`;
const bau = model.run();

const edu = model.run({ params: { 'Education Programme Budget': 3000, 'Programme External Share': 1 } });
console.log('Education 3 000 M soles/yr, grant-financed, against business as usual');
for (const y of [2030, 2035, 2040, 2050]) {
  console.log(`  ${y}: spending per pupil ratio ${at(edu, 'Programme Education Spending Ratio', y).toFixed(3)}, HLO points ${at(edu, 'Harmonized Test Score Gain', y).toFixed(2)}, ` +
    `learning-adjusted years (15-64) ${at(edu, 'Learning Adjusted Schooling Gain', y).toFixed(4)}, human capital ${pct(at(edu, 'Human Capital Index', y), at(bau, 'Human Capital Index', y))}, real GDP ${pct(at(edu, 'Real GDP', y), at(bau, 'Real GDP', y))}`);
}
const y = 2045;
console.log(`  ${y}: SD per log unit of extra spending ${(at(edu, 'Cohort Learning Gain', y) / Math.log(at(edu, 'Programme Education Spending Ratio', y))).toFixed(3)}` +
  ` (Jackson & Mackevicius ${(0.0316 / Math.log(1 + 1000 / 12600)).toFixed(3)}); ln productivity per SD ${(at(edu, 'Entrant Learning Adjusted Schooling Gain', y) * at(edu, 'Mincer Return to Schooling', y) / at(edu, 'Cohort Learning Gain', y)).toFixed(3)} (PIAAC ln 1.18 = 0.166)`);

for (const name of ['public-services', 'green-economy', 'green-jobs']) {
  const spec = JSON.parse(readFileSync(join(root, 'models/peru/scenarios', `${name}.json`), 'utf8'));
  const r = model.run({ params: spec.levers });
  console.log(`${name}: real GDP 2030 ${pct(at(r, 'Real GDP', 2030), at(bau, 'Real GDP', 2030))}, 2050 ${pct(at(r, 'Real GDP', 2050), at(bau, 'Real GDP', 2050))}; HLO points 2040 ${at(r, 'Harmonized Test Score Gain', 2040).toFixed(2)}`);
}

const noCovid = model.run({ params: { 'COVID Death Age Share': 0, 'Years of Life Lost per COVID Death': 0 } });
console.log('COVID-19 deaths: business as usual (with) against the same model without them');
for (const t of [2019, 2020, 2021, 2022, 2023, 2030, 2050]) {
  console.log(`  ${t}: life expectancy ${at(bau, 'Life Expectancy at Birth', t).toFixed(2)} (without ${at(noCovid, 'Life Expectancy at Birth', t).toFixed(2)}), ` +
    `population ${(at(bau, 'Total Population', t) / 1e6).toFixed(3)} M (${((at(bau, 'Total Population', t) - at(noCovid, 'Total Population', t)) / 1e3).toFixed(1)} thousand), ` +
    `labour force ${pct(at(bau, 'Labour Force', t), at(noCovid, 'Labour Force', t))}, real GDP ${(at(bau, 'Real GDP', t) / 1e3).toFixed(1)} bn (${pct(at(bau, 'Real GDP', t), at(noCovid, 'Real GDP', t))}), ` +
    `total GHG ${at(bau, 'Total GHG Emissions', t).toFixed(2)} (${at(noCovid, 'Total GHG Emissions', t).toFixed(2)})`);
}
