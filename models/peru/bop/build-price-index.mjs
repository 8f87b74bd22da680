#!/usr/bin/env node
/* global console, process */
/**
 * Builds metal-price-index.csv (annual copper and gold prices 2000-2023, the fixed-weight metal
 * export price index in nominal US$, 2007 = 1, the US CPI deflator, 2007 = 1, and the real index =
 * nominal / deflator) from the transcribed source files (see SOURCES.md; the US CPI file is the one
 * stored for the forest module, models/peru/forest). The Peru model's lookups `Metal Price Index Data`
 * and `Import Price Deflator Data` carry these values (peru.mdl, section "Balance of payments");
 * src/analysis/scenarios/peru-bop.test.ts checks that they match.
 *
 * Usage: node models/peru/bop/build-price-index.mjs [--print-lookup]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Copper's weight in the index; gold has the rest. Must equal `Copper Weight in Metal Index` in peru.mdl. */
export const COPPER_WEIGHT = 0.6;
export const BASE_YEAR = 2007;

function rows(file) {
  const lines = readFileSync(resolve(here, file), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((l, i) => {
    const [k, v] = l.split(',');
    const x = Number(v);
    if (!Number.isFinite(x) || x <= 0) throw new Error(`${file}:${i + 2}: not a positive price: '${v}'`);
    return [k, x];
  });
}

/** US CPI (FRED CPIAUCSL, monthly), stored once for the forest module. */
export const US_CPI_FILE = '../forest/us-cpi-monthly-fred-cpiaucsl.csv';

/** Annual means of a monthly date,value file; every year must have its twelve months. */
function annualMeans(file) {
  const byYear = new Map();
  for (const [date, v] of rows(file)) {
    const y = Number(date.slice(0, 4));
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(v);
  }
  const out = new Map();
  for (const [y, vs] of byYear) {
    if (vs.length !== 12) throw new Error(`${file}: ${y} has ${vs.length} months, expected 12`);
    out.set(y, vs.reduce((a, b) => a + b, 0) / 12);
  }
  return out;
}

/** Annual copper price (US$/t): mean of the twelve monthly IMF prices of each year. */
export const annualCopper = () => annualMeans('copper-monthly-imf-pcoppusdm.csv');

/** Annual US CPI, all urban consumers (index 1982-84 = 100): mean of the twelve months. */
export const annualUsCpi = () => annualMeans(US_CPI_FILE);

export function annualGold() {
  return new Map(rows('gold-annual-worldbank.csv').map(([y, v]) => [Number(y), v]));
}

/**
 * Rows { year, copper, gold, index, deflator, real } for every year with both prices and the CPI:
 * index in nominal US$ (2007 = 1), deflator = US CPI / CPI 2007, real = index / deflator.
 */
export function metalPriceIndex() {
  const cu = annualCopper();
  const au = annualGold();
  const cpi = annualUsCpi();
  const cu0 = cu.get(BASE_YEAR);
  const au0 = au.get(BASE_YEAR);
  return [...cu.keys()].filter((y) => au.has(y) && cpi.has(y)).sort((a, b) => a - b).map((year) => {
    const index = COPPER_WEIGHT * (cu.get(year) / cu0) + (1 - COPPER_WEIGHT) * (au.get(year) / au0);
    const deflator = cpi.get(year) / cpi.get(BASE_YEAR);
    return { year, copper: cu.get(year), gold: au.get(year), index, deflator, real: index / deflator };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const idx = metalPriceIndex();
  const csv = ['year,copper_usd_per_tonne,gold_usd_per_troy_oz,metal_price_index_2007_1,us_cpi_deflator_2007_1,real_metal_price_index_2007_1',
    ...idx.map((r) => `${r.year},${r.copper.toFixed(2)},${r.gold.toFixed(2)},${r.index.toFixed(4)},${r.deflator.toFixed(4)},${r.real.toFixed(4)}`)].join('\n') + '\n';
  writeFileSync(join(here, 'metal-price-index.csv'), csv);
  if (process.argv.includes('--print-lookup')) {
    const lookup = (key) => idx.map((r) => `(${r.year},${r[key].toFixed(4)})`).join(',');
    console.log(`Metal Price Index Data: [(2000,0)-(2023,3)],${lookup('index')}`);
    console.log(`Import Price Deflator Data: [(2000,0)-(2023,2)],${lookup('deflator')}`);
  }
  console.log(`wrote metal-price-index.csv (${idx.length} years)`);
}
