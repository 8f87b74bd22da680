/**
 * Builds the ESTIMATED Peru SAM 2019 (../peru-sam-2019-estimated.csv, its descriptor, its
 * estimated-cell flags and a derivation map) from the published 2004 SAM (../peru-sam-2004.csv):
 *   1. restructure the 2004 accounts (fuels, electricity and manufacturing split out; labour
 *      formal/informal; taxes by kind; government and rest-of-world sub-accounts merged) with the
 *      shares in ./assumptions-2019.json, in million soles;
 *   2. scale to 2019 nominal GDP;
 *   3. balance by cross-entropy (src/econ/sam/cross-entropy.ts) with every account's row = column
 *      and the 2019 aggregates fixed: GDP, value added of agriculture, industry, manufacturing
 *      and services (WDI shares), and revenue from income taxes, taxes on goods and services
 *      (IGV + ISC) and import duties (IMF GFS).
 * Every cell is an estimate. Run: npx tsx models/peru/sam/build/build-2019.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSamBalance } from '../../../../src/econ/sam/check.js';
import { crossEntropy, type CellRef } from '../../../../src/econ/sam/cross-entropy.js';
import { cellMoves, formatMoves } from '../../../../src/econ/sam/moves.js';
import { readSam } from '../../../../src/econ/sam/read.js';
import type { Sam, SamAccount, SamAccountType } from '../../../../src/econ/sam/types.js';
import { samDescriptor, samRows, writeEstimated, writeSam, writeSamDescriptor } from '../../../../src/econ/sam/write.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '..');
const A = JSON.parse(readFileSync(join(here, 'assumptions-2019.json'), 'utf8'));
const old = readSam(join(out, 'peru-sam-2004.csv'));
const oi = (code: string): number => {
  const i = old.accounts.findIndex((a) => a.code === code);
  if (i < 0) throw new Error(`no account ${code} in the 2004 SAM`);
  return i;
};

// ---- 1. the new accounts and how each draws on the old ones (P[new][old] = share) -------------
const FUELS = ['diesel', 'gasoline', 'lpg', 'natgas', 'oilprod'] as const;
type Fuel = (typeof FUELS)[number];
const F = A.fuels;
const v19 = (f: Fuel): number => F.volumes2019[f] * F.relativePricePerBarrel[f];
// Fuel value shares of the 2004 mining-and-petroleum account, then re-weighted by 2019 volumes.
const mineRowTotal = old.values[oi('c-mine')].reduce((a, b) => a + b, 0) / 1e6;
const fuelTotalShare = F.fuelValue2004MillionSoles.value / mineRowTotal;
const sum19 = FUELS.reduce((a, f) => a + v19(f), 0);
const fuelShare = Object.fromEntries(FUELS.map((f) => [f, (fuelTotalShare * v19(f)) / sum19])) as Record<Fuel, number>;
const mineShare = 1 - FUELS.reduce((a, f) => a + fuelShare[f], 0);
const M = A.manufacturing.shares;
const elec = A.electricity.share;

interface NewAccount {
  code: string;
  label: string;
  type: SamAccountType;
  kind?: string;
  attributes?: Record<string, string>;
  from: [string, number][];
  /** How its cells were derived (for the derivation map). */
  how: 'kept' | 'merged' | 'split';
}
const acc: NewAccount[] = [];
const add = (code: string, label: string, type: SamAccountType, from: [string, number][], how: NewAccount['how'], kind?: string, attributes?: Record<string, string>): void => {
  acc.push({ code, label, type, from, how, kind, attributes });
};
add('f-lab-formal-sk', 'Trabajo formal calificado / formal skilled labour', 'factor', [['f-lab-urb-wage-sk', 1]], 'kept', 'labour', { segment: 'formal', skill: 'skilled' });
add('f-lab-formal-unsk', 'Trabajo formal no calificado / formal unskilled labour', 'factor', [['f-lab-urb-wage-unsk', 1]], 'kept', 'labour', { segment: 'formal', skill: 'unskilled' });
add('f-lab-inf-sk', 'Trabajo informal calificado / informal skilled labour', 'factor', [['f-lab-urb-self-sk', 1], ['f-lab-rur-sk', 1]], 'merged', 'labour', { segment: 'informal', skill: 'skilled' });
add('f-lab-inf-unsk', 'Trabajo informal no calificado / informal unskilled labour', 'factor', [['f-lab-urb-self-unsk', 1], ['f-lab-rur-unsk', 1]], 'merged', 'labour', { segment: 'informal', skill: 'unskilled' });
add('f-cap', 'Capital', 'factor', [['f-cap', 1]], 'kept', 'capital');
for (const h of old.accounts.filter((a) => a.type === 'household')) add(h.code, h.label, 'household', [[h.code, 1]], 'kept', undefined, h.attributes);
add('ent', 'Empresas / enterprises', 'enterprise', [['ent', 1]], 'kept');
add('gov', 'Gobierno general / general government', 'government', ['gov', 'gov-educ', 'gov-health', 'gov-food-aid', 'gov-social', 'gov-pub-cap'].map((c): [string, number] => [c, 1]), 'merged', 'general');
add('t-dir', 'Impuestos directos / direct taxes', 'tax', [['t-dir', 1]], 'kept', 'direct');
add('t-prod', 'Otros impuestos a la producción / other production taxes', 'tax', [], 'split', 'production');
add('t-vat', 'IGV / value added tax', 'tax', [], 'split', 'vat');
for (const f of FUELS) add(`t-isc-${f}`, `ISC ${f}`, 'tax', [], 'split', 'isc', { fuel: f });
add('t-isc-other', 'ISC otros bienes / excise on other goods', 'tax', [], 'split', 'isc', { fuel: 'none' });
add('t-imp', 'Derechos de importación / import duties', 'tax', [['t-imp', 1]], 'kept', 'import-duty');
add('s-i', 'Ahorro-inversión / savings-investment', 'savings-investment', [['s-i', 1]], 'kept');
add('stk', 'Variación de existencias / stock change', 'stock-change', [['stk', 1]], 'kept');
add('row', 'Resto del mundo / rest of the world', 'rest-of-world', [['row', 1], ['row-debt', 1]], 'merged');
add('m-dom', 'Márgenes de bienes domésticos / margins on domestic goods', 'margin', [['m-dom', 1]], 'kept', 'domestic');
add('m-imp', 'Márgenes de bienes importados / margins on imports', 'margin', [['m-imp', 1]], 'kept', 'imported');
// Sectors: [code, label, sources as [old sector suffix, share], kind]
const SECTORS: [string, string, [string, number][], string?][] = [
  ['agr', 'Agropecuario / agriculture', [['agr', 1]]],
  ['fish', 'Pesca / fishing', [['fish', 1]]],
  ['mine', 'Minería y petróleo crudo / mining and crude oil', [['mine', mineShare]]],
  ...FUELS.map((f): [string, string, [string, number][], string] => [f, `Combustible: ${f} / fuel: ${f}`, [['mine', fuelShare[f]]], 'fuel']),
  ['food', 'Alimentos y bebidas / food and beverages', [['food', 1]]],
  ['text', 'Textiles y confecciones / textiles and apparel', [['text', 1]]],
  ['chem', 'Químicos, plásticos, papel / chemicals, plastics, paper', [['chem', 1], ['mach', M.plastics]]],
  ['cement', 'Cemento y minerales no metálicos / cement and non-metallic minerals', [['mach', M.cement]]],
  ['metals', 'Metales básicos y productos metálicos / basic metals and metal products', [['mach', M.metals]]],
  ['othman', 'Otras manufacturas / other manufacturing', [['mach', M.othman]]],
  ['elec', 'Electricidad y agua / electricity and water', [['fin', elec]], 'electricity'],
  ['cons', 'Construcción / construction', [['cons', 1]]],
  ['trade', 'Comercio / trade', [['trade', 1]]],
  ['trans', 'Transporte y comunicaciones / transport and communications', [['trans', 1]]],
  ['health', 'Salud / health', [['health', 1]]],
  ['educ', 'Educación / education', [['educ', 1]]],
  ['pub', 'Servicios gubernamentales / government services', [['gov', 1]]],
  ['serv', 'Servicios financieros y a empresas / financial and business services', [['fin', 1 - elec]]],
  ['rest', 'Restaurantes, hoteles, vivienda / restaurants, hotels, dwellings', [['rest', 1]]],
];
for (const [s, label, from, kind] of SECTORS) {
  const how = from.length === 1 && from[0][1] === 1 ? 'kept' : 'split';
  add(`a-${s}`, label, 'activity', from.map(([o, w]): [string, number] => [`a-${o}`, w]), how);
  add(`c-${s}`, label, 'commodity', from.map(([o, w]): [string, number] => [`c-${o}`, w]), how, kind ?? 'other', kind === 'fuel' ? { fuel: s } : undefined);
}

const n = acc.length;
const ni = (code: string): number => {
  const i = acc.findIndex((a) => a.code === code);
  if (i < 0) throw new Error(`no new account ${code}`);
  return i;
};
const m = old.accounts.length;
const P = Array.from({ length: n }, () => new Array<number>(m).fill(0));
acc.forEach((a, k) => a.from.forEach(([o, w]) => (P[k][oi(o)] += w)));
// Old taxes on products and direct taxes are re-built below; start them in t-vat / t-dir.
P[ni('t-vat')][oi('t-ind')] = 1;
const old2 = old.values.map((r) => r.map((v) => v / 1e6)); // million soles
// X = P · old · Pᵀ
const tmp = P.map((pr) => old2[0].map((_, j) => pr.reduce((s, p, o) => (p ? s + p * old2[o][j] : s), 0)));
const X = tmp.map((r) => P.map((pc) => pc.reduce((s, p, o) => (p ? s + p * r[o] : s), 0)));
const how = acc.map((a) => a.how);
const derived = Array.from({ length: n }, (_, i) => new Array<number>(n).fill(0).map((__, j) => (how[i] === 'split' || how[j] === 'split' ? 2 : 1)));
const at = (r: string, c: string): number => X[ni(r)][ni(c)];
const set = (r: string, c: string, v: number, code = 3): void => {
  X[ni(r)][ni(c)] = v;
  derived[ni(r)][ni(c)] = code;
};
// Payments inside a merged account are not flows between accounts.
for (let k = 0; k < n; k++) X[k][k] = 0;
// Each split activity makes only its own commodity (the proportional split spreads output across the family).
const families = [['mine', ...FUELS], ['chem', 'cement', 'metals', 'othman'], ['serv', 'elec']];
for (const fam of families) {
  for (const a of fam) {
    let moved = 0;
    for (const c of fam) if (c !== a) {
      moved += at(`a-${a}`, `c-${c}`);
      set(`a-${a}`, `c-${c}`, 0);
    }
    set(`a-${a}`, `c-${a}`, at(`a-${a}`, `c-${a}`) + moved);
  }
}
// Households buy fuels, not ores; mining exports are mostly ores.
const households = acc.filter((a) => a.type === 'household').map((a) => a.code);
for (const h of households) {
  const total = at('c-mine', h) + FUELS.reduce((s, f) => s + at(`c-${f}`, h), 0);
  set('c-mine', h, 0);
  for (const f of FUELS) set(`c-${f}`, h, total * F.householdFuelMix[f]);
}
{
  const total = at('c-mine', 'row') + FUELS.reduce((s, f) => s + at(`c-${f}`, 'row'), 0);
  set('c-mine', 'row', total * (1 - F.fuelShareOfMiningExports.value));
  for (const f of FUELS) set(`c-${f}`, 'row', 0);
  set('c-oilprod', 'row', total * F.fuelShareOfMiningExports.value);
}
// Taxes on products: the 2004 total (now in t-vat) is split into IGV and ISC by kind.
const T = A.taxes;
const scaleTax = at('gov', 't-vat') / (T.igv2004 + T.iscFuels2004 + T.iscOther2004); // the SAM books less than the fiscal table
const iscFuelTotal = T.iscFuels2004 * scaleTax;
const iscOtherTotal = T.iscOther2004 * scaleTax;
{
  const mineFamilyTax = at('t-vat', 'c-mine') + FUELS.reduce((s, f) => s + at('t-vat', `c-${f}`), 0);
  const fuelTax = mineFamilyTax * F.fuelShareOfProductTaxes.value;
  set('t-vat', 'c-mine', mineFamilyTax - fuelTax);
  const fuelValue = FUELS.reduce((s, f) => s + fuelShare[f], 0);
  for (const f of FUELS) {
    const isc = iscFuelTotal * T.iscFuelShares[f];
    const igv = Math.max((fuelTax - iscFuelTotal) * (fuelShare[f] / fuelValue), 0);
    set(`t-isc-${f}`, `c-${f}`, isc);
    set('t-vat', `c-${f}`, igv);
  }
  for (const [c, w] of (Object.entries(T.iscOtherShares) as [string, number][]).filter(([k]) => k.startsWith('c-'))) {
    set(`t-isc-other`, c, iscOtherTotal * w);
    set('t-vat', c, Math.max(at('t-vat', c) - iscOtherTotal * w, 0));
  }
  // Each tax account pays its receipts to the government.
  for (const t of ['t-vat', ...FUELS.map((f) => `t-isc-${f}`), 't-isc-other']) set('gov', t, X[ni(t)].reduce((a, b) => a + b, 0));
}
// Other production taxes: out of enterprises' direct tax, paid by activities pro rata to capital income.
{
  const other = (at('gov', 't-dir') * T.otherTaxes2004) / (T.incomeTax2004 + T.otherTaxes2004);
  const acts = acc.filter((a) => a.type === 'activity').map((a) => a.code);
  const cap = acts.reduce((s, a) => s + at('f-cap', a), 0);
  for (const a of acts) {
    const t = (other * at('f-cap', a)) / cap;
    set('t-prod', a, t);
    set('f-cap', a, at('f-cap', a) - t);
  }
  set('ent', 'f-cap', at('ent', 'f-cap') - other);
  set('t-dir', 'ent', at('t-dir', 'ent') - other);
  set('gov', 't-dir', at('gov', 't-dir') - other);
  set('gov', 't-prod', other);
}

// ---- 2. scale to 2019 nominal GDP ------------------------------------------------------------
const factors = acc.filter((a) => a.type === 'factor').map((a) => ni(a.code));
const activities = acc.filter((a) => a.type === 'activity').map((a) => ni(a.code));
const commodities = acc.filter((a) => a.type === 'commodity').map((a) => ni(a.code));
const productTaxes = acc.filter((a) => a.type === 'tax' && ['vat', 'isc', 'import-duty'].includes(a.kind ?? '')).map((a) => ni(a.code));
const vaRows = [...factors, ni('t-prod')];
const gdpCells = (): CellRef[] => [
  ...vaRows.flatMap((r) => activities.map((c) => ({ row: r, col: c }))),
  ...productTaxes.flatMap((r) => commodities.map((c) => ({ row: r, col: c }))),
];
const sumCellsOf = (M: number[][], cells: CellRef[]): number => cells.reduce((s, c) => s + M[c.row][c.col], 0);
const sumCells = (cells: CellRef[]): number => sumCellsOf(X, cells);
const gdp2004 = sumCells(gdpCells());
const G = A.gdp2019;
const gdp2019 = (G.gdpCurrentUsd.value * G.penPerUsd.value) / 1e6;
const g = gdp2019 / gdp2004;
for (const r of X) for (let j = 0; j < n; j++) r[j] *= g;

// ---- 3. cross-entropy with the 2019 aggregates -------------------------------------------------
const V = A.vaShares2019;
const TX = A.taxes2019;
const rowOf = (code: string): CellRef[] => Array.from({ length: n }, (_, j) => ({ row: ni(code), col: j }));
const block = (sectors: string[]): CellRef[] => vaRows.flatMap((r) => sectors.map((s) => ({ row: r, col: ni(`a-${s}`) })));
const agrS = ['agr', 'fish'];
const manS = ['food', 'text', 'chem', 'cement', 'metals', 'othman'];
const indS = ['mine', ...FUELS, ...manS, 'elec', 'cons'];
const serS = ['trade', 'trans', 'health', 'educ', 'pub', 'serv', 'rest'];
const servicesShare = (): number => (100 * sumCellsOf(ce.values, block(serS))) / gdp2019;
const sums = [
  { name: 'GDP 2019 at market prices (WDI US$ × BCRP rate)', cells: gdpCells(), value: gdp2019 },
  { name: 'value added, agriculture and fishing (WDI share)', cells: block(agrS), value: (gdp2019 * V.agricultureForestryFishing) / 100 },
  { name: 'value added, industry incl. construction (WDI share)', cells: block(indS), value: (gdp2019 * V.industryInclConstruction) / 100 },
  { name: 'value added, manufacturing (WDI share; fuels refining excluded)', cells: block(manS), value: (gdp2019 * V.manufacturing) / 100 },
  // Services value added is left free: with GDP, the three shares above and the GFS product taxes
  // fixed, it is the residual (WDI's four shares and GFS taxes do not add up to GDP exactly).
  { name: 'taxes on income, profits and capital gains 2019 (IMF GFS)', cells: rowOf('t-dir'), value: (TX.taxRevenue * TX.incomeProfitsShareOfTaxes) / 100 },
  { name: 'taxes on goods and services 2019: IGV + ISC (IMF GFS)', cells: ['t-vat', ...FUELS.map((f) => `t-isc-${f}`), 't-isc-other'].flatMap(rowOf), value: TX.goodsAndServices },
  { name: 'customs and other import duties 2019 (IMF GFS)', cells: rowOf('t-imp'), value: TX.importDuties },
];
const labels = acc.map((a) => a.code);
const ce = crossEntropy(X, { balance: true, sums }, { labels, source: 'peru-sam-2019 prior' });

// ---- write ---------------------------------------------------------------------------------------
const accounts: SamAccount[] = acc.map((a) => {
  const o: SamAccount = { code: a.code, label: a.label, type: a.type };
  if (a.kind) o.kind = a.kind;
  if (a.attributes) o.attributes = a.attributes;
  return o;
});
const sam: Sam = {
  source: join(out, 'peru-sam-2019-estimated.csv'),
  title: 'Peru social accounting matrix 2019, ESTIMATED (cross-entropy update of the 2004 SAM; not official statistics)',
  year: 2019,
  units: 'million soles (current 2019)',
  accounts,
  values: ce.values,
  estimated: ce.values.map((r) => r.map((v) => v !== 0)),
};
writeSam(sam.source, sam);
writeEstimated(join(out, 'peru-sam-2019-estimated-flags.csv'), sam);
const deriv = derived.map((r, i) => r.map((d, j) => (ce.values[i][j] === 0 ? 0 : d)));
writeFileSync(join(out, 'peru-sam-2019-derivation.csv'), samRows(sam, deriv).map((r) => r.join(',')).join('\n') + '\n');
writeSamDescriptor(join(out, 'peru-sam-2019-estimated.descriptor.json'), samDescriptor(sam, {
  title: sam.title,
  year: 2019,
  units: sam.units,
  status: 'estimated',
  tolerance: { relative: 1e-9, absolute: 1e-6 },
  estimated: 'peru-sam-2019-estimated-flags.csv',
}));
const prior: Sam = { ...sam, values: X };
const report = checkSamBalance(sam, { relative: 1e-9, absolute: 1e-6 });
console.log(`accounts: ${n} (${acc.filter((a) => a.type === 'activity').length} activities, ${acc.filter((a) => a.type === 'commodity').length} commodities)`);
console.log(`GDP 2004 in the SAM ${gdp2004.toFixed(1)} million soles; 2019 target ${gdp2019.toFixed(1)}; scale ${g.toFixed(4)}`);
console.log(`fuel value shares of the 2004 mining account: ${FUELS.map((f) => `${f} ${(fuelShare[f] * 100).toFixed(2)} %`).join(', ')}; mining ${(mineShare * 100).toFixed(2)} %`);
console.log(`cross-entropy: ${ce.iterations} Newton steps, ${ce.constraints} constraints, max violation ${ce.maxViolation.toExponential(2)}, D/Σ|prior| = ${ce.relativeDivergence.toExponential(3)}`);
console.log(`services value added: ${servicesShare().toFixed(2)} % of GDP (WDI ${V.services} %)`);
console.log(`balanced: ${report.balanced}, largest relative gap ${report.maxRelativeGap.toExponential(2)}`);
console.log(formatMoves(cellMoves(prior, ce.values, 12)));
