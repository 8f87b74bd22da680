/**
 * The estimated Peru table in models/peru/io: it loads balanced, is labelled as estimated, its
 * layout is recognised even without the descriptor, and its employment adds up to the ENAHO 2019
 * total it was built from (18,049.074 thousand, ILO_EMP in ../shared/data/peru/employment.csv).
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregateTable, readAggregationMap } from './aggregate.js';
import { disaggregateSector } from './disaggregate.js';
import { readGreenClassification, readInformality } from './greenjobs.js';
import { loadIoTable } from './load.js';
import { computeMultipliers } from './multipliers.js';
import { balanceReport } from './validate.js';

const folder = fileURLToPath(new URL('../../../models/peru/io/', import.meta.url));
const path = join(folder, 'peru-io-2019-estimated.csv');

describe('estimated Peru table', () => {
  const { table, report } = loadIoTable(path);

  it('loads balanced with 15 sectors, labelled as estimated', () => {
    expect(report.balanced).toBe(true);
    expect(table.sectors).toHaveLength(15);
    expect(table.status).toBe('estimated');
    expect(table.title).toMatch(/ESTIMATED/);
    const jobs = table.satellites.find((s) => s.kind === 'employment')!;
    expect(jobs.values.reduce((a, b) => a + b)).toBeCloseTo(18049.074, 0);
  });

  it('is recognised without its descriptor too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-peru-'));
    copyFileSync(path, join(dir, 'table.csv'));
    const plain = loadIoTable(join(dir, 'table.csv')).table;
    expect(plain.sectors).toEqual(table.sectors);
    expect(plain.labourIncome).toBe(table.labourIncome);
    expect(plain.householdConsumption).toBe('Household consumption');
    expect(plain.nonValueAdded).toEqual(['Imports', 'Net taxes on products']);
    expect(plain.satellites.map((s) => s.kind)).toEqual(['employment', 'formal_employment', 'emissions', 'water']);
  });

  it('green classification and informality cover every sector; formal employment agrees with informality', () => {
    const g = readGreenClassification(join(folder, 'green-classification.csv'), table.sectors);
    const informal = readInformality(join(folder, 'informality.csv'), table.sectors);
    // Electricity's share is the renewable share of generation 2019 (61.619 %, OWID_BP_EMBER_2022).
    expect(g[table.sectors.indexOf('Electricity')]).toBeCloseTo(0.61619, 3);
    const jobs = table.satellites.find((s) => s.kind === 'employment')!.values;
    const formal = table.satellites.find((s) => s.kind === 'formal_employment')!.values;
    formal.forEach((f, i) => expect(f).toBeCloseTo(jobs[i] * (1 - informal[i]), 0));
  });

  it('type II multipliers exceed type I for every sector', () => {
    const m = computeMultipliers(table);
    m.output.type2!.forEach((v, j) => expect(v).toBeGreaterThan(m.output.type1[j]));
    m.output.type1.forEach((v) => expect(v).toBeGreaterThan(1));
  });

  it('aggregates with a mapping file and splits electricity by generation shares, staying balanced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-peru-map-'));
    const groups: Record<string, string> = {
      Agriculture: 'Primary', Livestock: 'Primary', Forestry: 'Primary', Fishing: 'Primary', Mining: 'Extraction', 'Oil and gas': 'Extraction',
      'Food industry': 'Manufacturing', 'Other manufacturing': 'Manufacturing', Electricity: 'Utilities', 'Water and sanitation': 'Utilities',
      Construction: 'Construction', 'Trade, restaurants and hotels': 'Services', Transport: 'Services', 'Other services': 'Services',
      'Public administration': 'Services',
    };
    const mapFile = join(dir, 'map.csv');
    writeFileSync(mapFile, 'sector,group\n' + Object.entries(groups).map(([s, g]) => `"${s}",${g}`).join('\n') + '\n');
    const agg = aggregateTable(table, readAggregationMap(mapFile, table.sectors));
    expect(agg.sectors).toEqual(['Primary', 'Extraction', 'Manufacturing', 'Utilities', 'Construction', 'Services']);
    expect(balanceReport(agg).balanced).toBe(true);
    // Generation 2018 (EMBER_OWID_2024, TWh): hydro 30.72, gas 20.68, wind 1.5, solar 0.75 (others left out; shares renormalised).
    const twh = { Hydro: 30.72, 'Gas power': 20.68, Wind: 1.5, Solar: 0.75 };
    const total = Object.values(twh).reduce((a, b) => a + b);
    const parts = Object.entries(twh).map(([name, v]) => ({ name, share: v / total }));
    const split = disaggregateSector(table, 'Electricity', parts, { 'GHG emissions': [0, 1, 0, 0] });
    expect(split.sectors).toHaveLength(18);
    expect(balanceReport(split).balanced).toBe(true);
    const ghg = split.satellites.find((s) => s.kind === 'emissions')!;
    expect(ghg.values[split.sectors.indexOf('Gas power')]).toBeCloseTo(table.satellites.find((s) => s.kind === 'emissions')!.values[8], 6);
    expect(ghg.values[split.sectors.indexOf('Hydro')]).toBe(0);
  });
});
