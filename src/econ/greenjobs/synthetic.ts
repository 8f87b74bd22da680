/**
 * A SYNTHETIC person-level sample in the layout of ENAHO's employment module (module 500, with the
 * EsSalud question of module 400 merged), made by a documented generator with a fixed seed:
 *   1. 8 strata (ENAHO's ESTRATO: 1-5 urban, 6-8 rural) with a fixed number of PSUs (CONGLOME) each,
 *      a department per PSU and ~13 persons per PSU;
 *   2. each person's sector (rural PSUs lean to agriculture), formality (sector's informal rate),
 *      status, contract, pension, EsSalud, income, hours, CIIU class and occupation drawn so that
 *      the components rule of the rules file and INEI's OCUPINF agree;
 *   3. the weights raked (iterative proportional fitting) to the published margins of
 *      synthetic-targets.ts: employment by sector × formality, urban/rural, sex, age group; the
 *      unemployed records carry the rest of the labour force.
 * Every file it writes says SYNTHETIC in its name and has a SYNTHETIC column. The numbers are not
 * survey results: they only reproduce the published margins.
 */
import { uniformStream, type UniformStream } from '../../analysis/random.js';
import type { SyntheticTargets } from './synthetic-targets.js';

export const SYNTHETIC_COLUMNS = [
  'SYNTHETIC', 'CONGLOME', 'VIVIENDA', 'HOGAR', 'CODPERSO', 'UBIGEO', 'ESTRATO', 'P207', 'P208A', 'OCU500', 'P505R4', 'P506R4',
  'P507', 'P511A', 'P512A', 'P513T', 'P558A1', 'P558A2', 'P558A3', 'P558A4', 'P558A5', 'P4191', 'I524A1', 'I530A', 'OCUPINF', 'FAC500A',
] as const;

/** CIIU rev. 4 classes drawn in each IO sector, with relative frequencies (Supuesto: illustrative). */
const CLASSES: Record<string, [string, number][]> = {
  Agriculture: [['0111', 3], ['0113', 3], ['0122', 1], ['0127', 2], ['0163', 1]],
  Livestock: [['0141', 2], ['0144', 3], ['0145', 1], ['0146', 2]],
  Forestry: [['0210', 3], ['0220', 5], ['0240', 2]],
  Fishing: [['0311', 5], ['0321', 1], ['0322', 1]],
  Mining: [['0710', 4], ['0729', 3], ['0990', 1]],
  'Oil and gas': [['0610', 2], ['0620', 1], ['0910', 1]],
  'Food industry': [['1010', 2], ['1020', 2], ['1071', 3], ['1080', 1]],
  'Other manufacturing': [['1410', 4], ['1610', 2], ['2511', 2], ['3100', 2], ['2399', 1]],
  Electricity: [['3510', 1]],
  'Water and sanitation': [['3600', 3], ['3700', 2], ['3811', 3], ['3830', 2]],
  Construction: [['4100', 5], ['4210', 2], ['4220', 1], ['4330', 2]],
  'Trade, restaurants and hotels': [['4520', 1], ['4669', 1], ['4711', 4], ['4719', 2], ['4721', 3], ['5510', 1], ['5610', 4]],
  Transport: [['4911', 1], ['4921', 4], ['4922', 3], ['4923', 3], ['5210', 1]],
  'Other services': [['6201', 1], ['6419', 1], ['7110', 1], ['7120', 1], ['7210', 1], ['8510', 4], ['8610', 2], ['9103', 1], ['9602', 2], ['9700', 3]],
  'Public administration': [['8411', 4], ['8423', 1]],
};
/** CNO occupations drawn in each sector (Supuesto: illustrative). */
const OCCUPATIONS: Record<string, [string, number][]> = {
  Agriculture: [['6111', 6], ['9211', 3]],
  Livestock: [['6121', 6], ['9212', 2]],
  Forestry: [['6210', 6], ['3143', 1]],
  Fishing: [['6222', 5], ['6221', 1]],
  Mining: [['8111', 5], ['2146', 1], ['2133', 0.2]],
  'Oil and gas': [['8113', 4], ['2145', 1]],
  'Food industry': [['7512', 3], ['8160', 3]],
  'Other manufacturing': [['7531', 4], ['7522', 2], ['8121', 2]],
  Electricity: [['7411', 3], ['3113', 2]],
  'Water and sanitation': [['9611', 4], ['9612', 1], ['3132', 2], ['7126', 2]],
  Construction: [['7112', 4], ['9313', 4], ['2142', 0.5]],
  'Trade, restaurants and hotels': [['5223', 4], ['5211', 3], ['5120', 3], ['5131', 2]],
  Transport: [['8322', 4], ['8331', 3], ['4321', 1]],
  'Other services': [['2330', 3], ['2211', 1], ['4110', 2], ['5151', 2], ['9111', 3], ['2133', 0.2], ['2143', 0.1]],
  'Public administration': [['3343', 3], ['2422', 2], ['2133', 0.3], ['3257', 0.3]],
};
/** Sampled PSUs per ENAHO stratum (Supuesto, about the ENAHO's share of urban and rural clusters). */
const PSUS: Record<string, number> = { '1': 420, '2': 260, '3': 120, '4': 130, '5': 170, '6': 150, '7': 140, '8': 160 };

function pick<T>(rng: UniformStream, items: [T, number][]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let u = rng.next() * total;
  for (const [v, w] of items) {
    u -= w;
    if (u < 0) return v;
  }
  return items[items.length - 1][0];
}

function normal(rng: UniformStream): number {
  // Box-Muller; 1 − u keeps the logarithm finite.
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface SyntheticSample {
  header: string[];
  rows: (string | number)[][];
  /** Largest relative gap between a raked margin and its target. */
  maxMarginGap: number;
}

/** Generates `psuScale` × the default PSU counts (≈ 20,000 records at 1). */
export function generateSynthetic(t: SyntheticTargets, seed = 20221, psuScale = 1, personsPerPsu = 13): SyntheticSample {
  const rng = uniformStream(seed);
  const rows: (string | number)[][] = [];
  const sectorNames = t.sectors.map((s) => s.name);
  const agri = new Set(['Agriculture', 'Livestock', 'Forestry']);
  const urbanSectorWeights: [number, number][] = t.sectors.map((s, i) => [i, agri.has(s.name) ? s.employed * 0.25 : s.employed]);
  const ruralSectorWeights: [number, number][] = t.sectors.map((s, i) => [i, agri.has(s.name) ? s.employed * 4 : s.employed * 0.35]);
  const unemployedShare = (t.labourForce - t.employed) / t.labourForce;
  // Margins cells per employed record: [sector*2 + informal, area, sex, ageGroup].
  const cells: number[][] = [];
  let psuId = 100000;
  for (const [estrato, count] of Object.entries(PSUS)) {
    const rural = Number(estrato) >= 6;
    for (let p = 0; p < Math.round(count * psuScale); p++) {
      psuId++;
      // Department of the PSU: Lima more often in the big-city stratum (Supuesto).
      const dept = estrato === '1' && rng.next() < 0.6 ? 15 : 1 + Math.floor(rng.next() * 25);
      const ubigeo = `${String(dept).padStart(2, '0')}0101`;
      for (let k = 0; k < personsPerPsu; k++) {
        const sexFemale = rng.next() < t.femaleShare;
        const ageGroup = pick(rng, t.ageShares.map((a, i) => [i, a.share] as [number, number]));
        const ag = t.ageShares[ageGroup];
        const age = ag.from + Math.floor(rng.next() * (ag.to - ag.from + 1));
        const base = ['1', psuId, Math.floor(k / 4) + 1, 1, (k % 4) + 1, ubigeo, estrato, sexFemale ? 2 : 1, age];
        if (rng.next() < unemployedShare) {
          rows.push([...base, 2, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 1]);
          cells.push([]);
          continue;
        }
        const si = pick(rng, rural ? ruralSectorWeights : urbanSectorWeights);
        const sector = t.sectors[si];
        const informal = rng.next() < sector.informal;
        const status = informal
          ? pick(rng, [[2, 45], [3, 30], [5, 14], [1, 5], [6, 4], [4, 2]] as [number, number][])
          : pick(rng, [[3, 60], [4, 22], [1, 6], [2, 10], [6, 2]] as [number, number][]);
        const employee = status === 3 || status === 4 || status === 6;
        const contract = employee ? (informal ? (rng.next() < 0.2 ? 2 : 7) : rng.next() < 0.7 ? 1 : 2) : '';
        const afp = !informal && rng.next() < 0.6;
        const onp = !informal && !afp;
        const essalud = informal ? 2 : employee ? 1 : rng.next() < 0.5 ? 1 : 2;
        const monthly = status === 5 ? 0 : Math.exp(Math.log(informal ? 850 : 2300) + (informal ? 0.75 : 0.6) * normal(rng));
        const hours = Math.max(2, Math.min(98, Math.round(informal ? 38 + 15 * normal(rng) : 45 + 7 * normal(rng))));
        const firm = informal ? 1 : pick(rng, [[1, 2], [2, 1], [3, 1], [4, 2], [5, 3]] as [number, number][]);
        const occ = pick(rng, OCCUPATIONS[sector.name] ?? [['9999', 1]]);
        const ciiu = pick(rng, CLASSES[sector.name] ?? [['9999', 1]]);
        const yearly = Math.round(monthly * 12 * 100) / 100;
        rows.push([
          ...base, 1, occ, ciiu, status, contract, employee ? firm : '', hours,
          afp ? 1 : 0, onp ? 2 : 0, 0, 0, afp || onp ? 0 : 5, essalud,
          employee ? yearly : '', employee ? '' : yearly, informal ? 1 : 2, 1,
        ]);
        cells.push([si * 2 + (informal ? 1 : 0), rural ? 1 : 0, sexFemale ? 1 : 0, ageGroup]);
      }
    }
  }
  const wCol = SYNTHETIC_COLUMNS.indexOf('FAC500A');
  const targets: number[][] = [
    t.sectors.flatMap((s) => [s.employed * (1 - s.informal), s.employed * s.informal]),
    [t.employed * t.urbanShare, t.employed * (1 - t.urbanShare)],
    [t.employed * (1 - t.femaleShare), t.employed * t.femaleShare],
    t.ageShares.map((a) => t.employed * a.share),
  ];
  const employedIdx = Int32Array.from(cells.flatMap((c, i) => (c.length ? [i] : [])));
  const cellOf = targets.map((_, m) => Int32Array.from(employedIdx, (i) => cells[i][m]));
  const we = new Float64Array(employedIdx.length).fill(t.employed / employedIdx.length);
  // Iterative proportional fitting until every margin is within 1e-12 (rounding of sums over
  // hundreds of thousands of weights is about 1e-13).
  let gap = Infinity;
  for (let iter = 0; iter < 500 && gap > 1e-12; iter++) {
    gap = 0;
    for (let m = 0; m < targets.length; m++) {
      const cur = new Float64Array(targets[m].length);
      const cm = cellOf[m];
      for (let j = 0; j < we.length; j++) cur[cm[j]] += we[j];
      for (let c = 0; c < cur.length; c++) if (cur[c] === 0 && targets[m][c] > 0) throw new Error(`synthetic: no record in margin ${m} cell ${c}`);
      const factor = targets[m].map((v, c) => (cur[c] > 0 ? v / cur[c] : 1));
      for (let j = 0; j < we.length; j++) we[j] *= factor[cm[j]];
      for (let c = 0; c < cur.length; c++) if (targets[m][c] > 0) gap = Math.max(gap, Math.abs(cur[c] / targets[m][c] - 1));
    }
  }
  const w = new Float64Array(rows.length);
  employedIdx.forEach((i, j) => { w[i] = we[j]; });
  const unemployed = rows.length - employedIdx.length;
  rows.forEach((r, i) => { r[wCol] = cells[i].length ? w[i] : (t.labourForce - t.employed) / unemployed; });
  void sectorNames;
  return { header: [...SYNTHETIC_COLUMNS], rows, maxMarginGap: gap };
}

/** The sample as CSV text (numbers printed in their shortest exact form, so the margins survive the round trip). */
export function syntheticCsv(s: SyntheticSample): string {
  const cell = (v: string | number): string => (typeof v === 'number' ? String(v) : v);
  return [s.header.join(','), ...s.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
