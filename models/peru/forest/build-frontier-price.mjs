#!/usr/bin/env node
/* global console */
/**
 * Real frontier-crop price for the deforestation driver (issue 11): the annual mean of the monthly IMF coffee
 * price (other mild arabica, FRED PCOFFOTMUSDM) deflated by the annual mean of the US CPI (FRED CPIAUCSL), as an
 * index 2000 = 1. Prints the table and the Vensim lookup pasted into `Frontier Crop Real Price Data` in peru.mdl.
 * Usage: node models/peru/forest/build-frontier-price.mjs
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Annual means of a monthly FRED-style CSV (date,value), keeping only complete years. */
function annualMeans(file) {
  const sums = new Map();
  for (const line of readFileSync(join(here, file), 'utf8').trim().split('\n').slice(1)) {
    const [date, value] = line.split(',');
    const year = Number(date.slice(0, 4));
    const v = Number(value);
    if (!Number.isFinite(v)) throw new Error(`${file}: bad value on the line for ${date}`);
    const s = sums.get(year) ?? { total: 0, n: 0 };
    sums.set(year, { total: s.total + v, n: s.n + 1 });
  }
  return new Map([...sums].filter(([, s]) => s.n === 12).map(([y, s]) => [y, s.total / 12]));
}

const coffee = annualMeans('coffee-monthly-imf-pcoffotmusdm.csv');
const cpi = annualMeans('us-cpi-monthly-fred-cpiaucsl.csv');
const base = coffee.get(2000) / cpi.get(2000);
const rows = [...coffee.keys()].filter((y) => cpi.has(y)).sort((a, b) => a - b)
  .map((y) => ({ y, coffee: coffee.get(y), cpi: cpi.get(y), index: coffee.get(y) / cpi.get(y) / base }));
console.log('year,coffee_usc_per_lb,us_cpi,real_index_2000');
for (const r of rows) console.log(`${r.y},${r.coffee.toFixed(2)},${r.cpi.toFixed(3)},${r.index.toFixed(4)}`);
console.log(`\n[(2000,0)-(2050,3)],${rows.map((r) => `(${r.y},${r.index.toFixed(4)})`).join(',')}`);
