/**
 * Published margins a SYNTHETIC sample must reproduce, read from ../shared/data/peru (anchors.csv) and
 * the Peru IO folder (employment structure and sector informality), plus stated assumptions where
 * no published figure is in the data folder (sex and age structure).
 */
import { join } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText } from '../io/grid.js';
import { cellNumber } from '../io/numbers.js';
import { readGrid } from '../io/read-grid.js';

export interface SyntheticTargets {
  year: number;
  employed: number;
  labourForce: number;
  urbanShare: number;
  informalRate: number;
  /** Employment by IO sector (persons) and the informal rate of each. */
  sectors: { name: string; employed: number; informal: number }[];
  femaleShare: number;
  ageShares: { from: number; to: number; share: number }[];
  /** Where every number came from, for the README and the file header. */
  provenance: string[];
}

function anchor(anchors: string, indicator: string, year: number): number {
  const g = readGrid(anchors);
  const h = g.rows[0].map((c) => cellText(c));
  const ci = h.indexOf('indicator');
  const cv = h.indexOf('value');
  const cy = h.indexOf('year');
  for (let r = 1; r < g.rows.length; r++) {
    if (cellText(g.rows[r][ci]) === indicator && cellText(g.rows[r][cy]) === String(year)) return cellNumber(g.rows[r][cv], g.where(r, cv));
  }
  throw new InputError(anchors, { en: `no indicator "${indicator}" for ${year}`, es: `no hay un indicador "${indicator}" para ${year}` });
}

/** Per-sector values from a `sector,<column>` CSV or an IO-table row. */
function perSector(path: string, column: string): Map<string, number> {
  const g = readGrid(path);
  const h = g.rows[0].map((c) => cellText(c));
  const cv = h.indexOf(column);
  if (cv < 0) throw new InputError(`${path}:1`, { en: `no column ${column}`, es: `no hay una columna ${column}` });
  const out = new Map<string, number>();
  for (let r = 1; r < g.rows.length; r++) out.set(cellText(g.rows[r][0]), cellNumber(g.rows[r][cv], g.where(r, cv)));
  return out;
}

function ioEmployment(table: string): Map<string, number> {
  const g = readGrid(table);
  const row = g.rows.find((r) => cellText(r[0]).startsWith('Employment ('));
  if (!row) throw new InputError(table, { en: 'no "Employment (thousand persons)" row', es: 'no hay una fila "Employment (thousand persons)"' });
  const out = new Map<string, number>();
  g.rows[0].forEach((c, j) => { if (j > 0 && typeof row[j] !== 'undefined' && cellText(row[j]) !== '') out.set(cellText(c), cellNumber(row[j], g.where(0, j))); });
  return out;
}

export function syntheticTargets(sharedPeru: string, ioDir: string): SyntheticTargets {
  const anchors = join(sharedPeru, 'anchors.csv');
  const employed = anchor(anchors, 'employed_population_epen_apr2022_mar2023', 2023) * 1e6;
  const informalRate = anchor(anchors, 'informal_employment_rate_epen_apr2022_mar2023', 2023) / 100;
  const labourForce = anchor(anchors, 'labour_force_pea_inei', 2022) * 1e6;
  const urbanShare = anchor(anchors, 'labour_force_pea_urban_inei', 2022) / anchor(anchors, 'labour_force_pea_inei', 2022);
  const agriShare = anchor(anchors, 'employment_agriculture_inei', 2022) / anchor(anchors, 'employed_population_inei', 2022);
  const ioEmp = ioEmployment(join(ioDir, 'peru-io-2019-estimated.csv'));
  const informal = perSector(join(ioDir, 'informality.csv'), 'informal_share');
  const agri = ['Agriculture', 'Livestock', 'Forestry'];
  const agriIo = agri.reduce((a, s) => a + (ioEmp.get(s) ?? 0), 0);
  const restIo = [...ioEmp].filter(([s]) => !agri.includes(s)).reduce((a, [, v]) => a + v, 0);
  const sectors = [...ioEmp].map(([name, e]) => ({
    name,
    employed: agri.includes(name) ? employed * agriShare * (e / agriIo) : employed * (1 - agriShare) * (e / restIo),
    informal: informal.get(name) ?? NaN,
  }));
  // Agriculture, livestock and forestry take the informal rate that makes the national rate the EPEN's.
  const informalOutside = sectors.filter((s) => !agri.includes(s.name)).reduce((a, s) => a + s.employed * s.informal, 0);
  const agriRate = (informalRate * employed - informalOutside) / (employed * agriShare);
  if (!(agriRate > 0 && agriRate < 1)) throw new InputError(ioDir, { en: `the informal rates give an agricultural residual of ${agriRate}`, es: `las tasas de informalidad dan un residuo agrícola de ${agriRate}` });
  for (const s of sectors) if (agri.includes(s.name)) s.informal = agriRate;
  return {
    year: 2022, employed, labourForce, urbanShare, informalRate, sectors,
    femaleShare: 0.44,
    ageShares: [{ from: 15, to: 29, share: 0.27 }, { from: 30, to: 44, share: 0.34 }, { from: 45, to: 64, share: 0.30 }, { from: 65, to: 90, share: 0.09 }],
    provenance: [
      `employed ${employed} = EPEN Apr 2022-Mar 2023, 17.3 million (anchors.csv employed_population_epen_apr2022_mar2023, A_INEI_EPEN2023)`,
      `informal rate ${informalRate} = EPEN Apr 2022-Mar 2023, 73.5 % (anchors.csv, A_INEI_EPEN2023)`,
      `labour force ${labourForce} = INEI 2022 PEA 18.6 million (anchors.csv labour_force_pea_inei, A_INEI_PEA2022); the rest of it are unemployed records`,
      `urban share ${urbanShare.toFixed(6)} = INEI 2022 urban PEA 14.8 / 18.6 million (A_INEI_PEA2022), applied to the employed (Supuesto)`,
      `agriculture+livestock+forestry share ${agriShare.toFixed(6)} = INEI 2022 agricultural employment 4,290 / 17,696 thousand (A_INEI_EMP2022), split by the IO table's 2019 structure`,
      'other sectors: employment structure of models/peru/io/peru-io-2019-estimated.csv (ESTIMATED table, SOURCES.md there)',
      `sector informal rates: models/peru/io/informality.csv (INEI 2022 sector rates, A_INEI_EMP2022, and stated assumptions); agriculture, livestock and forestry get the residual ${agriRate.toFixed(6)} that gives the EPEN national rate`,
      'Supuesto (no figure in ../shared/data/peru): women 44 % of the employed (range 42-46 %); age 15-29 27 %, 30-44 34 %, 45-64 30 %, 65+ 9 % (ranges ±3 points)',
    ],
  };
}
