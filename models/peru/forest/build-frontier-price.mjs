#!/usr/bin/env node
/* global console */
/**
 * Real frontier-crop price for the deforestation driver (issue 11): the annual mean of the monthly IMF coffee
 * price (other mild arabica, FRED PCOFFOTMUSDM) deflated by the annual mean of the US CPI (FRED CPIAUCSL), as an
 * index 2000 = 1. Prints the table and the Vensim lookup pasted into `Frontier Crop Real Price Data` in peru.mdl.
 * Usage: node models/peru/forest/build-frontier-price.mjs
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annualMeans as annualMeansOf } from '../monthly-annual-means.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const annualMeans = (file) => annualMeansOf(join(here, file));

const coffee = annualMeans('coffee-monthly-imf-pcoffotmusdm.csv');
const cpi = annualMeans('us-cpi-monthly-fred-cpiaucsl.csv');
const base = coffee.get(2000) / cpi.get(2000);
const rows = [...coffee.keys()].filter((y) => cpi.has(y)).sort((a, b) => a - b)
  .map((y) => ({ y, coffee: coffee.get(y), cpi: cpi.get(y), index: coffee.get(y) / cpi.get(y) / base }));
console.log('year,coffee_usc_per_lb,us_cpi,real_index_2000');
for (const r of rows) console.log(`${r.y},${r.coffee.toFixed(2)},${r.cpi.toFixed(3)},${r.index.toFixed(4)}`);
console.log(`\n[(2000,0)-(2050,3)],${rows.map((r) => `(${r.y},${r.index.toFixed(4)})`).join(',')}`);
