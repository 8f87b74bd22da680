/**
 * Converts the published Peru SAM 2004 (IFPRI structure, 60 accounts; ../../../../../shared/data/peru/io/sam2004,
 * or $IGEM_PERU_DATA/io/sam2004) into the square labelled layout with a descriptor. No number is
 * changed: the cells are the published ones (nuevos soles) from peru_sam2004_microsam_long.csv;
 * the 61st account ("Totales") is dropped because totals are recomputed from the cells.
 * Run: npx tsx models/peru/sam/build/convert-2004.ts
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGrid } from '../../../../src/econ/io/read-grid.js';
import type { Sam, SamAccount, SamAccountType } from '../../../../src/econ/sam/types.js';
import { samDescriptor, writeSam, writeSamDescriptor } from '../../../../src/econ/sam/write.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.IGEM_PERU_DATA ?? resolve(here, '../../../../../shared/data/peru');
const src = join(dataDir, 'io/sam2004/peru_sam2004_microsam_long.csv');
const outDir = resolve(here, '..');

type Spec = [code: string, type: SamAccountType, kind?: string, attributes?: Record<string, string>];
const sectors = ['agr', 'fish', 'mine', 'food', 'text', 'mach', 'chem', 'cons', 'trade', 'trans', 'health', 'educ', 'gov', 'fin', 'rest'];
const lab = (area: string, employment: string, skill: string): Record<string, string> => ({ area, employment, skill });
const hh = (region: string, area: string): Record<string, string> => ({ region, area });
/** Account codes 1–60 of the published SAM, in order, with their type. */
const SPECS: Spec[] = [
  ['f-lab-urb-wage-unsk', 'factor', 'labour', lab('urban', 'wage', 'unskilled')],
  ['f-lab-urb-wage-sk', 'factor', 'labour', lab('urban', 'wage', 'skilled')],
  ['f-lab-urb-self-unsk', 'factor', 'labour', lab('urban', 'self-employed', 'unskilled')],
  ['f-lab-urb-self-sk', 'factor', 'labour', lab('urban', 'self-employed', 'skilled')],
  ['f-lab-rur-unsk', 'factor', 'labour', lab('rural', 'all', 'unskilled')],
  ['f-lab-rur-sk', 'factor', 'labour', lab('rural', 'all', 'skilled')],
  ['f-cap', 'factor', 'capital'],
  ['h-costa-urb', 'household', undefined, hh('costa', 'urban')],
  ['h-costa-rur', 'household', undefined, hh('costa', 'rural')],
  ['h-sierra-urb', 'household', undefined, hh('sierra', 'urban')],
  ['h-sierra-rur', 'household', undefined, hh('sierra', 'rural')],
  ['h-selva-urb', 'household', undefined, hh('selva', 'urban')],
  ['h-selva-rur', 'household', undefined, hh('selva', 'rural')],
  ['h-lima', 'household', undefined, hh('lima-metropolitana', 'urban')],
  ['ent', 'enterprise'],
  ['gov', 'government', 'general'],
  ['gov-educ', 'government', 'education'],
  ['gov-health', 'government', 'health'],
  ['gov-food-aid', 'government', 'food-aid'],
  ['gov-social', 'government', 'social-spending'],
  ['gov-pub-cap', 'government', 'public-capital'],
  ['s-i', 'savings-investment'],
  ['stk', 'stock-change'],
  ...sectors.map((s): Spec => [`a-${s}`, 'activity']),
  ...sectors.map((s): Spec => [`c-${s}`, 'commodity']),
  ['m-dom', 'margin', 'domestic'],
  ['m-imp', 'margin', 'imported'],
  ['t-dir', 'tax', 'direct'],
  ['t-ind', 'tax', 'indirect', { covers: 'taxes on products paid by commodities (IGV, ISC and others, not split in the source)' }],
  ['t-imp', 'tax', 'import-duty'],
  ['row', 'rest-of-world'],
  ['row-debt', 'rest-of-world', 'external-debt'],
];

const grid = readGrid(src);
const head = grid.rows[0].map((c) => String(c));
const col = (name: string): number => head.indexOf(name);
const [rc, rl, cc, v] = [col('row_code'), col('row_label'), col('col_code'), col('value_nuevos_soles')];
const n = SPECS.length;
const labels = new Array<string>(n).fill('');
const values = Array.from({ length: n }, () => new Array<number>(n).fill(0));
for (const row of grid.rows.slice(1)) {
  const i = Number(row[rc]) - 1;
  const j = Number(row[cc]) - 1;
  if (i >= n || j >= n) continue; // account 61 = printed totals
  values[i][j] += Number(row[v]);
  labels[i] = String(row[rl]);
}
// Labels of accounts with no row entries (none expected) fall back to the code.
const accounts: SamAccount[] = SPECS.map(([code, type, kind, attributes], i) => {
  const a: SamAccount = { code, label: labels[i] || code, type };
  if (kind) a.kind = kind;
  if (attributes) a.attributes = attributes;
  return a;
});
const sam: Sam = { source: src, accounts, values, year: 2004, units: 'nuevos soles', title: 'Peru social accounting matrix 2004 (IFPRI structure), as published' };
writeSam(join(outDir, 'peru-sam-2004.csv'), sam);
writeSamDescriptor(
  join(outDir, 'peru-sam-2004.descriptor.json'),
  samDescriptor(sam, {
    title: sam.title,
    year: 2004,
    units: 'nuevos soles (published title says June-1994 soles; magnitudes match current 2004 soles, see the source README)',
    status: 'official',
    tolerance: { relative: 1e-6, absolute: 1 },
  }),
);
console.log(`wrote ${n} accounts from ${src}`);
