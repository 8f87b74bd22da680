#!/usr/bin/env node
/**
 * Builds the ESTIMATED Peru input-output table (base year 2019) and its companion files from
 *   - data: the tidy CSVs in the shared Peru data folder (../../../../../shared/data/peru, or
 *     $IGEM_PERU_DATA), each value with its source id (see that folder's SOURCES.md);
 *   - assumptions: ./assumptions.json (every number there is an assumption, documented).
 * Writes ../peru-io-2019-estimated.csv, ../informality.csv, the householdIncome of the descriptor,
 * and prints the derivation.
 * Run: node models/peru/io/estimate/build-estimated-table.mjs
 * The official INEI table can replace the result: drop it in ../ with its descriptor.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.IGEM_PERU_DATA ?? resolve(here, '../../../../../shared/data/peru');
const outDir = resolve(here, '..');
const A = JSON.parse(readFileSync(join(here, 'assumptions.json'), 'utf8'));
const S = A.sectors;
const year = A.baseYear;

// --- data -------------------------------------------------------------------------------------
function readTidy(file) {
  const lines = readFileSync(join(dataDir, file), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
}
const tidy = ['economy.csv', 'employment.csv', 'emissions.csv', 'electricity.csv', 'water.csv', 'anchors.csv'].flatMap(readTidy);
const used = [];
function datum(indicator, y) {
  const row = tidy.find((r) => r.indicator === indicator && Number(r.year) === y);
  if (!row) throw new Error(`no ${indicator} for ${y} in ${dataDir}`);
  used.push(`${indicator} ${y} = ${row.value} ${row.unit} [${row.source}]`);
  return Number(row.value);
}

// --- helpers ----------------------------------------------------------------------------------
const idx = Object.fromEntries(S.map((s, i) => [s, i]));
const zeros = () => new Array(S.length).fill(0);
const sum = (v) => v.reduce((a, b) => a + b, 0);
function checkShares(obj, what) {
  const total = sum(Object.entries(obj).filter(([k]) => !k.startsWith('$')).map(([, v]) => v));
  if (Math.abs(total - 1) > 1e-9) throw new Error(`${what}: shares add up to ${total}`);
}
function addSplit(vec, amount, shares, what) {
  checkShares(shares, what);
  for (const [s, sh] of Object.entries(shares)) {
    if (s.startsWith('$')) continue;
    if (idx[s] === undefined) throw new Error(`${what}: unknown sector ${s}`);
    vec[idx[s]] += amount * sh;
  }
}

// --- value added 2019 (million PEN at 2007 prices) -----------------------------------------------
const gdp = datum('gdp_real_constant_2007_soles', year) / 1e6;
const shAgr = datum('va_share_agriculture_forestry_fishing', year) / 100;
const shInd = datum('va_share_industry_incl_construction', year) / 100;
const shMan = datum('va_share_manufacturing', year) / 100;
const shSrv = datum('va_share_services', year) / 100;
const ggdcYear = 2011;
const g = (k) => datum(`gva_${k}_ggdc`, ggdcYear);
const ggdcInd = { mining: g('mining'), utilities: g('utilities'), construction: g('construction') };
const ggdcSrv = {
  trade: g('trade_restaurants_hotels'), transport: g('transport_storage_communication'),
  finance: g('finance_real_estate_business'), community: g('community_social_personal_services'),
};
const va = zeros();
const V = A.valueAddedSplit;
addSplit(va, gdp * shAgr, V.agricultureBroad, 'VA agriculture');
addSplit(va, gdp * shMan, V.manufacturing, 'VA manufacturing');
const indRest = gdp * (shInd - shMan);
const indTot = sum(Object.values(ggdcInd));
addSplit(va, (indRest * ggdcInd.mining) / indTot, V.miningGgdc, 'VA mining');
addSplit(va, (indRest * ggdcInd.utilities) / indTot, V.utilitiesGgdc, 'VA utilities');
va[idx.Construction] += (indRest * ggdcInd.construction) / indTot;
const srvTot = sum(Object.values(ggdcSrv));
const srv = gdp * shSrv;
va[idx['Trade, restaurants and hotels']] += (srv * ggdcSrv.trade) / srvTot;
addSplit(va, (srv * ggdcSrv.transport) / srvTot, V.transportCommunicationGgdc, 'VA transport');
va[idx['Other services']] += (srv * ggdcSrv.finance) / srvTot;
addSplit(va, (srv * ggdcSrv.community) / srvTot, V.communitySocialPersonalGgdc, 'VA community');
const netProductTaxes = gdp - sum(va);

// --- employment 2019 (thousand persons) --------------------------------------------------------
const empTotal = datum('employment_total_enaho', year);
const eAgr = datum('employment_share_agriculture', year) / 100;
const eInd = datum('employment_share_industry', year) / 100;
const eSrv = datum('employment_share_services', year) / 100;
const ge = (k) => datum(`employment_${k}_ggdc`, ggdcYear);
const ggdcEInd = { mining: ge('mining'), manufacturing: ge('manufacturing'), utilities: ge('utilities'), construction: ge('construction') };
const ggdcESrv = {
  trade: ge('trade_restaurants_and_hotels'), transport: ge('transport_storage_and_communication'),
  finance: ge('finance_insurance_real_estate_and_business_services'), community: ge('community_social_and_personal_services'),
};
const E = A.employmentSplit;
const emp = zeros();
addSplit(emp, empTotal * eAgr, E.agricultureBroad, 'jobs agriculture');
const indE = empTotal * eInd;
const indETot = sum(Object.values(ggdcEInd));
addSplit(emp, (indE * ggdcEInd.mining) / indETot, E.miningGgdc, 'jobs mining');
addSplit(emp, (indE * ggdcEInd.manufacturing) / indETot, E.manufacturingGgdc, 'jobs manufacturing');
addSplit(emp, (indE * ggdcEInd.utilities) / indETot, E.utilitiesGgdc, 'jobs utilities');
emp[idx.Construction] += (indE * ggdcEInd.construction) / indETot;
const srvE = empTotal * eSrv;
const srvETot = sum(Object.values(ggdcESrv));
emp[idx['Trade, restaurants and hotels']] += (srvE * ggdcESrv.trade) / srvETot;
addSplit(emp, (srvE * ggdcESrv.transport) / srvETot, E.transportCommunicationGgdc, 'jobs transport');
const publicAdmin = datum('employment_public_sector_enaho', year) * E.publicAdministrationShareOfPublicSectorEmployment;
emp[idx['Public administration']] += publicAdmin;
emp[idx['Other services']] += (srvE * (ggdcESrv.finance + ggdcESrv.community)) / srvETot - publicAdmin;

// --- input structure: output, intermediate flows, primary inputs --------------------------------
const x = zeros();
const Z = S.map(() => zeros());
const imports = zeros();
for (const [j, s] of S.entries()) {
  const st = A.inputStructure[s];
  checkShares(st.recipe, `recipe of ${s}`);
  x[j] = va[j] / st.va;
  imports[j] = st.imports * x[j];
  const domestic = (1 - st.va - st.imports) * x[j];
  for (const [from, sh] of Object.entries(st.recipe)) Z[idx[from]][j] += domestic * sh;
}
const fdTotal = S.map((_, i) => x[i] - sum(Z[i]));
const negative = S.filter((_, i) => fdTotal[i] < 0);
if (negative.length > 0) {
  S.forEach((s, i) => console.error(`${s}: output ${x[i].toFixed(0)}, sold to industries ${sum(Z[i]).toFixed(0)}`));
  throw new Error(`negative final demand for ${negative.join(', ')}: revise the recipes`);
}

// Round to 0.1 million PEN; output is the sum of the rounded row, the operating surplus the column residual.
const r1 = (v) => Math.round(v * 10) / 10;
const fdNames = ['Household consumption', 'Government consumption', 'Gross capital formation', 'Exports'];
const FD = fdNames.map(() => zeros());
for (const [i, s] of S.entries()) {
  const split = A.finalDemandSplit[s];
  checkShares(split, `final demand of ${s}`);
  fdNames.forEach((name, k) => (FD[k][i] = r1(fdTotal[i] * (split[name] ?? 0))));
}
const Zr = Z.map((row) => row.map(r1));
const xr = S.map((_, i) => r1(sum(Zr[i]) + sum(FD.map((f) => f[i]))));
const importsR = imports.map(r1);
const labour = S.map((s, j) => r1((xr[j] - sum(Zr.map((row) => row[j])) - importsR[j]) * A.labourShareOfValueAdded[s]));
const surplus = S.map((_, j) => r1(xr[j] - sum(Zr.map((row) => row[j])) - importsR[j] - labour[j]));

// Primary inputs bought by final demand (household income for type II).
const P = A.finalDemandPrimary;
const hhDomestic = sum(FD[0]);
const gcfDomestic = sum(FD[2]);
const fdImports = [r1(hhDomestic * P.householdImportsShareOfDomestic), 0, r1(gcfDomestic * P.investmentImportsShareOfDomestic), 0];
const fdTaxes = [r1(netProductTaxes * P.productTaxesToHouseholds), 0, r1(netProductTaxes * (1 - P.productTaxesToHouseholds)), 0];
const hhSpending = hhDomestic + fdImports[0] + fdTaxes[0];
const householdIncome = r1(hhSpending / (1 - P.householdSavingAndDirectTaxShareOfIncome));

// --- informality --------------------------------------------------------------------------------
const I = A.informality;
const informal = zeros();
for (const [s, ind] of Object.entries(I.inei2022)) informal[idx[s]] = datum(ind, 2022) / 100;
for (const [s, v] of Object.entries(I.assumed)) informal[idx[s]] = v;
// INEI's services rate is the average of the services group; the assumed sectors in it keep their
// rate and the others share the rest equally.
{
  const G = I.servicesGroup;
  const groupRate = datum(G.rate, 2022) / 100;
  const groupJobs = sum(G.sectors.map((s) => emp[idx[s]]));
  const fixed = G.sectors.filter((s) => !G.solveFor.includes(s));
  const fixedInformal = sum(fixed.map((s) => emp[idx[s]] * informal[idx[s]]));
  const solveJobs = sum(G.solveFor.map((s) => emp[idx[s]]));
  const rate = (groupRate * groupJobs - fixedInformal) / solveJobs;
  for (const s of G.solveFor) informal[idx[s]] = rate;
}
// Agriculture (crops, livestock, forestry) as the residual of INEI's national rate in 2022.
const nat = datum('informal_employment_rate_inei', 2022) / 100;
const employed2022 = datum('employed_population_inei', 2022);
const agri2022 = datum('employment_agriculture_inei', 2022);
const resid = new Set(I.residual);
const nonAgri = S.filter((s) => !resid.has(s));
const nonAgriJobs2019 = sum(nonAgri.map((s) => emp[idx[s]]));
const nonAgriInformal2022 = sum(nonAgri.map((s) => (emp[idx[s]] / nonAgriJobs2019) * (employed2022 - agri2022) * informal[idx[s]]));
const agriRate = (nat * employed2022 - nonAgriInformal2022) / agri2022;
if (!(agriRate > 0.5 && agriRate < 1)) throw new Error(`implausible residual agricultural informality ${agriRate}`);
for (const s of I.residual) informal[idx[s]] = agriRate;

// --- satellites ---------------------------------------------------------------------------------
const ghg = zeros();
for (const [indicator, shares] of Object.entries(A.emissions)) {
  if (indicator.startsWith('$')) continue;
  const y = indicator === 'ghg_electricity_heat_cw' ? 2018 : year;
  const kt = datum(indicator, y) / 1000;
  for (const [s, sh] of Object.entries(shares)) ghg[idx[s]] += kt * sh;
}
const water = zeros();
for (const [indicator, shares] of Object.entries(A.water)) {
  if (indicator.startsWith('$')) continue;
  addSplit(water, datum(indicator, 2010) * 1000, shares, indicator);
}
const formal = emp.map((e, i) => e * (1 - informal[i]));

// --- write --------------------------------------------------------------------------------------
const q = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const f1 = (v) => v.toFixed(1);
const corner = 'ESTIMATED Peru input-output table 2019 (million PEN at 2007 prices; NOT official statistics; see SOURCES.md)';
const lines = [];
lines.push([corner, ...S, ...fdNames, 'Total output'].map(q).join(','));
S.forEach((s, i) => lines.push([s, ...Zr[i].map(f1), ...FD.map((f) => f1(f[i])), f1(xr[i])].map(q).join(',')));
lines.push(['Imports', ...importsR.map(f1), ...fdImports.map(f1), ''].map(q).join(','));
lines.push(['Net taxes on products', ...S.map(() => '0.0'), ...fdTaxes.map(f1), ''].map(q).join(','));
lines.push(['Labour income (compensation of employees and mixed income)', ...labour.map(f1), '', '', '', '', ''].map(q).join(','));
lines.push(['Operating surplus and other taxes on production', ...surplus.map(f1), '', '', '', '', ''].map(q).join(','));
lines.push(['Total input', ...xr.map(f1), '', '', '', '', ''].map(q).join(','));
lines.push(['Employment (thousand persons)', ...emp.map(f1), '', '', '', '', ''].map(q).join(','));
lines.push(['Formal employment (thousand persons)', ...formal.map(f1), '', '', '', '', ''].map(q).join(','));
lines.push(['GHG emissions excluding LULUCF (kt CO2e)', ...ghg.map(f1), '', '', '', '', ''].map(q).join(','));
lines.push(['Water withdrawal (million m3)', ...water.map(f1), '', '', '', '', ''].map(q).join(','));
writeFileSync(join(outDir, 'peru-io-2019-estimated.csv'), lines.join('\n') + '\n');
writeFileSync(
  join(outDir, 'informality.csv'),
  ['sector,informal_share,basis', ...S.map((s, i) => {
    const basis = I.inei2022[s] ? `INEI 2022 ${I.inei2022[s].replace('informal_employment_rate_', '').replace('_inei', '')} rate (anchors.csv, A_INEI_EMP2022)`
      : I.assumed[s] !== undefined ? 'assumption (no sector rate in the data)'
      : I.servicesGroup.solveFor.includes(s) ? 'INEI 2022 services rate (62.2 %) as the average of transport, other services and public administration (assumed 10 %)'
      : 'residual of INEI national rate 2022 (75.7 %) given agricultural employment 2022 and the other sectors';
    return `${q(s)},${informal[i].toFixed(4)},${q(basis)}`;
  })].join('\n') + '\n',
);

// The descriptor carries the household income total (denominator of type II consumption coefficients).
const descriptorPath = join(outDir, 'peru-io-2019-estimated.descriptor.json');
const descriptor = JSON.parse(readFileSync(descriptorPath, 'utf8'));
descriptor.householdIncome = householdIncome;
writeFileSync(descriptorPath, JSON.stringify(descriptor, null, 2) + '\n');

console.log(`household income (written to the descriptor): ${householdIncome}`);
console.log(`net taxes on products (GDP − GVA): ${f1(netProductTaxes)}; GDP ${f1(gdp)}; GVA ${f1(sum(va))}`);
console.log(`agricultural informality (residual): ${(agriRate * 100).toFixed(1)} %`);
console.log(`employment total ${f1(sum(emp))} thousand; GHG allocated ${f1(sum(ghg))} kt; water ${f1(sum(water))} million m3`);
console.log('sector, VA, output, jobs, informal');
S.forEach((s, i) => console.log(`  ${s}: ${f1(va[i])}, ${f1(xr[i])}, ${f1(emp[i])}, ${(informal[i] * 100).toFixed(1)} %`));
console.log('\ndata used:\n  ' + [...new Set(used)].join('\n  '));
