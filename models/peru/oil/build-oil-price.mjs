#!/usr/bin/env node
/* global console */
/**
 * Real world crude price for the fuel prices (issue 11, v2): the annual mean of the monthly IMF Brent price (FRED
 * POILBREUSDM) deflated by the annual mean of the US CPI (FRED CPIAUCSL, the copy in ../forest), as an index 2023 = 1,
 * followed by the stated path after 2023 (SOURCES.md). Prints the table and the Vensim lookup pasted into
 * `World Oil Real Price Data` in peru.mdl.
 * Usage: node models/peru/oil/build-oil-price.mjs
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annualMeans } from '../monthly-annual-means.mjs';
import { printRealIndex } from './real-index-table.mjs';
import { cpi2024, cpi2025, mean } from './us-cpi-after-2023.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const brent = annualMeans(join(here, 'brent-monthly-imf-poilbreusdm.csv'));
const cpi = annualMeans(join(here, '..', 'forest', 'us-cpi-monthly-fred-cpiaucsl.csv'));

/** 2024: the twelve monthly POILBREUSDM values (copy `adamtozser/F4E-project-analysis`), as in SOURCES.md; the CPI
 * after 2023 is in us-cpi-after-2023.mjs. */
const brent2024 = mean([79.11, 81.7957142857143, 84.9614285714286, 88.9745454545455, 83.0539130434783, 82.9175,
  84.0486956521739, 79.0186363636364, 73.0576190476191, 75.2665217391304, 73.5085714285715, 73.2277272727273]);
/** World Bank Commodity Markets Outlook, October 2025: Brent 2025 about 68 and 2026 60 US$/barrel (nominal).
 * Supuesto: US inflation 2.5 % in 2026; from 2026 the real price returns in a straight line to its 2015-2019 mean
 * by 2030 and stays there (the Outlook's forecasts end in 2026; the pre-COVID mean is the last calm
 * five years of the history). */
const path = [
  { y: 2024, usd: brent2024, cpi: cpi2024 },
  { y: 2025, usd: 68, cpi: cpi2025 },
  { y: 2026, usd: 60, cpi: cpi2025 * 1.025 },
];

const base = brent.get(2023) / cpi.get(2023);
const rows = [...brent.keys()].filter((y) => cpi.has(y)).sort((a, b) => a - b)
  .map((y) => ({ y, usd: brent.get(y), cpi: cpi.get(y) }))
  .concat(path)
  .map((r) => ({ ...r, index: r.usd / r.cpi / base }));
printRealIndex(rows, 'year,brent_usd_per_barrel,us_cpi,real_index_2023');
