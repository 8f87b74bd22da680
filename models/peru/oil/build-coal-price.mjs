#!/usr/bin/env node
/* global console */
/**
 * Real world coal price for the price of coal in Peru (issue 11, v2, industry-co2): the annual mean of the monthly
 * IMF price of Australian thermal coal (FRED PCOALAUUSDM, Newcastle FOB) deflated by the annual mean of the US CPI,
 * as an index 2023 = 1 like the crude index, followed by the stated path after 2025 (SOURCES.md). Prints the table
 * and the Vensim lookup pasted into `World Coal Real Price Data` in peru.mdl.
 * Usage: node models/peru/oil/build-coal-price.mjs
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annualMeans } from '../monthly-annual-means.mjs';
import { printRealIndex } from './real-index-table.mjs';
import { cpi2024, cpi2025 } from './us-cpi-after-2023.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const coal = annualMeans(join(here, 'coal-monthly-imf-pcoalauusdm.csv'));
const cpi = annualMeans(join(here, '..', 'forest', 'us-cpi-monthly-fred-cpiaucsl.csv'));
cpi.set(2024, cpi2024);
cpi.set(2025, cpi2025);

const base = coal.get(2023) / cpi.get(2023);
const rows = [...coal.keys()].filter((y) => cpi.has(y)).sort((a, b) => a - b)
  .map((y) => ({ y, usd: coal.get(y), cpi: cpi.get(y), index: coal.get(y) / cpi.get(y) / base }));
/** Supuesto: from 2025 the real price returns in a straight line to its 2015-2019 mean by 2030 and stays there, as
 * the crude path does (the pre-COVID five years are the last calm ones in the history). */
printRealIndex(rows, 'year,coal_usd_per_tonne,us_cpi,real_index_2023');
