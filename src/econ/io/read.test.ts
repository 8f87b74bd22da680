/** Reading tables: layouts in English and Spanish, workbooks, descriptors, and every kind of bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import { parseCsv } from './csv.js';
import { loadIoTable } from './load.js';
import { readShock } from './shock.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-io-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** The InputError message of fn (in Spanish with `es`), or a failure when fn does not throw one. */
const inputError = (fn: () => unknown, es = false): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return es ? err.messageEs : err.message;
    throw err;
  }
  throw new Error('expected an InputError');
};

// A Spanish table as INEI-style tables are laid out: code and name columns, intermediate-demand
// subtotal column, final demand, total; subtotal and value-added rows; total row; satellites after it.
const SPANISH = `Matriz insumo producto (millones de soles),,,,,,,,,
Código,Actividad,Agricultura,Industria,Servicios,Demanda intermedia,Consumo final de los hogares,Exportaciones,Formación bruta de capital,Producción
01,Agricultura,10,40,5,55,30,15,0,100
02,Industria,20,60,35,115,60,55,20,250
03,Servicios,5,30,40,75,90,5,30,200
,Total consumo intermedio,35,130,80,,,,,
,Importaciones,5,30,10,,20,,15,
,Remuneraciones,40,50,70,,,,,
,Excedente de explotación,20,40,40,,,,,
,Valor agregado bruto,60,90,110,,,,,
,Valor bruto de producción,100,250,200,,,,,
,Empleo (miles de personas),50,20,60,,,,,
,Empleo formal (miles de personas),10,12,30,,,,,
,Emisiones GEI (kt CO2e),40,90,10,,,,,
`;

describe('layout recognition', () => {
  it('reads a Spanish table with code and name columns, subtotals, imports and satellites', () => {
    const { table, report } = loadIoTable(file('mip.csv', SPANISH));
    expect(table.sectors).toEqual(['Agricultura', 'Industria', 'Servicios']);
    expect(table.title).toBe('Matriz insumo producto (millones de soles)');
    expect(table.finalDemand.map((f) => f.name)).toEqual(['Consumo final de los hogares', 'Exportaciones', 'Formación bruta de capital']);
    expect(table.householdConsumption).toBe('Consumo final de los hogares');
    expect(table.primaryInputs.map((p) => p.name)).toEqual(['Importaciones', 'Remuneraciones', 'Excedente de explotación']);
    expect(table.labourIncome).toBe('Remuneraciones');
    expect(table.nonValueAdded).toEqual(['Importaciones']);
    expect(table.x).toEqual([100, 250, 200]);
    expect(table.satellites.map((s) => [s.name, s.kind, s.unit])).toEqual([
      ['Empleo (miles de personas)', 'employment', 'miles de personas'],
      ['Empleo formal (miles de personas)', 'formal_employment', 'miles de personas'],
      ['Emisiones GEI (kt CO2e)', 'emissions', 'kt CO2e'],
    ]);
    expect(report.balanced).toBe(true);
    // Rows, columns, both subtotals (row and column) and total input vs output were all checked.
    expect(report.accountsChecked).toBe(3 + 3 + 3 + 3 + 3 + 3);
  });

  it('reports every unbalanced account with its gap and location', () => {
    const bad = SPANISH.replace('02,Industria,20,60,35,115,60,55,20,250', '02,Industria,20,60,35,115,60,55,25,250')
      .replace(',Remuneraciones,40,50,70', ',Remuneraciones,40,50,71');
    const path = file('mip-bad.csv', bad);
    const msg = inputError(() => loadIoTable(path));
    expect(msg).toContain('the table is not balanced');
    expect(msg).toContain(`${path}:4:1: row "Industria": intermediate + final demand 255 ≠ 250 (gap 5, 1.96 %)`);
    expect(msg).toContain(`column "Servicios": intermediate + primary inputs 201 ≠ 200 (gap 1`);
    const es = inputError(() => loadIoTable(path), true);
    expect(es).toContain('la tabla no está balanceada (tolerancia 0.1 % o 0.5 unidades); 3 cuenta(s) descuadrada(s)');
    expect(es).toContain(`${path}:4:1: fila "Industria": intermedio + demanda final 255 ≠ 250 (brecha 5, 1.96 %)`);
    expect(es).toContain(`columna "Servicios": intermedio + insumos primarios 201 ≠ 200 (brecha 1`);
    const { report } = loadIoTable(path, { requireBalance: false });
    expect(report.issues.map((i) => `${i.side}:${i.account}`)).toEqual(['row:Industria', 'column:Servicios', 'subtotal:Valor agregado bruto / Servicios']);
  });

  it('reads the same table from a workbook, naming cells as Sheet!A1', () => {
    const rows = parseCsv(SPANISH, 'x').rows;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => (c !== null && /^-?\d+(\.\d+)?$/.test(String(c)) ? Number(c) : c)))), 'MIP');
    const path = join(dir, 'mip.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const { table } = loadIoTable(path);
    expect(table.sectors).toEqual(['Agricultura', 'Industria', 'Servicios']);
    expect(table.Z[1]).toEqual([20, 60, 35]);
    const bad = rows.map((r) => [...r]);
    bad[3][3] = -4;
    const book2 = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book2, XLSX.utils.aoa_to_sheet(bad), 'MIP');
    const path2 = join(dir, 'neg.xlsx');
    writeFileSync(path2, XLSX.write(book2, { type: 'buffer', bookType: 'xlsx' }));
    expect(inputError(() => loadIoTable(path2))).toBe(`${path2}:MIP!D4: negative intermediate flow -4 from "Industria" to "Industria"; intermediate flows must be ≥ 0`);
  });

  it('a descriptor names rows and columns of an unusual layout', () => {
    const text = `,Farm,Factory,Consumption,Exports,Stock change,Gross output
Farm,10,30,40,20,0,100
Factory,20,40,60,75,5,200
Pay,50,80,,,,
Profit,20,50,,,,
Jobs,7,3,,,,
`;
    const path = file('odd.csv', text);
    // Without a descriptor the layout is recognised except for the Jobs row (kind by label).
    const plain = loadIoTable(path).table;
    expect(plain.labourIncome).toBeUndefined();
    expect(plain.satellites.map((s) => s.kind)).toEqual(['employment']);
    file('odd.descriptor.json', JSON.stringify({
      title: 'Odd example', status: 'example', units: 'dollars', labourIncome: 'Pay', householdConsumption: 'Consumption',
      satellites: [{ row: 'Jobs', name: 'Employment', kind: 'employment', unit: 'persons' }],
    }));
    const { table, descriptorPath } = loadIoTable(path);
    expect(descriptorPath).toBe(join(dir, 'odd.descriptor.json'));
    expect(table.labourIncome).toBe('Pay');
    expect(table.householdConsumption).toBe('Consumption');
    expect(table.satellites[0]).toMatchObject({ name: 'Employment', unit: 'persons' });
    expect(table.status).toBe('example');
  });

  it('descriptor mistakes name the field', () => {
    const path = file('t2.csv', 'x,a,b,Total\na,1,1,4\nb,1,1,4\nVA,2,2,\n');
    expect(inputError(() => loadIoTable(path, { descriptorPath: file('d1.json', '{"sectorz": []}') }))).toMatch(/d1\.json: sectorz: unknown field/);
    expect(inputError(() => loadIoTable(path, { descriptorPath: file('d2.json', '{"satellites": [{"row": "VA", "kind": "jobs"}]}') }))).toMatch(/d2\.json: satellites\[0\]\.kind: must be one of/);
    expect(inputError(() => loadIoTable(path, { descriptorPath: file('d3.json', '{"labourIncome": "Wages"}') }))).toMatch(/descriptor labourIncome: no such row "Wages"/);
    expect(inputError(() => loadIoTable(path, { descriptorPath: file('d4.json', '{"title": ') }))).toMatch(/d4\.json(:\d+:\d+)?: invalid JSON/);
  });
});

describe('bad input', () => {
  it('malformed CSV: unterminated quote, text after a quote, stray quote', () => {
    expect(inputError(() => parseCsv('a,b\n"x,1\n', 'q.csv'))).toBe('q.csv:2:1: unterminated quoted field (a " is never closed)');
    expect(inputError(() => parseCsv('a,b\n"x"y,1\n', 'q.csv'))).toMatch(/^q\.csv:2:4: unexpected text after a closing quote/);
    expect(inputError(() => parseCsv('a,b\nx"y,1\n', 'q.csv'))).toMatch(/^q\.csv:2:2: a quote inside an unquoted field/);
    const ok = parseCsv('"a, b",c\r\n"say ""hi""\nthere",2\r\n', 'ok.csv');
    expect(ok.rows).toEqual([['a, b', 'c'], ['say "hi"\nthere', '2']]);
    expect(ok.where(1, 1)).toBe('ok.csv:3:8');
  });

  it('a text cell among the numbers is named by line and column', () => {
    const path = file('txt.csv', 'x,a,b,Total\na,1,1,4\nb,1,one,4\nVA,2,2,\n');
    expect(inputError(() => loadIoTable(path))).toBe(`${path}:3:5: "one" is not a number`);
  });

  it('an empty sector is named', () => {
    const path = file('empty.csv', 'x,a,b,FD,Total\na,1,0,3,4\nb,0,0,0,0\nVA,3,0,,\n');
    expect(inputError(() => loadIoTable(path))).toBe(`${path}:3:1: sector "b" is empty (total output 0); remove it or aggregate it with another sector`);
  });

  it('no recognisable sector block asks for a descriptor', () => {
    const path = file('nosq.csv', 'x,a,b,Total\nc,1,1,4\nd,1,1,4\n');
    expect(inputError(() => loadIoTable(path))).toMatch(/cannot find the square sector block.*--descriptor/);
  });

  it('a missing file and a Latin-1 file', () => {
    expect(inputError(() => loadIoTable(join(dir, 'nope.csv')))).toBe(`${join(dir, 'nope.csv')}: file not found`);
    const latin = Buffer.from('x,Agricultura,Pesca,Exportaciones,Producción\nAgricultura,1,1,2,4\nPesca,1,1,2,4\nValor agregado,2,2,,\n', 'latin1');
    const path = join(dir, 'latin1.csv');
    writeFileSync(path, latin);
    expect(loadIoTable(path).table.sectors).toEqual(['Agricultura', 'Pesca']);
  });

  it('shock files: unknown sector, bad value, missing column', () => {
    const sectors = ['Agriculture', 'Electricity'];
    expect(readShock(file('s1.csv', 'sector,value\nElectricity,10\nelectricity,5\n'), sectors)).toEqual([0, 15]);
    const s2 = file('s2.csv', 'sector,value\nElectricty,10\n');
    expect(inputError(() => readShock(s2, sectors))).toBe(`${s2}:2:1: unknown sector "Electricty" (the table's sectors: Agriculture, Electricity)`);
    const s3 = file('s3.csv', 'sector,value\nAgriculture,ten\n');
    expect(inputError(() => readShock(s3, sectors))).toBe(`${s3}:2:13: "ten" is not a number`);
    const s4 = file('s4.csv', 'sector,amount_usd\nAgriculture,1\n');
    expect(inputError(() => readShock(s4, sectors))).toMatch(/s4\.csv:1: missing column "value"/);
  });
});
