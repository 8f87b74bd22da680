#!/usr/bin/env node
/**
 * Derives the two exogenous poverty inputs of peru.mdl from figures transcribed by hand from the
 * sources below (see POVERTY-SOURCES.md), so that the tables in the model can be checked:
 *
 *   Real Poverty Line      INEI's total poverty line (soles per person per month, current prices)
 *                          divided by the Lima CPI (annual average, 2007 = 1): soles of 2007.
 *   Household Spending Gap ENAHO mean spending per person (current prices, deflated by the same CPI)
 *                          relative to 2019, over real GDP per person relative to 2019 raised to the
 *                          model's Survey Spending Elasticity (what the model already passes on). Below
 *                          1 when survey spending fell more than the model explains (2021-2022).
 *                          Net of the 2020-2022 emergency cash transfers: the model adds them to survey
 *                          spending (Transfer Spending per Capita), so the gap applies to the rest:
 *                          gap = (ENAHO mean / 2019 mean - transfers / model 2019 mean) / GDP index^e.
 *   Survey Spending Elasticity  ln of the ENAHO real mean 2018/2007 over ln of real GDP per person.
 *   Emergency cash transfers    current soles (TRANSFERS_NOMINAL) over the annual CPI: soles of 2007.
 *
 * Only arithmetic on the transcribed numbers; nothing is fitted. Usage: node poverty-inputs.mjs [--json]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Lima Metropolitana CPI, monthly % change (INEI, Compendio Estadístico 2023, cuadro 22.3, as mirrored at
// prototipo.regioncallao.gob.pe .../CE Callao 2023-INEI-2_archivos/sheet258.htm). December-on-December
// checks against the press: 2019 1.90, 2020 1.97, 2021 6.43, 2022 8.46 (the chain below gives 1.90,
// 1.96, 6.42, 8.45).
export const CPI_MONTHLY = {
  2007: [0.01, 0.26, 0.35, 0.18, 0.49, 0.47, 0.48, 0.14, 0.61, 0.31, 0.11, 0.45],
  2008: [0.22, 0.91, 1.04, 0.15, 0.37, 0.77, 0.56, 0.59, 0.57, 0.61, 0.31, 0.36],
  2009: [0.11, -0.07, 0.36, 0.02, -0.04, -0.34, 0.19, -0.21, -0.09, 0.12, -0.11, 0.32],
  2010: [0.30, 0.32, 0.28, 0.03, 0.24, 0.25, 0.36, 0.27, -0.03, -0.14, 0.01, 0.18],
  2011: [0.39, 0.38, 0.70, 0.68, -0.02, 0.10, 0.79, 0.27, 0.33, 0.31, 0.43, 0.27],
  2012: [-0.10, 0.32, 0.77, 0.53, 0.04, -0.04, 0.09, 0.51, 0.54, -0.16, -0.14, 0.26],
  2013: [0.12, -0.09, 0.91, 0.25, 0.19, 0.26, 0.55, 0.54, 0.11, 0.04, -0.22, 0.17],
  2014: [0.32, 0.60, 0.52, 0.39, 0.23, 0.16, 0.43, -0.09, 0.16, 0.38, -0.15, 0.23],
  2015: [0.17, 0.30, 0.76, 0.39, 0.56, 0.33, 0.45, 0.38, 0.03, 0.14, 0.34, 0.45],
  2016: [0.37, 0.17, 0.60, 0.01, 0.21, 0.14, 0.08, 0.36, 0.21, 0.41, 0.29, 0.33],
  2017: [0.24, 0.32, 1.30, -0.26, -0.42, -0.16, 0.20, 0.67, -0.02, -0.47, -0.20, 0.16],
  2018: [0.13, 0.25, 0.49, -0.14, 0.02, 0.33, 0.38, 0.13, 0.19, 0.08, 0.12, 0.18],
  2019: [0.07, 0.13, 0.73, 0.20, 0.15, -0.09, 0.20, 0.06, 0.01, 0.11, 0.11, 0.21],
  2020: [0.05, 0.14, 0.65, 0.10, 0.20, -0.27, 0.46, -0.11, 0.14, 0.02, 0.52, 0.05],
  2021: [0.74, -0.13, 0.84, -0.10, 0.27, 0.52, 1.01, 0.98, 0.40, 0.58, 0.36, 0.78],
  2022: [0.04, 0.31, 1.48, 0.96, 0.38, 1.19, 0.94, 0.67, 0.52, 0.35, 0.52, 0.79],
};

// INEI total poverty line, soles per person per month (current prices), as INEI announced it.
export const POVERTY_LINE = {
  2011: [272, 'La República via periodicoelhalcon.blogspot.com, 2012-05'],
  2013: [292, 'INEI via df.cl, 2014 (1 460 soles for a household of five)'],
  2017: [338, 'INEI via redaccion.lamula.pe, 2019-04'],
  2018: [344, 'INEI via trome.com and elcomercio.pe, 2019-04'],
  2019: [352, 'INEI via andina.pe, 2020-05'],
  2020: [360, 'INEI via elcomercio.pe, 2021-05'],
  2021: [378, 'INEI via scribd LECTURA N° 06-22 (INEI press note, 2022)'],
  2022: [415, 'INEI via microfinanzas.pe and elcomercio.pe, 2023-05'],
};

// ENAHO mean spending per person per month in prices of the year itself. 2020 = 2021 value / 1.061
// (INEI: +6.1 % in 2021); 2022 is the 2022 report's own-year figure.
export const SURVEY_MEAN = {
  2018: [758, 'INEI via exitosanoticias.pe, 2020-02'],
  2019: [785, 'INEI via andina.pe, 2020-05'],
  2020: [753 / 1.061, 'INEI 2021 report via scribd LECTURA N° 06-22: 753 in 2021, +6.1 % over 2020'],
  2021: [753, 'INEI via scribd LECTURA N° 06-22'],
  2022: [825, 'INEI via microfinanzas.pe and elcomercio.pe, 2023-05'],
};

// ENAHO real mean spending in 2013 prices, midpoint of INEI's confidence interval (2007: 502-531; 2013:
// 610-631), INEI Comisión Consultiva de Pobreza, "Gastos e ingresos 2013" (2014-03), via dokumen.tips.
export const SURVEY_MEAN_2013_PRICES = { 2007: (502 + 531) / 2, 2013: (610 + 631) / 2 };

// Emergency cash transfers paid to households, millions of current soles per year (see POVERTY-SOURCES.md).
// 2020: first round 6 500 x 0.95 collected + 80 % of the second Bono Familiar Universal (6 644); 2021: the other
// 20 %, Bono 600 collected by June 2021 ((4 722 480 - 458 484) x 600) and 4 000 of Yanapay (5 145); 2022: the
// rest of Yanapay. The year split of the second BFU and of Yanapay is an assumption.
export const TRANSFERS_NOMINAL = {
  2020: 6500 * 0.95 + 0.8 * 6644,
  2021: 0.2 * 6644 + ((4722480 - 458484) * 600) / 1e6 + 4000,
  2022: 5145 - 4000,
};

/** Annual average of the chained monthly CPI, 2007 = 1. */
export function cpiAnnual() {
  let level = 1;
  const avg = {};
  for (const y of Object.keys(CPI_MONTHLY).map(Number)) {
    let sum = 0;
    for (const v of CPI_MONTHLY[y]) {
      level *= 1 + v / 100;
      sum += level;
    }
    avg[y] = sum / 12;
  }
  const base = avg[2007];
  return Object.fromEntries(Object.entries(avg).map(([y, v]) => [y, v / base]));
}

/** Real GDP (WDI, shared data) and the model's population give GDP per person relative to 2019. */
function readIndicator(name) {
  const dataDir = process.env.IGEM_PERU_DATA ?? resolve(here, '../../../../shared/data/peru');
  const out = new Map();
  for (const line of readFileSync(join(dataDir, 'economy.csv'), 'utf8').split(/\r?\n/)) {
    const c = line.split(',');
    if (c[1] === name) out.set(Number(c[0]), Number(c[2]));
  }
  return out;
}

function gdpPerPersonIndex(years, population) {
  const gdp = readIndicator('gdp_real_constant_2007_soles');
  return Object.fromEntries(years.map((y) => [y, (gdp.get(y) / gdp.get(2019)) / (population[y] / population[2019])]));
}

export function povertyInputs(population, transferShare = {}) {
  const cpi = cpiAnnual();
  const line = Object.fromEntries(Object.entries(POVERTY_LINE).map(([y, [v]]) => [y, v / cpi[y]]));
  const realMean = Object.fromEntries(Object.entries(SURVEY_MEAN).map(([y, [v]]) => [y, v / cpi[y]]));
  const mean2007 = SURVEY_MEAN_2013_PRICES[2007] / cpi[2013];
  const gdpPc = readIndicator('gdp_per_capita_constant_2007_soles');
  const elasticity = Math.log(realMean[2018] / mean2007) / Math.log(gdpPc.get(2018) / gdpPc.get(2007));
  const years = [2020, 2021, 2022];
  const gdppc = gdpPerPersonIndex([2019, ...years], population);
  const e = Number(elasticity.toFixed(2));
  const gap = Object.fromEntries(years.map((y) => [y, (realMean[y] / realMean[2019] - (transferShare[y] ?? 0)) / gdppc[y] ** e]));
  const transfers = Object.fromEntries(Object.entries(TRANSFERS_NOMINAL).map(([y, v]) => [y, v / cpi[y]]));
  return { cpi, line, realMean, mean2007, elasticity, gdppc, gap, transfers };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  // The model's own population for 2019-2022 (the shared data stop in 2018), from a plain run.
  const root = resolve(here, '../../..');
  const { loadModel } = await import(join(root, 'dist/sd/node/load.js'));
  const cols = ['Total Population', 'Survey Spending per Capita', 'Transfer Spending per Capita'];
  const run = loadModel(join(here, '..', 'peru.mdl')).run({ columns: cols });
  const at = (c, y) => run.get(c)[run.time.findIndex((t) => Math.abs(t - y) < 1e-9)];
  const pop = {};
  const share = {};
  for (const y of [2019, 2020, 2021, 2022]) {
    pop[y] = at('Total Population', y);
    share[y] = at('Transfer Spending per Capita', y) / at('Survey Spending per Capita', 2019);
  }
  const out = povertyInputs(pop, share);
  if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
  else {
    const f = (o, d) => Object.entries(o).map(([y, v]) => `(${y},${v.toFixed(d)})`).join(',');
    console.log(`Real Poverty Line (soles 2007): ${f(out.line, 1)}`);
    console.log(`Survey mean (soles 2007):        ${f(out.realMean, 1)}`);
    console.log(`GDP per person / 2019:           ${f(out.gdppc, 4)}`);
    console.log(`ENAHO mean 2007 (soles 2007):    ${out.mean2007.toFixed(1)}`);
    console.log(`Survey Spending Elasticity:      ${out.elasticity.toFixed(3)}`);
    console.log(`Household Spending Gap:          ${f(out.gap, 3)} (net of the cash transfers)`);
    console.log(`Emergency cash transfers (MSoles of 2007): ${f(out.transfers, 0)}`);
  }
}
