/** The Peru SAMs under models/peru/sam: the estimated 2019 SAM has the structure the CGE needs and balances. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSamBalance } from './check.js';
import { loadSamFile } from './read.js';

const dir = resolve(import.meta.dirname, '../../../models/peru/sam');

describe('Peru SAM 2019 (estimated)', () => {
  const { sam, descriptor } = loadSamFile(resolve(dir, 'peru-sam-2019-estimated.csv'));
  const of = (type: string, kind?: string) => sam.accounts.filter((a) => a.type === type && (kind === undefined || a.kind === kind));
  const row = (code: string): number => sam.values[sam.accounts.findIndex((a) => a.code === code)].reduce((a, b) => a + b, 0);

  it('balances and is labelled estimated, cell by cell', () => {
    expect(descriptor.status).toBe('estimated');
    const report = checkSamBalance(sam, { relative: 1e-9, absolute: 1e-6 });
    expect(report.gaps).toEqual([]);
    expect(sam.estimated).toBeDefined();
    sam.values.forEach((r, i) => r.forEach((v, j) => expect(sam.estimated![i][j]).toBe(v !== 0)));
  });

  it('has fuels and electricity separate, six manufacturing sectors, formal/informal labour, ≥ 5 households and ISC per fuel', () => {
    expect(of('activity').length).toBe(of('commodity').length);
    expect(of('activity').length).toBeGreaterThanOrEqual(20);
    expect(of('activity').length).toBeLessThanOrEqual(30);
    expect(of('commodity', 'fuel').map((a) => a.attributes?.fuel).sort()).toEqual(['diesel', 'gasoline', 'lpg', 'natgas', 'oilprod']);
    expect(of('commodity', 'electricity').map((a) => a.code)).toEqual(['c-elec']);
    for (const s of ['food', 'text', 'chem', 'cement', 'metals', 'othman']) expect(row(`a-${s}`)).toBeGreaterThan(0);
    expect(new Set(of('factor', 'labour').map((a) => a.attributes?.segment))).toEqual(new Set(['formal', 'informal']));
    expect(of('household').length).toBeGreaterThanOrEqual(5);
    expect(of('tax', 'isc').map((a) => a.attributes?.fuel).sort()).toEqual(['diesel', 'gasoline', 'lpg', 'natgas', 'none', 'oilprod']);
    for (const k of ['vat', 'import-duty', 'direct', 'production']) expect(of('tax', k).length).toBe(1);
  });

  it('meets the 2019 revenue targets it was balanced to (IMF GFS, million soles)', () => {
    expect(row('t-dir')).toBeCloseTo((110681 * 39.77) / 100, 3);
    expect(row('t-imp')).toBeCloseTo(1424.477, 3);
    const goods = ['t-vat', 't-isc-diesel', 't-isc-gasoline', 't-isc-lpg', 't-isc-natgas', 't-isc-oilprod', 't-isc-other'].reduce((s, t) => s + row(t), 0);
    expect(goods).toBeCloseTo(53893.95, 3);
  });
});
