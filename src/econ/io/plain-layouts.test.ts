/**
 * The plain layouts statistics offices publish load without a descriptor, and what the reader
 * guessed is listed. One small table (Miller & Blair's two-sector example, x = 1000 and 2000) in
 * each layout, as CSV and as a workbook written by the test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import { loadIoTable } from './load.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-io-layouts-'));
const csv = (name: string, rows: (string | number)[][], delimiter = ','): string => {
  const p = join(dir, name);
  writeFileSync(p, rows.map((r) => r.map((c) => (String(c).includes(delimiter) ? `"${c}"` : String(c))).join(delimiter)).join('\n') + '\n');
  return p;
};
const xlsx = (name: string, rows: (string | number)[][]): string => {
  const p = join(dir, name);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'MIP');
  writeFileSync(p, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return p;
};

// Z = [[150, 500], [200, 100]], final demand [350, 1700], value added [650, 1400], x = [1000, 2000].
const oneFinalDemand = [
  ['', 'Agriculture', 'Manufacturing', 'Final demand', 'Total output'],
  ['Agriculture', 150, 500, 350, 1000],
  ['Manufacturing', 200, 100, 1700, 2000],
  ['Value added', 650, 1400, '', ''],
];

describe('one final-demand column and a total-output column (the layout once refused as "subtotal column … 1700 ≠ 0")', () => {
  for (const [kind, path] of [
    ['csv', csv('one-fd.csv', oneFinalDemand)],
    ['xlsx', xlsx('one-fd.xlsx', oneFinalDemand)],
  ] as const) {
    it(`loads balanced from ${kind} and says it read the lone column as the final demand`, () => {
      const { table, info } = loadIoTable(path);
      expect(table.sectors).toEqual(['Agriculture', 'Manufacturing']);
      expect(table.finalDemand).toEqual([{ name: 'Final demand', values: [350, 1700] }]);
      expect(table.x).toEqual([1000, 2000]);
      expect(table.primaryInputs).toEqual([{ name: 'Value added', values: [650, 1400] }]);
      expect(info.subtotalCols).toEqual([]);
      expect(info.assumptions).toContain('column "Final demand" read as the whole final demand (no component columns beside it)');
      expect(info.assumptions).toContain('row "Value added" read as the whole of value added (no component rows above it)');
    });
  }

  it('still checks a final-demand subtotal when component columns stand beside it', () => {
    const rows = [
      ['', 'Agriculture', 'Manufacturing', 'Households', 'Exports', 'Final demand', 'Total output'],
      ['Agriculture', 150, 500, 300, 50, 351, 1000],
      ['Manufacturing', 200, 100, 1200, 500, 1700, 2000],
      ['Value added', 650, 1400, '', '', '', ''],
    ];
    const { report, table } = loadIoTable(csv('fd-subtotal.csv', rows), { requireBalance: false });
    expect(table.finalDemand.map((f) => f.name)).toEqual(['Households', 'Exports']);
    expect(report.issues.map((i) => i.message).join('\n')).toMatch(/subtotal column "Final demand", row "Agriculture"/);
    expect(report.issues).toHaveLength(1);
  });
});

describe('several final-demand columns, no total column, value added with and without a subtotal row', () => {
  it('no total-output column: output from intermediate sales plus final demand, said as assumed', () => {
    const rows = [
      ['', 'Agriculture', 'Manufacturing', 'Households', 'Government', 'Exports'],
      ['Agriculture', 150, 500, 200, 50, 100],
      ['Manufacturing', 200, 100, 1000, 300, 400],
      ['Compensation of employees', 400, 900, '', '', ''],
      ['Gross operating surplus', 250, 500, '', '', ''],
    ];
    const { table, info } = loadIoTable(xlsx('no-total.xlsx', rows));
    expect(table.x).toEqual([1000, 2000]);
    expect(table.finalDemand.map((f) => f.name)).toEqual(['Households', 'Government', 'Exports']);
    expect(table.labourIncome).toBe('Compensation of employees');
    expect(info.assumptions).toContain('no total-output column nor total-input row: total output taken as intermediate sales plus final demand');
  });

  it('value-added components with a subtotal row and a total-input row: the subtotal is checked, not summed', () => {
    const rows = [
      ['', 'Agriculture', 'Manufacturing', 'Households', 'Exports', 'Total output'],
      ['Agriculture', 150, 500, 300, 50, 1000],
      ['Manufacturing', 200, 100, 1200, 500, 2000],
      ['Compensation of employees', 400, 900, '', '', ''],
      ['Gross operating surplus', 250, 500, '', '', ''],
      ['Value added', 650, 1400, '', '', ''],
      ['Total input', 1000, 2000, '', '', ''],
    ];
    const { table, info } = loadIoTable(csv('va-subtotal.csv', rows));
    expect(table.primaryInputs.map((p) => p.name)).toEqual(['Compensation of employees', 'Gross operating surplus']);
    expect(info.subtotalRows.map((s) => [s.label, s.kind])).toEqual([['Value added', 'valueAdded']]);
    expect(info.totalInput).toEqual([1000, 2000]);
  });
});

describe('Spanish labels and decimal commas, as INEI and INE publish', () => {
  // Semicolons and decimal commas, thousands with points; "Demanda final" alone; VA with a subtotal.
  const spanish = [
    ['Sector', 'Agricultura', 'Industria', 'Demanda final', 'Producción total'],
    ['Agricultura', '150', '500', '350', '1.000'],
    ['Industria', '200', '100', '1.700', '2.000'],
    ['Remuneraciones', '400,5', '900', '', ''],
    ['Excedente de explotación', '249,5', '500', '', ''],
    ['Valor agregado', '650', '1.400', '', ''],
    ['Producción total', '1.000', '2.000', '', ''],
  ];

  it('reads a semicolon CSV with decimal commas and lists every assumption', () => {
    const { table, info } = loadIoTable(csv('mip.csv', spanish, ';'));
    expect(table.x).toEqual([1000, 2000]);
    expect(table.finalDemand).toEqual([{ name: 'Demanda final', values: [350, 1700] }]);
    expect(table.primaryInputs).toEqual([
      { name: 'Remuneraciones', values: [400.5, 900] },
      { name: 'Excedente de explotación', values: [249.5, 500] },
    ]);
    expect(table.labourIncome).toBe('Remuneraciones');
    expect(info.subtotalRows.map((s) => s.label)).toEqual(['Valor agregado']);
    const said = info.assumptions.join('\n');
    expect(said).toMatch(/fields separated by semicolon/);
    expect(said).toMatch(/decimal comma and '\.' grouping thousands \(e\.g\. '400,5'\)/);
    expect(said).toMatch(/"Demanda final" read as the whole final demand/);
  });

  it('reads the same table from a workbook whose cells hold numbers', () => {
    const numeric = spanish.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 0 || c === '' ? c : Number(c.replace(/\./g, '').replace(',', '.'))))));
    const { table, info } = loadIoTable(xlsx('mip.xlsx', numeric));
    expect(table.x).toEqual([1000, 2000]);
    expect(table.primaryInputs[0]!.values).toEqual([400.5, 900]);
    expect(info.assumptions.join('\n')).not.toMatch(/decimal/); // numbers, not text: nothing to guess
  });

  it('refuses a table that mixes decimal points and commas, naming an example of each', () => {
    const mixed = spanish.map((r) => [...r]);
    mixed[4]![1] = '249.5';
    expect(() => loadIoTable(csv('mixed.csv', mixed, ';'))).toThrow(InputError);
    expect(() => loadIoTable(csv('mixed.csv', mixed, ';'))).toThrow(/mixes decimal points \('249\.5'.*decimal commas \('400,5'.*"decimal" in a descriptor/);
  });
});
