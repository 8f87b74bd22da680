/**
 * Reads a person-level survey file into a Survey through a descriptor. CSV/TSV/XLSX go through the
 * project's grid readers (src/econ/io/read-grid.ts); SPSS .sav through the `sav-reader` package;
 * Stata .dta has no well-kept npm reader, so it is refused with advice to export CSV.
 * Column names match without regard to case (INEI's .sav files use upper case, .dta lower case).
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, type Cell, type Grid } from '../io/grid.js';
import { readBytes, readGrid, readJson } from '../io/read-grid.js';
import { columnsOf, parseDescriptor, type Descriptor, type FieldName, type FieldSpec } from './descriptor.js';
import { allocateSurvey, AREAS, SEXES, STATUSES, type Survey } from './types.js';

/** Records above this count are refused before anything is allocated for them. */
export const MAX_RECORDS = 5_000_000;

export function loadDescriptor(path: string): Descriptor {
  return parseDescriptor(readJson(path), path);
}

/** A number-like code in its plain form ("01", "1.0" and 1 all read "1"); other text trimmed. */
export function normalizeCode(cell: Cell | undefined): string {
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  const t = cellText(cell);
  if (/^[+-]?\d+(\.0*)?$/.test(t)) return String(Number.parseInt(t, 10));
  return t;
}

function sliceText(spec: FieldSpec, raw: Cell | undefined): string {
  let t = spec.pad !== undefined ? normalizeCode(raw) : cellText(raw);
  if (t !== '' && spec.pad !== undefined && /^\d+$/.test(t)) t = t.padStart(spec.pad, '0');
  if (spec.slice) t = t.slice(spec.slice[0], spec.slice[1]);
  return t;
}

function numberOf(raw: Cell | undefined, where: string): number {
  if (typeof raw === 'number') return raw;
  const t = cellText(raw);
  if (t === '') return NaN;
  const v = Number(t.replace(',', '.'));
  if (!Number.isFinite(v)) throw new InputError(where, { en: `"${t}" is not a number`, es: `"${t}" no es un número` });
  return v;
}

/** Reads the file's cells as a grid, whatever the format. */
export async function readSurveyGrid(path: string): Promise<Grid> {
  const ext = extname(path).toLowerCase();
  if (ext === '.dta') {
    throw new InputError(path, { en: 'Stata .dta files cannot be read: no well-kept Stata reader exists on npm. Export the file to CSV (in Stata: export delimited using file.csv, nolabel) and load the CSV with the same descriptor', es: 'los archivos Stata .dta no se pueden leer: no existe en npm un lector de Stata bien mantenido. Exporte el archivo a CSV (en Stata: export delimited using file.csv, nolabel) y cargue el CSV con el mismo descriptor' });
  }
  if (ext === '.sav' || ext === '.zsav') return readSav(path);
  return readGrid(path);
}

interface SavReaderLike {
  open(): Promise<void>;
  meta: { header: { n_cases: number }; sysvars: { name: string }[] };
  readAllRows(includeNulls?: boolean): Promise<Record<string, unknown>[]>;
}

async function readSav(path: string): Promise<Grid> {
  // sav-reader is CommonJS only.
  const { SavBufferReader } = createRequire(import.meta.url)('sav-reader') as { SavBufferReader: new (b: Buffer) => SavReaderLike };
  const reader = new SavBufferReader(Buffer.from(readBytes(path)));
  try {
    await reader.open();
  } catch (err) {
    throw new InputError(path, { en: `not a readable SPSS .sav file (${err instanceof Error ? err.message : String(err)})`, es: `no es un archivo SPSS .sav legible (${err instanceof Error ? err.message : String(err)})` });
  }
  const names = reader.meta.sysvars.map((v) => v.name);
  if (reader.meta.header.n_cases > MAX_RECORDS) throw new InputError(path, { en: `${reader.meta.header.n_cases} cases exceed the limit of ${MAX_RECORDS}`, es: `${reader.meta.header.n_cases} casos superan el límite de ${MAX_RECORDS}` });
  const rows: Cell[][] = [names];
  for (const rec of await reader.readAllRows(true)) {
    rows.push(names.map((n) => {
      const v = rec[n];
      // SPSS system-missing is −DBL_MAX.
      if (typeof v === 'number') return v <= -1.7976931348623157e308 ? null : v;
      return typeof v === 'string' ? v : null;
    }));
  }
  // sav-reader 2.0.8 stops early on some bytecode-compressed files: never pass on a short read.
  const expected = reader.meta.header.n_cases;
  if (expected >= 0 && rows.length - 1 !== expected) {
    throw new InputError(path, { en: `the SPSS reader (sav-reader) read ${rows.length - 1} of the file's ${expected} cases, so the file cannot be used as it is: save it uncompressed from SPSS/PSPP (or with haven::write_sav(compress = "none")) or export it to CSV and load the CSV with the same descriptor`, es: `el lector de SPSS (sav-reader) leyó ${rows.length - 1} de los ${expected} casos del archivo, así que no se puede usar tal como está: guárdelo sin compresión desde SPSS/PSPP (o con haven::write_sav(compress = "none")) o expórtelo a CSV y cargue el CSV con el mismo descriptor` });
  }
  return { source: path, rows, where: (r, c) => `${path}: case ${r}, variable ${names[c] ?? c + 1}` };
}

export async function readSurvey(path: string, descriptor: Descriptor): Promise<Survey> {
  return surveyFromGrid(await readSurveyGrid(path), descriptor);
}

/** Builds the Survey from a grid whose first row names the columns. */
export function surveyFromGrid(grid: Grid, d: Descriptor): Survey {
  const src = grid.source;
  if (grid.rows.length === 0) throw new InputError(src, { en: 'the file is empty', es: 'el archivo está vacío' });
  if (grid.rows.length - 1 > MAX_RECORDS) throw new InputError(src, { en: `${grid.rows.length - 1} records exceed the limit of ${MAX_RECORDS}`, es: `${grid.rows.length - 1} registros superan el límite de ${MAX_RECORDS}` });
  const header = grid.rows[0].map((c) => cellText(c).toUpperCase());
  const col = new Map<string, number>();
  header.forEach((h, i) => { if (!col.has(h)) col.set(h, i); });
  const missingCols = columnsOf(d).filter((c) => !col.has(c.toUpperCase()));
  if (missingCols.length > 0) {
    throw new InputError(`${src}:1`, { en: `wrong layout for descriptor ${d.path}: no column ${missingCols.map((c) => `"${c}"`).join(', ')} (the file has: ${grid.rows[0].slice(0, 40).map(cellText).join(', ')}${header.length > 40 ? ', …' : ''})`, es: `estructura incorrecta para el descriptor ${d.path}: no hay columna ${missingCols.map((c) => `"${c}"`).join(', ')} (el archivo tiene: ${grid.rows[0].slice(0, 40).map(cellText).join(', ')}${header.length > 40 ? ', …' : ''})` });
  }
  const idx = (name: string): number => col.get(name.toUpperCase())!;
  const synthetic = d.synthetic === true || col.has('SYNTHETIC');

  // Records kept by the filter (e.g. only the employed).
  const keep: number[] = [];
  const fIdx = d.filter ? idx(d.filter.var) : -1;
  const fSet = new Set(d.filter?.in.map(normalizeCode));
  for (let r = 1; r < grid.rows.length; r++) {
    if (fIdx < 0 || fSet.has(normalizeCode(grid.rows[r][fIdx]))) keep.push(r);
  }
  const s = allocateSurvey(keep.length, src, d.year, synthetic);
  const fieldWhere = (r: number, c: number, field: string): string => `${grid.where(r, c)} (field ${field})`;

  const text = (field: FieldName, out: string[]): void => {
    const spec = d.fields[field];
    if (!spec?.var) return;
    const c = idx(spec.var);
    keep.forEach((r, i) => {
      const raw = grid.rows[r][c];
      const code = normalizeCode(raw);
      if (spec.missing?.includes(code)) return;
      let t = sliceText(spec, raw);
      if (spec.codes && t !== '') {
        const mapped = spec.codes[code] ?? spec.codes[t];
        if (mapped === undefined) throw new InputError(fieldWhere(r, c, field), { en: `code "${t}" is not in the descriptor's code list for ${spec.var}`, es: `el código "${t}" no está en la lista de códigos del descriptor para ${spec.var}` });
        t = mapped;
      }
      out[i] = t;
    });
  };
  const coded = (field: FieldName, values: readonly string[], out: Int8Array): void => {
    const spec = d.fields[field];
    if (!spec?.var) return;
    if (!spec.codes) throw new InputError(`${d.path}: fields.${field}`, { en: `needs "codes" mapping the file's codes to ${values.join(', ')}`, es: `necesita "codes", que asigne los códigos del archivo a ${values.join(', ')}` });
    for (const [k, v] of Object.entries(spec.codes)) {
      if (!values.includes(v)) throw new InputError(`${d.path}: fields.${field}.codes.${k}`, { en: `"${v}" is not one of ${values.join(', ')}`, es: `"${v}" no es uno de ${values.join(', ')}` });
    }
    const c = idx(spec.var);
    keep.forEach((r, i) => {
      const code = normalizeCode(grid.rows[r][c]);
      if (code === '' || spec.missing?.includes(code)) return;
      const v = spec.codes![code];
      if (v === undefined) throw new InputError(fieldWhere(r, c, field), { en: `code "${code}" is not in the descriptor's code list for ${spec.var} (known: ${Object.keys(spec.codes!).join(', ')})`, es: `el código "${code}" no está en la lista de códigos del descriptor para ${spec.var} (conocidos: ${Object.keys(spec.codes!).join(', ')})` });
      out[i] = values.indexOf(v);
    });
  };
  const yesNo = (field: FieldName, out: Int8Array): void => {
    const spec = d.fields[field];
    if (!spec) return;
    const yes = new Set(spec.yes?.map(normalizeCode));
    const no = spec.no ? new Set(spec.no.map(normalizeCode)) : undefined;
    if (spec.anyOf) {
      const cols = spec.anyOf.map(idx);
      keep.forEach((r, i) => { out[i] = cols.some((c) => yes.has(normalizeCode(grid.rows[r][c]))) ? 1 : 0; });
      return;
    }
    if (!spec.var || !spec.yes) throw new InputError(`${d.path}: fields.${field}`, { en: 'a yes/no field needs "var" and "yes" (and usually "no")', es: 'un campo sí/no necesita "var" y "yes" (y normalmente "no")' });
    const c = idx(spec.var);
    keep.forEach((r, i) => {
      const code = normalizeCode(grid.rows[r][c]);
      if (code === '' || spec.missing?.includes(code)) return;
      if (yes.has(code)) out[i] = 1;
      else if (!no || no.has(code)) out[i] = 0;
      else throw new InputError(fieldWhere(r, c, field), { en: `code "${code}" is neither a yes (${spec.yes!.join(', ')}) nor a no (${spec.no!.join(', ')}) code for ${spec.var}`, es: `el código "${code}" no es un código de sí (${spec.yes!.join(', ')}) ni de no (${spec.no!.join(', ')}) para ${spec.var}` });
    });
  };
  const numeric = (field: FieldName, out: Float64Array): void => {
    const spec = d.fields[field];
    if (!spec) return;
    const cols = (spec.sum ?? [spec.var!]).map(idx);
    const div = spec.divide ?? 1;
    keep.forEach((r, i) => {
      let total = 0;
      let any = false;
      for (const c of cols) {
        const raw = grid.rows[r][c];
        if (spec.missing?.includes(normalizeCode(raw))) continue;
        const v = numberOf(raw, fieldWhere(r, c, field));
        if (!Number.isNaN(v)) { total += v; any = true; }
      }
      out[i] = any ? total / div : NaN;
    });
  };

  keep.forEach((r, i) => { s.line[i] = r + 1; });
  text('activity', s.activity);
  text('occupation', s.occupation);
  text('firmSize', s.firmSize);
  text('region', s.region);
  text('stratum', s.stratum);
  text('psu', s.psu);
  coded('status', STATUSES, s.status);
  coded('sex', SEXES, s.sex);
  coded('area', AREAS, s.area);
  yesNo('contract', s.contract);
  yesNo('pension', s.pension);
  yesNo('health', s.health);
  yesNo('informal', s.informal);
  numeric('hours', s.hours);
  numeric('income', s.income);
  numeric('age', s.age);
  numeric('weight', s.weight);
  if (d.fields.fpc) { s.fpc = new Float64Array(keep.length); numeric('fpc', s.fpc); }

  // Design variables must be present on every kept record.
  const wCol = idx(d.fields.weight!.var ?? d.fields.weight!.sum![0]);
  keep.forEach((r, i) => {
    const w = s.weight[i];
    if (Number.isNaN(w)) throw new InputError(fieldWhere(r, wCol, 'weight'), { en: 'missing survey weight', es: 'falta el peso muestral' });
    if (w < 0) throw new InputError(fieldWhere(r, wCol, 'weight'), { en: `negative survey weight ${w}`, es: `peso muestral negativo ${w}` });
    if (s.stratum[i] === '') throw new InputError(fieldWhere(r, idx(d.fields.stratum!.var!), 'stratum'), { en: 'missing stratum', es: 'falta el estrato' });
    if (s.psu[i] === '') throw new InputError(fieldWhere(r, idx(d.fields.psu!.var!), 'psu'), { en: 'missing primary sampling unit', es: 'falta la unidad primaria de muestreo' });
  });
  if (d.replicates) {
    const weights = d.replicates.vars.map((v) => {
      const c = idx(v);
      const out = new Float64Array(keep.length);
      keep.forEach((r, i) => {
        const w = numberOf(grid.rows[r][c], fieldWhere(r, c, `replicate ${v}`));
        if (Number.isNaN(w)) throw new InputError(fieldWhere(r, c, `replicate ${v}`), { en: 'missing replicate weight', es: 'falta el peso replicado' });
        out[i] = w;
      });
      return out;
    });
    const R = weights.length;
    s.replicates = { weights, type: d.replicates.type, scale: d.replicates.scale, rscales: d.replicates.rscales ?? new Array<number>(R).fill(1), mse: d.replicates.mse ?? false };
  }
  return s;
}
