#!/usr/bin/env node
/**
 * Sector-specific COVID-19 output losses for peru.mdl (`COVID Output Loss[Sector]`), from INEI's real growth by
 * economic activity, 2020-2022, measured the way the former uniform loss was: 1 - level / (2019 level x 1.022^k),
 * k years after 2019, with the 2.2 %/yr pre-pandemic trend (WB_WDI_GDP growth of 2019) common to every sector
 * (see the README, "COVID-19 shock by sector", for why the trend is common).
 *
 * Mining: since branch mining-va the model's mining value added follows INEI's volume index after 2011
 * (`Mining Export Volume Index Data`, through `Mining VA Volume Path`), which already holds the 2020 fall, so
 * `COVID Output Factor[mining]` is 1 and the mining row written for peru.mdl is 0 (not applied). The sector's own
 * loss against the trend (whole sector, from its INEI growth) is still computed: it is what the index carries,
 * and it enters the aggregate check with the other sectors. 2022: the growth below for mining is WDI GDP growth
 * (+2.7 %, written when INEI's rate was not found); the index in peru.mdl uses INEI's +0.35 % (RPP, February 2023).
 * The services residual of 2022 was built on the former; moving to +0.35 % would raise the applied services loss
 * of 2022 by about 0.45 points and needs a refit of the 2023 re-anchor, so it is left as it is here.
 *
 * Services (with net taxes on products, as in the model): 2020 from INEI's contributions in points; 2021-2022 as
 * the residual of WDI real GDP (so those two years reproduce the aggregate by construction; 2020 is a check).
 *
 * Usage: node models/peru/calibration/covid-shock.mjs [--json]   (prints the lookups to paste into peru.mdl)
 */
import process from 'node:process';

const print = (line) => process.stdout.write(`${line}\n`);

/** Pre-pandemic trend, %/yr: WB_WDI_GDP real GDP 2019 / 2018 (546.6 / 534.6 bn soles of 2007). */
export const TREND = 0.022;
/** WB_WDI_GDP real GDP, million soles of 2007 (shared data, economy.csv gdp_real_constant_2007_soles). */
export const GDP = { 2019: 546605, 2020: 486843, 2021: 551862, 2022: 566903 };
export const SECTORS = ['agriculture', 'fishing', 'mining', 'manufacturing', 'construction', 'utilities', 'services'];
/** Sectors whose loss peru.mdl applies through `COVID Output Factor` (mining follows its volume index instead). */
export const APPLIED = SECTORS.filter((s) => s !== 'mining');

const SRC = {
  md2020: 'INEI, Producción Nacional dic. 2020, via minutodigital.news/contribucion-de-las-actividades-economicas-a-la-produccion-nacional-enero-diciembre-2020',
  produce2021: 'PRODUCE (Ministro de la Producción), via infobae.com/america/agencias/2022/02/09/la-produccion-manufacturera-de-peru-crecio-179-durante-2021/',
  cyv2021: 'INEI/MEF 2021, via construccionyvivienda.com/2022/02/21/construccion-figura-entre-los-sectores-que-mas-se-recuperaron-en-el-2021-a-pesar-de-caer-en-ultimo-trimestre-mas-de-17',
  ferplei2022: 'INEI, PBI 2022 (cuentas trimestrales), via ferplei.com/noticias/2023/02/23/el-pib-de-peru-crecio-un-27-en-el-ano-2022-impulsado-por-el-consumo-de-los-hogares',
  sela2022: 'INEI, Producción Nacional ene.-nov. 2022, via sela.org/es/imprimir/?n=85131',
};

/**
 * INEI contributions to the 2020 fall of national production (-11.12 %), in percentage points [read, SRC.md2020].
 * Services = commerce, transport, accommodation and restaurants, telecommunications, finance, business services,
 * public administration, other services and taxes on products (the model's services include net taxes).
 */
export const CONTRIBUTIONS_2020 = {
  agriculture: 0.07, fishing: 0.01, mining: -1.64, manufacturing: -1.59, construction: -0.82, utilities: -0.11,
  services: -1.82 - 1.43 - 1.58 + 0.24 + 0.79 - 0.90 + 0.19 - 1.41 - 1.11,
};

/**
 * Real growth, %, by model sector and year. kind: read (printed in the source), derived (computed from read
 * figures, formula in the note), jan-nov (January-November, the annual figure was not found), unread (INEI's
 * annual rate, not found in a stored page; checked only through the read contribution), gdp (not found: the
 * sector is assumed to grow as WDI real GDP), residual (services, from WDI GDP and the other sectors).
 */
export const GROWTH = [
  { year: 2020, sector: 'agriculture', pct: 1.28, kind: 'read', source: SRC.md2020 },
  { year: 2020, sector: 'fishing', pct: 2.08, kind: 'read', source: SRC.md2020 },
  { year: 2020, sector: 'mining', pct: -13.16, kind: 'read', source: SRC.md2020 },
  { year: 2020, sector: 'manufacturing', pct: (1.03 / 1.179 - 1) * 100, kind: 'derived', source: `${SRC.produce2021}: +17.9 % on 2020 and +3 % on 2019` },
  { year: 2020, sector: 'construction', pct: -13.87, kind: 'unread', source: 'INEI annual 2020 (contribution -0.82 points read in SRC md2020)' },
  { year: 2020, sector: 'utilities', pct: -6.1, kind: 'unread', source: 'INEI annual 2020 (contribution -0.11 points read in SRC md2020)' },
  { year: 2021, sector: 'agriculture', pct: 3.8, kind: 'read', source: SRC.cyv2021 },
  { year: 2021, sector: 'fishing', pct: 2.8, kind: 'read', source: SRC.cyv2021 },
  { year: 2021, sector: 'mining', pct: 9.7, kind: 'read', source: `${SRC.cyv2021} (metal mining, 84.6 % of the sector; hydrocarbons not found, assumed the same)` },
  { year: 2021, sector: 'manufacturing', pct: 17.9, kind: 'read', source: SRC.produce2021 },
  { year: 2021, sector: 'construction', pct: 34.7, kind: 'read', source: SRC.cyv2021 },
  { year: 2021, sector: 'utilities', pct: (GDP[2021] / GDP[2020] - 1) * 100, kind: 'gdp', source: 'not found: WDI real GDP growth' },
  { year: 2022, sector: 'agriculture', pct: 4.3, kind: 'read', source: SRC.ferplei2022 },
  { year: 2022, sector: 'fishing', pct: -13.7, kind: 'read', source: SRC.ferplei2022 },
  { year: 2022, sector: 'mining', pct: (GDP[2022] / GDP[2021] - 1) * 100, kind: 'gdp', source: 'not found: WDI real GDP growth' },
  { year: 2022, sector: 'manufacturing', pct: 1.22, kind: 'jan-nov', source: SRC.sela2022 },
  { year: 2022, sector: 'construction', pct: 3.0, kind: 'read', source: SRC.ferplei2022 },
  { year: 2022, sector: 'utilities', pct: 3.73, kind: 'jan-nov', source: SRC.sela2022 },
];

/** 2019 shares of real GDP (2007 prices) by model sector: INEI 2020 contribution / 2020 growth; services the rest. */
export function shares2019() {
  const w = {};
  for (const s of SECTORS.filter((x) => x !== 'services')) {
    const g = GROWTH.find((r) => r.year === 2020 && r.sector === s).pct;
    w[s] = CONTRIBUTIONS_2020[s] / g;
  }
  w.services = 1 - Object.values(w).reduce((a, v) => a + v, 0);
  return w;
}

/** Level relative to 2019 by sector and year (services: 2020 from contributions, then the WDI residual). */
export function levels() {
  const w = shares2019();
  const lv = Object.fromEntries(SECTORS.map((s) => [s, { 2019: 1 }]));
  for (const year of [2020, 2021, 2022]) {
    for (const s of SECTORS.filter((x) => x !== 'services')) {
      const g = GROWTH.find((r) => r.year === year && r.sector === s);
      if (!g) throw new Error(`covid-shock: no growth for ${s} ${year}`);
      lv[s][year] = lv[s][year - 1] * (1 + g.pct / 100);
    }
    if (year === 2020) lv.services[2020] = 1 + CONTRIBUTIONS_2020.services / 100 / w.services;
    else {
      const others = SECTORS.filter((x) => x !== 'services').reduce((a, s) => a + w[s] * lv[s][year], 0);
      lv.services[year] = (GDP[year] / GDP[2019] - others) / w.services;
    }
  }
  return lv;
}

/** Each sector's loss against the common trend (mining: the whole sector, as its volume index carries it). */
export function losses() {
  const lv = levels();
  const out = {};
  for (const s of SECTORS) {
    out[s] = {};
    for (const year of [2020, 2021, 2022]) {
      const trend = (1 + TREND) ** (year - 2019);
      out[s][year] = 1 - lv[s][year] / trend;
    }
  }
  return out;
}

/** The aggregate check: sector losses weighted by 2019 value added. */
export function aggregateCheck() {
  const w = shares2019();
  const L = losses();
  return [2020, 2021, 2022].map((year) => {
    const trend = (1 + TREND) ** (year - 2019);
    const weighted = SECTORS.reduce((a, s) => a + w[s] * L[s][year], 0);
    return { year, weighted, aggregate: 1 - GDP[year] / GDP[2019] / trend };
  });
}

/** Lookup text for peru.mdl, rounded to 4 decimals; 0 for the sectors whose loss the model does not apply. */
export function lookupText() {
  const L = losses();
  const r = (v, s) => (APPLIED.includes(s) ? Number(v.toFixed(4)) : 0);
  return SECTORS.map((s) => `COVID Output Loss[${s}](\n\t[(2000,-0.15)-(2050,0.3)],(2000,0),(2019.5,0),(2020,${r(L[s][2020], s)}),(2021,${r(L[s][2021], s)}),(2022,${r(L[s][2022], s)}),(2022.5,0))`).join(' ~~|\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ shares2019: shares2019(), levels: levels(), losses: losses(), applied: APPLIED, check: aggregateCheck() }, null, 2) + '\n');
  } else {
    const w = shares2019();
    const L = losses();
    const pct = (v) => (100 * v).toFixed(1);
    print('| Sector | 2019 share % | loss 2020 % | 2021 % | 2022 % |');
    print('| --- | --- | --- | --- | --- |');
    for (const s of SECTORS) print(`| ${s}${APPLIED.includes(s) ? '' : ' (carried by its volume index, not applied)'} | ${pct(w[s])} | ${pct(L[s][2020])} | ${pct(L[s][2021])} | ${pct(L[s][2022])} |`);
    for (const c of aggregateCheck()) print(`${c.year}: weighted ${pct(c.weighted)} % against WDI aggregate ${pct(c.aggregate)} %`);
    print('\n' + lookupText());
  }
}
