#!/usr/bin/env node
/**
 * Builds the calibration data (history.csv, long format: time,variable,value,source) from the
 * shared Peru data (../../../../shared/data/peru or $IGEM_PERU_DATA), converting units to the
 * model's and naming each series after the model variable it is compared with.
 *
 * Only conversions are done here (units, shares from percent, sums of CAIT sectors, FAO period
 * averages placed at the middle of their period); no value is interpolated or adjusted.
 * Usage: node models/peru/calibration/build-history.mjs [--out FILE]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.IGEM_PERU_DATA ?? resolve(here, '../../../../shared/data/peru');
const outArg = process.argv.indexOf('--out');
const outPath = outArg > 0 ? process.argv[outArg + 1] : join(here, 'history.csv');
const FIRST = 2000;
// Data through 2023: 2000-2015 are fitted, 2016-2019 test the fit out of sample, 2020-2023 check the
// COVID-19 shock and the 2023 re-anchor (see calibrate.mjs).
const LAST = 2023;

if (!existsSync(dataDir)) {
  console.error(`error: Peru data folder not found: ${dataDir} (set IGEM_PERU_DATA)`);
  process.exit(2);
}

/** indicator -> Map(year -> value) over every theme file. */
function readAll() {
  const out = new Map();
  for (const file of ['population.csv', 'economy.csv', 'employment.csv', 'energy.csv', 'electricity.csv', 'emissions.csv', 'land.csv', 'anchors.csv']) {
    const lines = readFileSync(join(dataDir, file), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const head = lines[0].split(',');
    const [iy, ii, iv] = ['year', 'indicator', 'value'].map((h) => head.indexOf(h));
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const v = Number(cells[iv]);
      if (!Number.isFinite(v)) continue;
      if (!out.has(cells[ii])) out.set(cells[ii], new Map());
      out.get(cells[ii]).set(Number(cells[iy]), v);
    }
  }
  return out;
}

const data = readAll();
const rows = [];

function series(variable, indicator, { scale = 1, from = FIRST, to = LAST, source } = {}) {
  const s = data.get(indicator);
  if (!s) throw new Error(`indicator ${indicator} not found in ${dataDir}`);
  for (const [year, v] of [...s.entries()].sort((a, b) => a[0] - b[0])) {
    if (year < from || year > to) continue;
    rows.push([year, variable, v * scale, source ?? indicator]);
  }
}

function sumOf(variable, indicators, opts = {}) {
  const maps = indicators.map((i) => data.get(i));
  for (const year of maps[0].keys()) {
    if (year < FIRST || year > LAST) continue;
    if (!maps.every((m) => m.has(year))) continue;
    rows.push([year, variable, maps.reduce((a, m) => a + m.get(year), 0) * (opts.scale ?? 1), indicators.join('+')]);
  }
}

function index(variable, indicator, base = FIRST) {
  const s = data.get(indicator);
  const b = s.get(base);
  for (const [year, v] of s) if (year >= FIRST && year <= LAST) rows.push([year, variable, v / b, `${indicator} / ${base}`]);
}

// Population
series('Total Population', 'population_total');
series('Urban Share', 'urban_population_share', { scale: 0.01 });
// Census shares of the population aged 0-14 (INEI Infografía Estadística 2025 nro. 04; censuses of 2007 and 2017).
rows.push([2007, 'Young Share', 0.305, 'INEI census 2007 (0-14 share)']);
rows.push([2017, 'Young Share', 0.264, 'INEI census 2017 (0-14 share)']);
// Crude birth and death rates (per 1000), so that births and deaths are held to data and not only their
// sum with migration. Two published series, both kept: UN WPP 2024 (estimates, single years every five
// years, as tabulated by humanityforecast.com/country/peru, the table population-projections.json cites)
// and INEI's 2000-2025 quinquennial averages (cuadro A.1.1.2, the source of INEI Births by Year in
// peru.mdl), placed at the middle of each quinquennium. INEI's were published as a projection from the
// 2007 census for the years after it; WPP's 2020 death rate includes COVID-19.
const WPP_2024 = 'UN WPP 2024 estimates via humanityforecast.com/country/peru';
const INEI_A112 = 'INEI Estimaciones y Proyecciones de Poblacion 1950-2050, cuadro A.1.1.2, hipotesis media (quinquennial mean, mid-period)';
const CRUDE_RATES = [
  // [year, birth rate, death rate, source]
  [2000, 23.8, 5.6, WPP_2024],
  [2005, 22.1, 5.9, WPP_2024],
  [2010, 19.9, 6.7, WPP_2024],
  [2015, 17.9, 6.0, WPP_2024],
  [2020, 16.6, 7.4, WPP_2024],
  [2002.5, 22.56, 6.16, `${INEI_A112} 2000-2005`],
  [2007.5, 20.66, 6.02, `${INEI_A112} 2005-2010`],
  [2012.5, 19.08, 6.0, `${INEI_A112} 2010-2015`],
  [2017.5, 17.7, 6.06, `${INEI_A112} 2015-2020`],
  [2022.5, 16.55, 6.2, `${INEI_A112} 2020-2025`],
];
for (const [y, cbr, cdr, src] of CRUDE_RATES) {
  if (y > LAST) continue;
  rows.push([y, 'Crude Birth Rate', cbr, src]);
  rows.push([y, 'Crude Death Rate', cdr, src]);
}

// Economy
series('Real GDP', 'gdp_real_constant_2007_soles', { scale: 1e-6 });
index('Sector VA Index[agriculture]', 'gva_agriculture_ggdc');
index('Sector VA Index[mining]', 'gva_mining_ggdc');
// After 2011 (GGDC ends): INEI/BCRP mining and hydrocarbons value added at 2007 prices, as a volume index
// chained to GGDC's 2011 level (2000 = 1; the same numbers as peru.mdl's Mining Export Volume Index Data).
// Per-year sources in mining-va-inei.csv; 2012, 2013 and 2018 are assumptions (rates not found).
for (const line of readFileSync(join(here, 'mining-va-inei.csv'), 'utf8').trim().split(/\r?\n/).slice(1)) {
  const [year, value] = line.split(',');
  if (Number(year) <= LAST) rows.push([Number(year), 'Sector VA Index[mining]', Number(value), 'inei_bcrp_mining_va_2007 (mining-va-inei.csv)']);
}
index('Sector VA Index[manufacturing]', 'gva_manufacturing_ggdc');
index('Sector VA Index[construction]', 'gva_construction_ggdc');
index('Sector VA Index[utilities]', 'gva_utilities_ggdc');
{
  const parts = ['gva_trade_restaurants_hotels_ggdc', 'gva_transport_storage_communication_ggdc', 'gva_finance_real_estate_business_ggdc', 'gva_community_social_personal_services_ggdc'];
  const total = (y) => parts.reduce((a, p) => a + data.get(p).get(y), 0);
  const b = total(FIRST);
  for (const y of data.get(parts[0]).keys()) if (y >= FIRST && y <= LAST) rows.push([y, 'Sector VA Index[services]', total(y) / b, 'GGDC services (4 sectors) / 2000']);
}

// Labour
series('Labour Force', 'labour_force_total');
// ENAHO employment from 2004 (ILO flags a series break in 2002).
series('Employment', 'employment_total_enaho', { scale: 1000, from: 2004 });
series('Employment Agriculture Share', 'employment_share_agriculture', { scale: 0.01 });
series('Employment Industry Share', 'employment_share_industry', { scale: 0.01 });
series('Employment Services Share', 'employment_share_services', { scale: 0.01 });
// 2004 is left out: 91 % against 84 % in 2005 is the survey change the ILO flags.
series('Informal Employment Rate', 'informal_employment_rate_enaho', { scale: 0.01, from: 2005 });

// Energy
series('Primary Energy Demand', 'primary_energy_total');
series('Primary Oil', 'primary_energy_oil');
series('Primary Gas', 'primary_energy_gas');
series('Primary Coal', 'primary_energy_coal');

// Electricity
series('Electricity Generation', 'electricity_generation_total');
series('Generation[hydro]', 'electricity_generation_hydro');
series('Generation[gas fired]', 'electricity_generation_gas');
series('Generation[oil fired]', 'electricity_generation_oil');
series('Generation[coal fired]', 'electricity_generation_coal');
series('Generation[wind]', 'electricity_generation_wind', { from: 2014 });
series('Generation[solar]', 'electricity_generation_solar', { from: 2012 });
series('Power Sector CO2', 'electricity_co2_emissions_power_sector');

// Emissions
series('Fossil CO2 Emissions', 'co2_fossil_total', { scale: 1e-6 });
series('Combustion CO2 by Use[transport]', 'co2_transport_cait');
series('Combustion CO2 by Use[buildings]', 'co2_buildings_cait');
sumOf('Combustion CO2 by Use[industry]', ['co2_manufacturing_construction_cait', 'co2_other_fuel_combustion_cait']);
series('Cement Process CO2', 'co2_industry_cait');
series('Agriculture GHG Emissions', 'ghg_agriculture_cait');
series('Waste GHG Emissions', 'ghg_waste_cait');
series('GHG Emissions excluding LULUCF', 'ghg_total_excluding_lucf_cait');
series('Total GHG Emissions', 'ghg_total_ingei');

// Forest area (FAO FRA 2020) at its reference years.
series('Forest Area', 'forest_area', { scale: 1000 });
// Deforestation: the Geobosques (MINAM/SERFOR) annual loss of humid Amazon forest, where almost all
// of Peru's deforestation happens; the FAO period averages cover all forest types and smooth the
// years away. Annual figures 2014-2023 as published (anchors.csv, plus the two below read in MINAM's
// statements, see FOREST-SOURCES.md); 2001-2013 is only published as part of the 2001-2015 total, so
// its mean is placed at the middle of the period and the cumulative totals are compared with the
// model's Cumulative Amazon Deforestation (the sum of the years 2001..year, to the end of the year).
const DEFORESTATION_PUBLISHED = [
  [2016, 164662, 'MINAM/SERFOR via gestion.pe (2017-09): 2016 loss 164,662 ha [read]'],
  [2021, 137976, 'Geobosques via ojo-publico.com (2024-03) and gestion.pe (2023-05): 2021 loss 137,976 ha [read]'],
];
const CUMULATIVE_PUBLISHED = [
  [2016, 1974209, 'MINAM/SERFOR via gestion.pe (2017-09): 2001-2016 total 1,974,209 ha [read]'],
];
{
  const annual = data.get('deforestation_humid_amazon_geobosques');
  const cum = data.get('deforestation_humid_amazon_cumulative_since_2001');
  for (const [y, v] of annual) rows.push([y, 'Deforestation', v, 'deforestation_humid_amazon_geobosques']);
  for (const [y, v, src] of DEFORESTATION_PUBLISHED) rows.push([y, 'Deforestation', v, src]);
  rows.push([2007, 'Deforestation', (cum.get(2015) - annual.get(2014) - annual.get(2015)) / 13,
    'deforestation_humid_amazon_cumulative_since_2001 2015 less geobosques 2014, 2015, / 13 (2001-2013 mean, mid-period)']);
  for (const [y, v] of cum) rows.push([y, 'Cumulative Amazon Deforestation', v, `deforestation_humid_amazon_cumulative_since_2001 (2001-${y})`]);
  for (const [y, v, src] of CUMULATIVE_PUBLISHED) rows.push([y, 'Cumulative Amazon Deforestation', v, src]);
}
// LULUCF (USCUSS) net emissions of the national inventory, every year whose sector total could be read
// (FOREST-SOURCES.md, "Land-use emissions in the national inventory"). Validation only: no stage of
// stages.json fits them and calibrate.mjs leaves them out of the in-sample pass. The years come from two
// vintages (2016: INGEI 2016, published 2021; 2010: the iNDC base year, 2015), not one recalculated series.
const INVENTORY_LULUCF_PUBLISHED = [
  [2010, 92.6, 'iNDC (2015) LULUCF base year 2010 via climateactiontracker.org/countries/peru (2015-10) [read; vintage 2015, before the BUR2/BUR3 recalculations]'],
];
{
  const total = data.get('ghg_total_ingei').get(2016);
  const share = data.get('ghg_share_lulucf_ingei').get(2016);
  rows.push([2016, 'LULUCF Emissions', Number((total * share / 100).toPrecision(6)), 'ghg_total_ingei x ghg_share_lulucf_ingei 2016 (INGEI 2016, published 2021)']);
  for (const [y, v, src] of INVENTORY_LULUCF_PUBLISHED) rows.push([y, 'LULUCF Emissions', v, src]);
}

// Industrial processes (IPPU) and waste together in the national inventory (INGEI 2016, MINAM, published June 2021):
// 5.98 % of the national total of more than 205 MtCO2e. The only inventory figure that bounds the waste sector that
// could be read here; the inventory tables by category (5A solid waste disposal, 5D wastewater, years 2000, 2005,
// 2010, 2012, 2014, 2016, 2019: BUR3, June 2023, pp. 300-313) could not (see README, "Waste against the national
// inventory"). The emissions stage fits the waste level to this figure, not to CAIT's ghg_waste_cait.
{
  const total = data.get('ghg_total_ingei').get(2016);
  const share = data.get('ghg_share_ippu_and_waste_ingei').get(2016);
  rows.push([2016, 'IPPU and Waste GHG Emissions', Number((total * share / 100).toPrecision(6)),
    'ghg_total_ingei x ghg_share_ippu_and_waste_ingei 2016 (INGEI 2016, MINAM 2021; A_INGEI2016_MINAM, A_INGEI2016_IKI)']);
}

// The waste sector by category in Peru's earlier inventories, as the UNFCCC GHG data interface holds them (non-Annex I
// detailed data by Party, IPCC 1996 categories; copy: openclimatedata/unfccc-detailed-data-by-party,
// data/detailed-data-by-country-non-annex-one.csv, commit 1368366804ac3e965c90858c9e4cff6aa2a459af, rows "Peru,6. Waste").
// Masses in Gg of gas, converted here with the model's AR4 GWPs (CH4 25, N2O 298; the interface's CO2e uses SAR's 21
// and 310). Solid waste disposal (6.A) is CH4; everything else in the sector is wastewater: 6.B CH4 plus the N2O row,
// filed under 6.B in 2000, 6.D "Other" in 2010 and 6.C "Incineration" in 2012 (1.5-1.9 Gg each year, the size of
// sewage N2O). Vintages differ (2000 from the Second National Communication; 2010 and 2012 from later reports), and
// they predate the recalculated BUR3 series (2006 Guidelines), which could not be read.
const INVENTORY_WASTE_DI = [
  // year, 6.A CH4, wastewater CH4, wastewater N2O (Gg)
  [2000, 294.761904761905, 31.9047619047619, 1.53225806451613],
  [2010, 263.395238095238, 76.9966666666667, 1.652],
  [2012, 285.952380952381, 59.1904761904762, 1.85161290322581],
];
{
  const DI = 'UNFCCC GHG data interface, Peru (openclimatedata/unfccc-detailed-data-by-party @1368366)';
  for (const [y, swdCh4, wwCh4, wwN2o] of INVENTORY_WASTE_DI) {
    rows.push([y, 'Landfill Methane', Number((swdCh4 * 25 / 1000).toPrecision(6)), `${DI}: 6.A CH4 ${swdCh4.toFixed(2)} Gg x GWP 25`]);
    rows.push([y, 'Wastewater Emissions', Number(((wwCh4 * 25 + wwN2o * 298) / 1000).toPrecision(6)),
      `${DI}: wastewater CH4 ${wwCh4.toFixed(2)} Gg x 25 + N2O ${wwN2o.toFixed(3)} Gg x 298`]);
  }
}

for (const [indicator, mid] of [['forest_expansion_annual_avg_2000_2010', 2005], ['forest_expansion_annual_avg_2010_2015', 2012.5], ['forest_expansion_annual_avg_2015_2020', 2017.5]]) {
  const v = [...data.get(indicator).values()][0];
  rows.push([mid, 'Forest Expansion', v * 1000, `${indicator} (mid-period)`]);
}

// Monetary poverty, INEI (national rate, 2007-census methodology revised in 2010), read in INEI's press
// statements as reported by the media (the INEI PDFs were not readable here): see POVERTY-SOURCES.md.
// "read" values are printed as such; "derived" ones are a printed rate plus a change INEI states in the
// same statement (e.g. 2012 = 2013 rate 23.9 + the 1.9-point fall INEI gives for 2012-2013).
// Pre-revision figures (2008 36.2 %, 2009 34.8 %, 2010 31.3 %) are not comparable and are left out.
const POVERTY = [
  [2004, 58.5, 'read', 'INEI via americaeconomia.com (2011)'],
  [2007, 42.4, 'derived', 'INEI via eldiario.es (2018-04): 2017 21.7 plus the 20.7-point fall 2007-2017'],
  [2009, 33.5, 'read', 'INEI via americaeconomia.com (2011)'],
  [2010, 30.8, 'read', 'INEI via americaeconomia.com (2011); df.cl (2012)'],
  [2011, 27.8, 'read', 'INEI via df.cl and periodicoelhalcon.blogspot.com (2012-05)'],
  [2012, 25.8, 'derived', 'INEI via df.cl (2014): 2013 23.9 plus the 1.9-point fall 2012-2013'],
  [2013, 23.9, 'read', 'INEI via df.cl (2014)'],
  [2015, 21.8, 'derived', 'INEI via elcomercio.pe (2021-05): 2020 30.1 minus the 8.3-point rise 2015-2020'],
  [2016, 20.7, 'read', 'INEI via redaccion.lamula.pe (2019-04)'],
  [2017, 21.7, 'read', 'INEI via eldiario.es (2018-04)'],
  [2018, 20.5, 'read', 'INEI via trome.com and elcomercio.pe (2019-04)'],
  [2020, 30.1, 'read', 'INEI via elcomercio.pe (2021-05)'],
  [2023, 29.0, 'read', 'INEI via revistabusiness.com.pe and stakeholders.com.pe (2024-05)'],
];
for (const [y, v, kind, src] of POVERTY) rows.push([y, 'Poverty Rate', v / 100, `${src} [${kind}]`]);
// Monetary poverty by area (urban, rural), INEI press statements as reported by the media (POVERTY-SOURCES.md).
// Fitted only through 2015 (2010-2011); 2016-2019 are out of sample, 2020-2023 the shock window.
const POVERTY_BY_AREA = [
  [2010, 20.0, 61.0, 'read', 'INEI "Evolución de la Pobreza 2007-2011" via df.cl and buenastareas.com (2012-05)'],
  [2011, 18.0, 56.1, 'read', 'INEI "Evolución de la Pobreza 2007-2011" via df.cl and buenastareas.com (2012-05)'],
  [2016, 13.9, 43.8, 'derived', 'INEI via eldiario.es (2018-04): 2017 rates minus the 1.2 (urban) and 0.6 (rural) point rises'],
  [2017, 15.1, 44.4, 'read', 'INEI via eldiario.es (2018-04)'],
  [2018, 14.4, 42.1, 'read', 'INEI "Evolución de la Pobreza Monetaria 2007-2018" via trome.com (2019-04)'],
  [2019, 14.6, 40.8, 'derived', 'INEI via elcomercio.pe (2021-05): 2020 rates minus the 11.4 (urban) and 4.9 (rural) point rises'],
  [2020, 26.0, 45.7, 'read', 'INEI via elcomercio.pe (2021-05)'],
  [2021, 22.3, 39.7, 'derived', 'INEI via larepublica.pe (2023-05): 2022 rates minus the 1.8 (urban) and 1.4 (rural) point rises'],
  [2022, 24.1, 41.1, 'read', 'A_POVERTY_INEI; INEI via larepublica.pe and t13.cl (2023-05)'],
  [2023, 26.4, 39.8, 'read', 'INEI "Evolución de la Pobreza Monetaria 2014-2023" via revistabusiness.com.pe (2024-05)'],
];
for (const [y, u, r, kind, src] of POVERTY_BY_AREA) {
  rows.push([y, 'Urban Poverty Rate', u / 100, `${src} [${kind}]`]);
  rows.push([y, 'Rural Poverty Rate', r / 100, `${src} [${kind}]`]);
}
// 2019, 2021 and 2022 from the verified anchors (A_POVERTY_INEI).
for (const [y, v] of data.get('monetary_poverty_rate_inei') ?? []) rows.push([y, 'Poverty Rate', Number((v / 100).toPrecision(6)), 'A_POVERTY_INEI']);

rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
const quote = (s) => (/[",]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
const text = ['time,variable,value,source', ...rows.map((r) => [r[0], quote(r[1]), r[2], quote(r[3])].join(','))].join('\n') + '\n';
writeFileSync(outPath, text);
console.error(`wrote ${rows.length} observations of ${new Set(rows.map((r) => r[1])).size} series to ${outPath}`);
