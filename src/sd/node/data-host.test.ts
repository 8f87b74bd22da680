/**
 * The data readers on the real files of the Vensim test suite and the bench models, read in place.
 * Each case compares what we extract with Vensim's own output.tab: straight from the column where
 * the model passes the value through (`var1[a,d]`), or through the one simple step the model
 * applies to it (a lookup called at Time, a data variable held or interpolated, ×10, a median).
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { InputError } from '../ir/diagnostics.js';
import { dropMissing, getConstants, getData, getLookups, getSubscript, parseFileTags } from '../data/index.js';
import { createNodeDataHost } from './data-host.js';

// The checkout's sibling ../shared, or ../../shared from a git worktree under <work>/wt/<name>.
const SHARED = [new URL('../../../../shared/', import.meta.url), new URL('../../../../../shared/', import.meta.url)]
  .map((u) => fileURLToPath(u)).find((d) => existsSync(join(d, 'sd-test-models'))) ?? fileURLToPath(new URL('../../../../shared/', import.meta.url));
const SUITE = join(SHARED, 'sd-test-models/tests');
const BENCH = join(SHARED, 'bench-models');

/** Vensim's output.tab: tab-separated, a header of names, blank cells where nothing was saved. */
function readTab(path: string): { times: number[]; col: (name: string) => number[] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t').map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
  const rows = lines.slice(1).map((l) => l.split('\t'));
  return {
    times: rows.map((r) => Number(r[0])),
    col(name: string): number[] {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`${path}: no column '${name}'`);
      return rows.map((r) => (r[i] === undefined || r[i]!.trim() === '' ? NaN : Number(r[i])));
    },
  };
}

/** A suite case: its data host and its Vensim output. */
function suiteCase(name: string) {
  const dir = join(SUITE, name);
  return { dir, host: createNodeDataHost(dir), out: existsSync(join(dir, 'output.tab')) ? readTab(join(dir, 'output.tab')) : undefined };
}

/** Vensim writes 6 significant digits. */
function expectClose(got: number, want: number, what: string): void {
  const tol = 1e-5 * Math.max(Math.abs(want), 1e-9);
  if (!(Math.abs(got - want) <= tol)) throw new Error(`${what}: got ${got}, Vensim has ${want}`);
}

/** `want` is a Vensim column; compare at every row where Vensim saved a value. */
function expectSeries(times: number[], want: number[], f: (t: number) => number, what: string): void {
  let compared = 0;
  times.forEach((t, k) => {
    if (Number.isNaN(want[k]!)) return;
    expectClose(f(t), want[k]!, `${what} at t=${t}`);
    compared++;
  });
  expect(compared).toBeGreaterThan(0);
}

// The three ways a data variable is filled between its points (x ascending, no gaps), and a
// lookup's linear interpolation, which Vensim holds flat beyond the ends.
function interpolate(x: Float64Array, y: Float64Array, t: number): number {
  if (t <= x[0]!) return y[0]!;
  for (let k = 1; k < x.length; k++) {
    if (t <= x[k]!) return y[k - 1]! + ((y[k]! - y[k - 1]!) * (t - x[k - 1]!)) / (x[k]! - x[k - 1]!);
  }
  return y[y.length - 1]!;
}
function holdBackward(x: Float64Array, y: Float64Array, t: number): number {
  let v = y[0]!;
  for (let k = 0; k < x.length && x[k]! <= t; k++) v = y[k]!;
  return v;
}
function lookForward(x: Float64Array, y: Float64Array, t: number): number {
  for (let k = 0; k < x.length; k++) if (x[k]! >= t) return y[k]!;
  return y[y.length - 1]!;
}

describe('data host on files written by the test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igem-data-host-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .xlsx cells: numbers stored as text, booleans, errors, sheet-scoped and global names', () => {
    const book = XLSX.utils.book_new();
    const a = XLSX.utils.aoa_to_sheet([['year', '2020', ' 2021 '], ['v', 1.5, true]]);
    a['D1'] = { t: 'e', v: 7, w: '#DIV/0!' };
    a['!ref'] = 'A1:D2';
    XLSX.utils.book_append_sheet(book, a, 'My data');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[9, 8]]), 'Other');
    book.Workbook = {
      Names: [
        { Name: 'times', Ref: "'My data'!$B$1:$C$1" },
        { Name: 'vals', Ref: "'My data'!$B$2:$C$2", Sheet: 0 },
        { Name: 'vals', Ref: 'Other!$A$1:$B$1', Sheet: 1 },
        { Name: 'broken', Ref: '#REF!' },
      ],
    };
    writeFileSync(join(dir, 'book.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const host = createNodeDataHost(dir);
    const s = host.readSheet('book.xlsx', 'my data');
    expect(s.label).toBe('book.xlsx!My data');
    expect([s.cell(0, 1), s.cell(0, 2), s.cell(1, 2), s.cell(0, 3), s.cell(5, 5)]).toEqual([2020, 2021, 1, '#DIV/0!', undefined]);
    const d = getData(s, 'times', 'vals', 1);
    expect([...d.times, ...d.values[0]!]).toEqual([2020, 2021, 1.5, 1]);
    expect([...getConstants(host.readSheet('book.xlsx', 'Other'), 'vals', [2])]).toEqual([9, 8]);
    expect(() => getConstants(s, 'broken', [])).toThrow(/book\.xlsx!My data: 'broken' is not a cell reference/);
    expect(() => getConstants(s, 'D1', [])).toThrow(/book\.xlsx!My data!D1: the cell holds text '#DIV\/0!'/);
  });

  it('reads the same cells whether or not the model announced its sheets first', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['t', 1, 2], ['x', 3, 4]]), 'One');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[5, 'six']]), 'Two');
    writeFileSync(join(dir, 'announced.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const plain = createNodeDataHost(dir);
    const told = createNodeDataHost(dir);
    told.expectSheets!('announced.xlsx', ['one']);
    told.expectSheets!('?nowhere.xlsx', ['x']); // a missing file is reported by the read, not here
    for (const tab of ['One', 'Two']) {
      const a = plain.readSheet('announced.xlsx', tab);
      const b = told.readSheet('announced.xlsx', tab);
      expect([b.rowCount, b.colCount]).toEqual([a.rowCount, a.colCount]);
      for (let r = 0; r < a.rowCount; r++) for (let c = 0; c < a.colCount; c++) expect(b.cell(r, c)).toEqual(a.cell(r, c));
    }
    expect(() => told.readSheet('?nowhere.xlsx', 'x')).toThrow(/data file not found/);
  });

  it('reads tab-separated text by default and prefers a tag\'s mapped path when it exists', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'in.txt'), 'time\t1\t2\n"x, y"\t"3"\t4\n');
    writeFileSync(join(dir, 'in.txt'), 'time\t1\t2\nx\t30\t40\n');
    const host = createNodeDataHost(dir, parseFileTags('30:?in.txt=sub\\in.txt'));
    const tagged = host.readSheet('?in.txt', '');
    expect(tagged.label).toBe('sub/in.txt');
    expect(tagged.cell(1, 0)).toBe('x, y');
    expect([...getData(tagged, '1', 'B2', 1).values[0]!]).toEqual([3, 4]);
    expect([...getData(host.readSheet('in.txt', '\\t'), '1', 'B2', 1).values[0]!]).toEqual([30, 40]);
    expect(() => host.readSheet('?missing.csv', ',')).toThrow(/\?missing\.csv: data file not found/);
  });
});

describe.skipIf(!existsSync(SUITE))('data host on the Vensim test suite (../shared/sd-test-models)', () => {
  it('get_constants_subranges: a vector across a row', () => {
    const { host, out } = suiteCase('get_constants_subranges');
    // constant[dim1c] = GET DIRECT CONSTANTS('inputs.xlsx', 'Sheet1', 'A1'), dim1c: C, D, E
    const v = getConstants(host.readSheet('inputs.xlsx', 'Sheet1'), 'A1', [3]);
    ['C', 'D', 'E'].forEach((e, i) => expectClose(v[i]!, out!.col(`constant[${e}]`)[0]!, `constant[${e}]`));
  });

  it('get_constants_incomplete_subscript (.xls): scalar, 2-D down×across, and a fixed element ignored', () => {
    const { host, out } = suiteCase('get_constants_incomplete_subscript');
    const tab1 = host.readSheet('inputs.xls', 'tab1');
    expectClose(getConstants(tab1, 'B11', [])[0]!, out!.col('adimensional const')[0]!, 'adimensional const');
    // var[dim, dim2] from B5: dim (a, b, c) down the rows, dim2 (female, male) across.
    const v = getConstants(tab1, 'B5', [3, 2]);
    ['a', 'b', 'c'].forEach((d, i) =>
      ['female', 'male'].forEach((g, j) => expectClose(v[i * 2 + j]!, out!.col(`var[${d},${g}]`)[0]!, `var[${d},${g}]`)),
    );
    // var only women[dim, female] from B2: female is one element, so Vensim reads across row 2.
    const w = getConstants(tab1, 'B2', [3, 1]);
    ['a', 'b', 'c'].forEach((d, i) => expectClose(w[i]!, out!.col(`var only women[${d},female]`)[0]!, d));
  });

  it("get_mixed_definitions: '*' on a cell and on named ranges, named time and data ranges", () => {
    const { host, out } = suiteCase('get_mixed_definitions');
    const s1 = host.readSheet('input.xlsx', 'Sheet1');
    const s2 = host.readSheet('input.xlsx', 'Sheet2');
    const col0 = (n: string) => out!.col(n)[0]!;
    // Variable[ext const, DimAB] = GET DIRECT CONSTANTS(…, 'C8*'); Variable 10 = Variable*10
    const c = getConstants(s1, 'C8*', [1, 2]);
    expectClose(c[0]! * 10, col0('Variable 10[ext const,A]'), 'ext const A');
    expectClose(c[1]! * 10, col0('Variable 10[ext const,B]'), 'ext const B');
    // Variable[ext data, DimAB] :INTERPOLATE: = GET DIRECT DATA(…, '4', 'C5')
    const d = getData(s1, '4', 'C5', 2);
    ['A', 'B'].forEach((e, i) =>
      expectSeries(out!.times, out!.col(`Variable 10[ext data,${e}]`), (t) => 10 * interpolate(d.times, d.values[i]!, t), e),
    );
    expectClose(getConstants(s2, 'var_d1*', [])[0]!, col0('const var 1[d1]'), 'var_d1*');
    expectClose(getConstants(s2, 'var_d3', [])[0]!, col0('const var 1[d3]'), 'var_d3');
    // const var 2[dim, a2] = GET DIRECT CONSTANTS(…, 'var_dim*'): a column of 4
    const v = getConstants(s2, 'var_dim*', [4, 1]);
    ['d1', 'd2', 'd3', 'd4'].forEach((e, i) => expectClose(v[i]!, col0(`const var 2[${e},a2]`), e));
    // data var 2[dim, a2] := GET DIRECT DATA(…, 'time', 'data_dim'); outdata 2 = data var 2
    const dd = getData(s2, 'time', 'data_dim', 4);
    ['d1', 'd2', 'd3', 'd4'].forEach((e, i) =>
      expectSeries(out!.times, out!.col(`outdata 2[${e},a2]`), (t) => interpolate(dd.times, dd.values[i]!, t), e),
    );
    const d1 = getData(s2, 'time', 'data_d1', 1);
    expectSeries(out!.times, out!.col('outdata 1[d1]'), (t) => interpolate(d1.times, d1.values[0]!, t), 'data_d1');
  });

  it('get_subscript_3d_arrays_xls: element names from cells, and a 3-D variable read as 2-D blocks', () => {
    const { host, out } = suiteCase('get_subscript_3d_arrays_xls');
    const s = host.readSheet('input.xls', 'Sheet1');
    const depth = getSubscript(s, 'C3', 'D3', 'Depth');
    const entry = getSubscript(s, 'B4', 'B6', 'Entry');
    expect(depth).toEqual(['Depth1', 'Depth2']);
    expect(entry).toEqual(['Entry1', 'Entry2', 'Entry3']);
    for (const [column, cell] of [['Column1', 'C4'], ['Column2', 'E4']] as const) {
      const v = getConstants(s, cell, [3, 1, 2]);
      entry.forEach((e, i) =>
        depth.forEach((d, j) => {
          const name = `Three Dimensional Constant[${e},${column},${d}]`; // the names prove the subscripts too
          expectClose(v[i * 2 + j]!, out!.col(name)[0]!, name);
        }),
      );
    }
  });

  it('get_values_order: named ranges read in the order of the left-hand side (a subrange t3, t1)', () => {
    const { host, out } = suiteCase('get_values_order');
    const s = host.readSheet('inputs.xlsx', 'Sheet1');
    const v1 = getConstants(s, 'var1all*', [4]);
    ['t1', 't2', 't3', 't4'].forEach((e, i) => expectClose(v1[i]!, out!.col(`var1[${e}]`)[0]!, e));
    const v4 = getConstants(s, 'var4subdim*', [2]);
    expectClose(v4[0]!, out!.col('var4[t3]')[0]!, 'var4[t3]');
    expectClose(v4[1]!, out!.col('var4[t1]')[0]!, 'var4[t1]');
    for (const e of ['t1', 't2', 't3', 't4']) {
      expectClose(getConstants(s, `var2${e}`, [])[0]!, out!.col(`var2[${e}]`)[0]!, `var2[${e}]`);
    }
  });

  it('with_lookup: a 3×3 named range', () => {
    const { host, out } = suiteCase('with_lookup');
    const v = getConstants(host.readSheet('inputs.xlsx', 'tab1'), 'var1_', [3, 3]);
    ['a', 'b', 'c'].forEach((r, i) =>
      ['d', 'e', 'f'].forEach((c, j) => expectClose(v[i * 3 + j]!, out!.col(`var1[${r},${c}]`)[0]!, `var1[${r},${c}]`)),
    );
  });

  it('get_xls_cellrange: named ranges on two sheets, horizontal and vertical', () => {
    const { host, out } = suiteCase('get_xls_cellrange');
    const g = host.readSheet('inputs.xlsx', 'Global');
    const l = host.readSheet('inputs.xlsx', 'Local');
    const dims = ['A', 'B', 'C', 'D', 'E', 'F'];
    const cases = [
      { sheet: g, value: 'value1', time: 'Time1', values: 'value1', final: 'final1' },
      { sheet: l, value: 'value2', time: 'Time2', values: 'value2', final: 'final2' },
      { sheet: g, value: 'valuev*', time: 'Timev', values: 'valuev', final: 'finalv' },
    ];
    for (const c of cases) {
      const value = getConstants(c.sheet, c.value, [6]);
      const name = c.value.replace('*', '');
      dims.forEach((d, i) => expectClose(value[i]!, out!.col(`${name}[${d}]`)[0]!, `${name}[${d}]`));
      // final[dim] = value[dim] + 10*data - 100*lookup(Time), data and lookup from the same cells
      const data = getData(c.sheet, c.time, c.values, 1);
      const look = getLookups(c.sheet, c.time, c.values, 1);
      dims.forEach((d, i) =>
        expectSeries(
          out!.times,
          out!.col(`${c.final}[${d}]`),
          (t) => value[i]! + 10 * interpolate(data.times, data.values[0]!, t) - 100 * interpolate(look.x, look.values[0]!, t),
          `${c.final}[${d}]`,
        ),
      );
    }
  });

  it('get_with_missing_values_xlsx: blank values and blank or text times are skipped, as Vensim does', () => {
    const { host, out } = suiteCase('get_with_missing_values_xlsx');
    const s = host.readSheet('input.xlsx', 'Hoja1');
    const fill = { interp: interpolate, hb: holdBackward, lf: lookForward };
    // data *2[dim] / *1 from GET XLS DATA('input.xlsx', 'Hoja1', '1', 'C5'): gaps inside the values
    const two = getData(s, '1', 'C5', 2);
    expect(two.values[0]!.some(Number.isNaN)).toBe(true);
    // *3 and *4: time rows 8 (a blank time) and 10 (the text 'nonvalid') over the values in row 9
    const three = getData(s, '8', 'A9', 1);
    const four = getData(s, '10', 'A9', 1);
    expect(three.times).toHaveLength(8);
    expect(four.times).toHaveLength(8);
    for (const [kind, f] of Object.entries(fill)) {
      ['A', 'B'].forEach((e, i) => {
        const p = dropMissing(two.times, two.values[i]!);
        expectSeries(out!.times, out!.col(`out data ${kind}2[${e}]`), (t) => f(p.x, p.y, t), `${kind}2[${e}]`);
      });
      const p1 = dropMissing(two.times, two.values[0]!);
      expectSeries(out!.times, out!.col(`out data ${kind}1`), (t) => f(p1.x, p1.y, t), `${kind}1`);
      for (const [n, d] of [['3', three], ['4', four]] as const) {
        const p = dropMissing(d.times, d.values[0]!);
        expectSeries(out!.times, out!.col(`out data ${kind}${n}`), (t) => f(p.x, p.y, t), `${kind}${n}`);
      }
    }
    for (const [n, row] of [['3', '8'], ['4', '10']] as const) {
      const look = getLookups(s, row, 'A9', 1);
      const p = dropMissing(look.x, look.values[0]!);
      expectSeries(out!.times, out!.col(`out lookup${n}`), (t) => interpolate(p.x, p.y, t), `lookup${n}`);
    }
  });

  it('get_lookups_subscripted_args and get_lookups_data_3d_xls: lookups called at Time', () => {
    for (const name of ['get_lookups_subscripted_args', 'get_lookups_data_3d_xls']) {
      const { host, out } = suiteCase(name);
      const s = host.readSheet('input.xls', 'Sheet1');
      // lookup 3d[A, Rows] from C5 and lookup 3d[B, Rows] from C7; times across row 4
      const a = getLookups(s, '4', 'C5', 2);
      const b = getLookups(s, '4', 'C7', 2);
      const column = name === 'get_lookups_data_3d_xls' ? 'lookup call' : 'lookup 3d time';
      for (const [dim, l] of [['A', a], ['B', b]] as const) {
        ['Row1', 'Row2'].forEach((r, i) =>
          expectSeries(out!.times, out!.col(`${column}[${dim},${r}]`), (t) => interpolate(l.x, l.values[i]!, t), `${name} ${dim},${r}`),
        );
      }
      if (name === 'get_lookups_subscripted_args') {
        expectSeries(out!.times, out!.col('lookup 1d time'), (t) => interpolate(a.x, a.values[0]!, t), 'lookup 1d time');
      }
    }
  });

  it('get_data_args_3d_xls: data held backward / looked forward, integrated by Euler as the model does', () => {
    const { host, out } = suiteCase('get_data_args_3d_xls');
    const s = host.readSheet('input.xls', 'Sheet1');
    const dt = 0.5;
    for (const [dim, cell] of [['A', 'C5'], ['B', 'C7']] as const) {
      const d = getData(s, '4', cell, 2);
      for (const [stock, f] of [['accumulation backward', holdBackward], ['accumulation forward', lookForward]] as const) {
        ['Row1', 'Row2'].forEach((r, i) => {
          const want = out!.col(`${stock}[${dim},${r}]`);
          let level = 0;
          out!.times.forEach((t, k) => {
            expectClose(level, want[k]!, `${stock}[${dim},${r}] at t=${t}`);
            level += dt * f(d.times, d.values[i]!, t);
          });
        });
      }
    }
  });

  it('partial_range_definitions: single cells, one row of data and of lookups each', () => {
    const { host, out } = suiteCase('partial_range_definitions');
    const s = host.readSheet('inputs.xlsx', 'Sheet1');
    expectClose(getConstants(s, 'B2', [])[0]!, out!.col('partial constants[B]')[0]!, 'B2');
    expectClose(getConstants(s, 'D3', [])[0]!, out!.col('partial constants[A]')[0]!, 'D3');
    for (const [elem, cell] of [['D', 'A2'], ['A', 'A3']] as const) {
      const d = getData(s, '1', cell, 1);
      expectSeries(out!.times, out!.col(`data[${elem}]`), (t) => interpolate(d.times, d.values[0]!, t), `data[${elem}]`);
    }
    for (const [elem, cell] of [['A', 'A2'], ['B', 'A3']] as const) {
      const l = getLookups(s, '1', cell, 1);
      expectSeries(out!.times, out!.col(`partial call[${elem}]`), (t) => interpolate(l.x, l.values[0]!, t), elem);
    }
  });

  it('vector_order: raw data by named ranges; the median of 5 companies matches Vensim', () => {
    const { host, out } = suiteCase('vector_order');
    const s = host.readSheet('input.xlsx', 'Sheet1');
    const median = (d: { times: Float64Array; values: Float64Array[] }, t: number) => {
      const k = d.times.indexOf(t);
      return d.values.map((v) => v[k]!).sort((x, y) => x - y)[2]!;
    };
    const all = getData(s, 'time_index', 'revenue', 5);
    expectSeries(out!.times, out!.col('median revenue'), (t) => median(all, t), 'median revenue');
    for (const r of ['A', 'B', 'C']) {
      const d = getData(s, 'time_index', `revenue_${r}`, 5);
      // revenue2B[r, company] := GET DIRECT DATA(…, 'time_index', 'revenue_r'); VECTOR SORT ORDER runs
      // over the last subscript (company), so median revenue2B[r] is the median of the 5 rows.
      expectSeries(out!.times, out!.col(`median revenue2B[${r}]`), (t) => median(d, t), `median revenue2B[${r}]`);
    }
  });

  it('get_data and get_constants: CSV with padded fields equals the .xlsx with a Tamil sheet name', () => {
    const data = suiteCase('get_data').host;
    const csvDown = getData(data.readSheet('data down.csv', ','), 'A', 'B2', 3);
    const xlsDown = getData(data.readSheet('data down.xlsx', 'தாள்'), 'A', 'B2', 3);
    const csvAcross = getData(data.readSheet('data across.csv', ','), '1', 'B2', 3);
    expect([...csvDown.times]).toEqual([1, 2, 3]);
    expect(csvDown.values.map((v) => [...v])).toEqual([
      [1, 4, 7],
      [2, 5, 8],
      [3, 6, 9],
    ]);
    expect(xlsDown).toEqual(csvDown);
    expect([...csvAcross.times]).toEqual([1, 2, 3]);
    expect(csvAcross.values.map((v) => [...v])).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(getData(data.readSheet('data across.xlsx', 'தாள்'), '1', 'B2', 3)).toEqual(csvAcross);
    const consts = suiteCase('get_constants').host;
    expect([...getConstants(consts.readSheet('data down.csv', ','), 'A2', [3])]).toEqual([1, 2, 3]);
    expect([...getConstants(consts.readSheet('data.xlsx', 'தாள்'), 'A2*', [3])]).toEqual([1, 4, 7]);
    // The models name 'data.xls' and 'data down.xls', which the suite does not ship.
    expect(() => consts.readSheet('data.xls', 'தாள்')).toThrow(InputError);
    expect(() => data.readSheet('data down.xls', 'தாள்')).toThrow(/data down\.xls: data file not found/);
  });

  it('names the workbook and lists its sheets when a sheet is missing; parses each file once', () => {
    const { host } = suiteCase('get_xls_cellrange');
    expect(() => host.readSheet('inputs.xlsx', 'Nope')).toThrow(/inputs\.xlsx!Nope: no sheet named 'Nope'; the workbook has: Global, Local/);
    expect(host.readSheet('inputs.xlsx', 'global')).toBe(host.readSheet('inputs.xlsx', 'Global'));
    expect(host.readSheet('inputs.xlsx', 'Global').label).toBe('inputs.xlsx!Global');
  });
});

const PYMEDEAS = join(BENCH, 'pymedeas_w/models/pymedeas_w/pymedeas_w.mdl');
const SDGS = join(BENCH, 'felix/sdgs45/FeliX3_SDGs_v45.mdl');

/** Equations of a .mdl (before the sketch), with line continuations joined; for finding GET calls. */
function equations(mdl: string): string[] {
  const text = readFileSync(mdl, 'utf8').replace(/\r/g, '').split('\\\\\\---///')[0]!;
  return text.replace(/\\\n\s*/g, '').split('|').map((e) => e.split('~')[0]!);
}

/** Every GET DIRECT/XLS call: its kind, its quoted arguments and its left-hand side. */
function getCalls(mdl: string) {
  const calls: { kind: string; args: string[]; lhs: string }[] = [];
  for (const eq of equations(mdl)) {
    const m = /GET[ _](?:DIRECT|XLS)[ _](CONSTANTS|DATA|LOOKUPS)\s*\(([^)]*)\)/i.exec(eq);
    if (!m) continue;
    calls.push({ kind: m[1]!.toUpperCase(), args: [...m[2]!.matchAll(/'([^']*)'/g)].map((a) => a[1]!), lhs: eq.slice(0, m.index) });
  }
  return calls;
}

describe.skipIf(!existsSync(PYMEDEAS))('data host on MEDEAS World (pymedeas_w, tagged files)', () => {
  const raw = existsSync(PYMEDEAS) ? readFileSync(PYMEDEAS, 'utf8') : '';
  const tags = parseFileTags(raw);
  const host = createNodeDataHost(dirname(PYMEDEAS), tags);

  it('finds both tagged workbooks, the Windows-mapped one through its tag', () => {
    expect(tags.get('inputs_w.xlsx')).toBe('inputs_w.xlsx');
    expect(tags.get('../../scenarios/scen_w.xlsx')).toMatch(/^Z:\\CREAF/);
    expect(host.readSheet('?inputs_w.xlsx', 'Parameters').label).toBe('inputs_w.xlsx!Parameters');
    expect(host.readSheet('?../../scenarios/scen_w.xlsx', 'User scenario').label).toBe('../../scenarios/scen_w.xlsx!User scenario');
  });

  it('reads the first cell or series of every one of its 2,713 GET DIRECT calls', () => {
    const calls = getCalls(PYMEDEAS);
    expect(calls.length).toBe(2713);
    for (const c of calls) {
      const sheet = host.readSheet(c.args[0]!, c.args[1]!);
      if (c.kind === 'CONSTANTS') expect(Number.isFinite(getConstants(sheet, c.args[2]!, [])[0])).toBe(true);
      else (c.kind === 'DATA' ? getData : getLookups)(sheet, c.args[2]!, c.args[3]!, 1);
    }
  });

  it('matches Vensim at 1995 for the 116 constants default_out.tab shows straight from inputs_w.xlsx', () => {
    const out = readTab(join(BENCH, 'pymedeas_w/expected/default_out.tab'));
    const norm = (s: string) => s.replace(/"/g, '').replace(/\s+/g, ' ').replace(/\s*([[\],])\s*/g, '$1').trim().toLowerCase();
    const header = readFileSync(join(BENCH, 'pymedeas_w/expected/default_out.tab'), 'utf8').split(/\r?\n/)[0]!.split('\t');
    const byName = new Map(header.map((h) => [norm(h), h]));
    let compared = 0;
    for (const eq of equations(PYMEDEAS)) {
      const m = /^\s*([^=(]+?)\s*=\s*GET DIRECT CONSTANTS\s*\(([^)]*)\)\s*$/s.exec(eq);
      const column = m && byName.get(norm(m[1]!));
      if (!m || !column) continue;
      const [file, tab, cell] = [...m[2]!.matchAll(/'([^']*)'/g)].map((a) => a[1]!);
      expectClose(getConstants(host.readSheet(file!, tab!), cell!, [])[0]!, out.col(column)[0]!, column);
      compared++;
    }
    expect(compared).toBe(116);
  });
});

describe.skipIf(!existsSync(SDGS))('data host on FeliX SDGs v45 (GET XLS)', () => {
  it("reads the first cell or series of all 137 GET XLS calls, lower-case and '*' cells included", () => {
    const host = createNodeDataHost(dirname(SDGS));
    const calls = getCalls(SDGS);
    expect(calls.length).toBe(137);
    for (const c of calls) {
      const sheet = host.readSheet(c.args[0]!, c.args[1]!);
      if (c.kind === 'CONSTANTS') expect(Number.isFinite(getConstants(sheet, c.args[2]!, [])[0])).toBe(true);
      else (c.kind === 'DATA' ? getData : getLookups)(sheet, c.args[2]!, c.args[3]!, 1);
    }
    // Mortality Lookups[Cohorts]( GET XLS LOOKUPS('InitialValues.xlsx','ModifiedW3Lookups','A','B2') ): x down column A
    const look = getLookups(host.readSheet('InitialValues.xlsx', 'ModifiedW3Lookups'), 'A', 'B2', 1);
    expect(look.x.length).toBeGreaterThan(1);
  });
});
