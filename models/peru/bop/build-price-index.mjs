#!/usr/bin/env node
/**
 * Builds metal-price-index.csv (annual copper and gold prices 2000-2023 and the fixed-weight metal
 * export price index, 2007 = 1) from the two transcribed source files beside it (see SOURCES.md).
 * The Peru model's lookup `Metal Price Index Data` carries these index values (peru.mdl, section
 * "Balance of payments"); src/analysis/scenarios/peru-bop.test.ts checks that they match.
 *
 * Usage: node models/peru/bop/build-price-index.mjs [--print-lookup]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Copper's weight in the index; gold has the rest. Must equal `Copper Weight in Metal Index` in peru.mdl. */
export const COPPER_WEIGHT = 0.6;
export const BASE_YEAR = 2007;

function rows(file) {
  const lines = readFileSync(join(here, file), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((l, i) => {
    const [k, v] = l.split(',');
    const x = Number(v);
    if (!Number.isFinite(x) || x <= 0) throw new Error(`${file}:${i + 2}: not a positive price: '${v}'`);
    return [k, x];
  });
}

/** Annual copper price (US$/t): mean of the twelve monthly IMF prices of each year. */
export function annualCopper() {
  const byYear = new Map();
  for (const [date, v] of rows('copper-monthly-imf-pcoppusdm.csv')) {
    const y = Number(date.slice(0, 4));
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(v);
  }
  const out = new Map();
  for (const [y, vs] of byYear) {
    if (vs.length !== 12) throw new Error(`copper-monthly-imf-pcoppusdm.csv: ${y} has ${vs.length} months, expected 12`);
    out.set(y, vs.reduce((a, b) => a + b, 0) / 12);
  }
  return out;
}

export function annualGold() {
  return new Map(rows('gold-annual-worldbank.csv').map(([y, v]) => [Number(y), v]));
}

/** Rows { year, copper, gold, index } for every year with both prices. */
export function metalPriceIndex() {
  const cu = annualCopper();
  const au = annualGold();
  const cu0 = cu.get(BASE_YEAR);
  const au0 = au.get(BASE_YEAR);
  return [...cu.keys()].filter((y) => au.has(y)).sort((a, b) => a - b).map((year) => ({
    year,
    copper: cu.get(year),
    gold: au.get(year),
    index: COPPER_WEIGHT * (cu.get(year) / cu0) + (1 - COPPER_WEIGHT) * (au.get(year) / au0),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const idx = metalPriceIndex();
  const csv = ['year,copper_usd_per_tonne,gold_usd_per_troy_oz,metal_price_index_2007_1',
    ...idx.map((r) => `${r.year},${r.copper.toFixed(2)},${r.gold.toFixed(2)},${r.index.toFixed(4)}`)].join('\n') + '\n';
  writeFileSync(join(here, 'metal-price-index.csv'), csv);
  if (process.argv.includes('--print-lookup')) {
    const pts = idx.map((r) => `(${r.year},${r.index.toFixed(4)})`).join(',');
    console.log(`[(2000,0)-(2023,3)],${pts}`);
  }
  console.log(`wrote metal-price-index.csv (${idx.length} years)`);
}
