/**
 * A direct reader for the common shape of an .xlsx workbook: the cells of a worksheet as one
 * scan over its XML text, instead of SheetJS's general parse (regular expressions, a cell object
 * with formatted text per cell, then a copy into rows). MEDEAS's 2.7 MB economy sheet was most of
 * its compile's workbook time.
 *
 * It reads what SheetJS reads with the options `readWorkbook` gives it (cached values, number
 * formats only to recognise dates) and gives up, returning undefined, on anything it does not
 * handle the same way: inline strings, `t="d"` cells, cells or rows without a reference, character
 * references where SheetJS's decoding order differs, CDATA, unknown cell types or markup.
 * `readWorkbook` then falls back to SheetJS for that sheet (or the whole workbook), so the cells
 * are the same either way; workbook.test.ts compares the two on every workbook it can find.
 * Format reference: ECMA-376 Part 1, 18.2 (workbook), 18.3.1 (sheet data), 18.4 (shared strings),
 * 18.8 (styles: cellXfs, numFmts).
 */
import type * as XLSX from '@e965/xlsx';
import { lazyPackage } from '../ir/lazy-package.js';
import { DateCell, ErrorCell, type RawCell } from './raw-cell.js';
import { plainBuiltInFormat, plainNumberFormat } from './plain-number-format.js';

/** SheetJS, loaded at the first workbook read: a model without workbooks never needs it (src/sd/ir/lazy-package.ts). */
export const sheetJs = lazyPackage<typeof XLSX>('@e965/xlsx');
/**
 * SheetJS's number-format code (SSF), for telling date formats apart: the core build carries the
 * same SSF without the code-page tables the full build loads (about 90 ms cold), which the direct
 * reader never needs; the full build is loaded only when SheetJS itself reads a workbook. Asked
 * only about formats plainNumberFormat does not clear: a workbook of plain formats never loads it.
 */
const ssfHost = lazyPackage<typeof XLSX>('@e965/xlsx/dist/xlsx.core.min.js');

export interface DirectWorkbook {
  sheetNames: string[];
  date1904: boolean;
  names: { name: string; ref: string; scope: number | undefined }[];
  /** The sheet's cells as rows (holes are empty), or undefined when this reader cannot read it the way SheetJS does. */
  sheet(name: string): RawCell[][] | undefined;
}

/**
 * Parts of the zip by name, inflated (and checked) by the guard when first got: `has` inflates
 * nothing, and a worksheet part is got only when its sheet is read, naming the sheet (a Map of
 * inflated parts will do too).
 */
export interface ZipParts {
  has(name: string): boolean;
  get(name: string, sheet?: string): Uint8Array | undefined;
}

const decoder = new TextDecoder('utf-8');
const RELS_SHEET = '/relationships/worksheet';
/** The error texts SheetJS maps to a code that `readWorkbook` maps back; any other becomes '#ERROR'. */
const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

/** Undefined when the workbook is not a plain xlsx/xlsm this reader understands. */
export function openDirectXlsx(parts: ZipParts): DirectWorkbook | undefined {
  const wbPath = 'xl/workbook.xml';
  const wbXml = text(parts, wbPath);
  const relsXml = text(parts, 'xl/_rels/workbook.xml.rels');
  if (wbXml === undefined || relsXml === undefined) return undefined;
  const rels = new Map<string, { type: string; target: string }>();
  for (const tag of tags(relsXml, 'Relationship')) {
    const a = attributes(tag);
    if (!a || a.Id === undefined || a.Target === undefined || a.Type === undefined) return undefined;
    if (a.TargetMode === 'External') continue;
    rels.set(a.Id, { type: a.Type, target: partPath(a.Target) });
  }
  const sheetNames: string[] = [];
  const sheetPaths = new Map<string, string>();
  for (const tag of tags(wbXml, 'sheet')) {
    const a = attributes(tag);
    const id = a?.['r:id'];
    if (!a || a.name === undefined || id === undefined) return undefined;
    const name = plainText(a.name);
    const rel = rels.get(id);
    if (name === undefined || !rel || !rel.type.endsWith(RELS_SHEET) || !parts.has(rel.target)) return undefined;
    sheetNames.push(name);
    sheetPaths.set(name, rel.target);
  }
  if (sheetNames.length === 0 || /<\w+:definedName\b/.test(wbXml)) return undefined;
  let date1904 = false;
  for (const tag of tags(wbXml, 'workbookPr')) {
    const v = attributes(tag)?.date1904;
    if (v === undefined || v === '0' || v === 'false') continue;
    if (v !== '1' && v !== 'true') return undefined;
    date1904 = true;
  }
  const names = definedNames(wbXml);
  if (!names) return undefined;

  let shared: (string | undefined)[] | undefined = [];
  let dates: boolean[] = [];
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) {
      const xml = text(parts, rel.target);
      shared = xml === undefined ? undefined : sharedStrings(xml);
    } else if (rel.type.endsWith('/styles')) {
      const xml = text(parts, rel.target);
      const d = xml === undefined ? undefined : dateStyles(xml);
      if (!d) return undefined;
      dates = d;
    }
  }
  if (!shared) return undefined;
  const strings = shared;
  return {
    sheetNames,
    date1904,
    names,
    sheet(name) {
      const path = sheetPaths.get(name);
      const xml = path === undefined ? undefined : text(parts, path, name);
      return xml === undefined ? undefined : sheetCells(xml, strings, dates, date1904);
    },
  };
}

function text(parts: ZipParts, path: string, sheet?: string): string | undefined {
  const bytes = parts.get(path, sheet);
  return bytes && decoder.decode(bytes);
}

/** A relationship target as a part name: relative to xl/, or absolute from the package root. */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The start tags `<name …>` or `<name …/>`, with or without a namespace prefix (as SheetJS matches them), as the text after the name. */
function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) yield `${name}${m[1]}`;
}

/** Attributes of a start tag's text (`name a="1" b='2'`), undefined when malformed. */
function attributes(tag: string): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const re = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
  let i = tag.search(/[\s/]|$/);
  re.lastIndex = i;
  for (;;) {
    const m = re.exec(tag);
    if (!m) break;
    out[m[1]!] = m[2] ?? m[3]!;
    i = re.lastIndex;
  }
  const rest = tag.slice(i).trim();
  return rest === '' || rest === '/' ? out : undefined;
}

/** Attribute or element text with the five named entities and decimal/hex references decoded; undefined when it holds `_xHHHH_` escapes. */
function plainText(s: string): string | undefined {
  if (s.includes('_x')) return undefined;
  return s.includes('&') ? decodeEntities(s) : s;
}

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m: string, code: string | undefined) => {
    const named = NAMED[m.toLowerCase() === m ? m : m.toLowerCase()];
    if (named !== undefined && NAMED[m] !== undefined) return named;
    if (code === undefined) return m;
    const n = parseInt(code, m.includes('x') || m.includes('X') ? 16 : 10);
    return String.fromCharCode(n) || m;
  });
}

/**
 * Cell text as SheetJS gives it for .xlsx (18.4.12 ST_Xstring): entities, then `_xHHHH_` escapes,
 * then CR LF as LF. Undefined for CDATA sections, which it treats apart.
 */
function cellText(s: string): string | undefined {
  if (s.includes('<![CDATA[')) return undefined;
  let out = s.includes('&') ? decodeEntities(s) : s;
  if (out.includes('_x') || s.includes('_x')) out = out.replace(/_x([\da-fA-F]{4})_/gi, (_m, c: string) => String.fromCharCode(parseInt(c, 16)));
  return out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out;
}

function definedNames(wbXml: string): DirectWorkbook['names'] | undefined {
  const out: DirectWorkbook['names'] = [];
  const re = /<definedName\b([^>]*?)(\/?)>/g;
  for (let m = re.exec(wbXml); m; m = re.exec(wbXml)) {
    if (m[2] === '/') continue;
    const a = attributes(`definedName${m[1]}`);
    if (!a || a.name === undefined || a.name.includes('&')) return undefined;
    const end = wbXml.indexOf('</definedName>', re.lastIndex);
    if (end < 0) return undefined;
    const raw = wbXml.slice(re.lastIndex, end);
    if (raw.includes('<')) return undefined;
    const ref = raw.includes('&') ? decodeEntities(raw) : raw;
    out.push({ name: a.name, ref: ref.includes('_x') ? ref.replace(/_x([\da-fA-F]{4})_/gi, (_m, c: string) => String.fromCharCode(parseInt(c, 16))) : ref, scope: a.localSheetId ? +a.localSheetId : undefined });
    re.lastIndex = end;
  }
  return out;
}

/**
 * The shared string table (18.4.9): each `si` as plain text (one `t`), or rich text (its runs' `t`,
 * phonetic runs left out); an entry SheetJS would not read as either is undefined (it reads as '').
 * Undefined for the whole table on markup it does not expect.
 */
function sharedStrings(xml: string): (string | undefined)[] | undefined {
  const out: (string | undefined)[] = [];
  if (/<\w+:si\b|<sstItem\b/.test(xml)) return undefined;
  let i = xml.indexOf('<si>');
  while (i >= 0) {
    const end = xml.indexOf('</si>', i);
    if (end < 0) return undefined;
    const body = xml.slice(i + 4, end).trim();
    if (body.includes('<si>')) return undefined;
    let t: string | undefined;
    if (/^<t[^>]*>/.test(body)) {
      const close = body.indexOf('</t>');
      t = cellText(body.slice(body.indexOf('>') + 1, close < 0 ? body.length : close));
      if (t === undefined) return undefined;
    } else if (/<r[\s>]/.test(body)) {
      const runs = body.replace(/<rPh\b[^>]*>[\s\S]*?<\/rPh>/g, '');
      let joined = '';
      for (const m of runs.matchAll(/<t\b[^<>]*>([^<]*)<\/t>/g)) joined += m[1];
      t = cellText(joined);
      if (t === undefined) return undefined;
    } else if (body !== '' && !/^<(rPh|phoneticPr)\b/.test(body)) {
      return undefined;
    }
    out.push(t);
    i = xml.indexOf('<si>', end);
  }
  if (xml.includes('<si/>') || xml.includes('<si ')) return undefined;
  return out;
}

/** Whether each cell style (cellXfs, 18.8.10) formats its number as a date. */
function dateStyles(xml: string): boolean[] | undefined {
  if (/<\w+:(cellXfs|numFmt)\b/.test(xml)) return undefined;
  const formats = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) {
    const a = attributes(tag);
    if (!a || a.numFmtId === undefined || a.formatCode === undefined) return undefined;
    const f = cellText(a.formatCode);
    if (f === undefined) return undefined;
    const id = parseInt(a.numFmtId, 10);
    if (id > 0) formats.set(id, f); // SheetJS keeps format 0 as General
  }
  const start = xml.indexOf('<cellXfs');
  if (start < 0) return [];
  const end = xml.indexOf('</cellXfs>', start);
  const section = xml.slice(start, end < 0 ? xml.length : end);
  // SSF is asked only about formats plainNumberFormat does not clear (it is loaded at the first).
  const out: boolean[] = [];
  for (const tag of tags(section, 'xf')) {
    const a = attributes(tag);
    if (!a) return undefined;
    const id = a.numFmtId === undefined ? 0 : parseInt(a.numFmtId, 10);
    const custom = formats.get(id);
    if (custom === undefined ? plainBuiltInFormat(id) : plainNumberFormat(custom)) {
      out.push(false);
      continue;
    }
    const ssf = ssfHost().SSF;
    const fmt = custom ?? (ssf.get_table() as Record<number, string | undefined>)[id];
    out.push(typeof fmt === 'string' && ssf.is_date(fmt));
  }
  return out;
}

/**
 * The cells of one worksheet's sheetData (18.3.1.73 row, 18.3.1.4 c): values only, placed by each
 * cell's own reference. Undefined on anything not handled as SheetJS handles it.
 */
function sheetCells(xml: string, strings: readonly (string | undefined)[], dates: readonly boolean[], date1904: boolean): RawCell[][] | undefined {
  const rows: RawCell[][] = [];
  let i = xml.indexOf('<sheetData');
  if (i < 0) return /<\w+:sheetData\b/.test(xml) ? undefined : rows;
  i = xml.indexOf('>', i);
  if (xml.charCodeAt(i - 1) === 0x2f) return rows; // <sheetData/>
  const end = xml.indexOf('</sheetData>', i);
  if (end < 0) return undefined;
  i++;
  while (i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt > end) return undefined;
    const c1 = xml.charCodeAt(lt + 1);
    const c2 = xml.charCodeAt(lt + 2);
    if (c1 === 0x63 /* c */ && (c2 === 0x20 || c2 === 0x2f || c2 === 0x3e)) {
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      let bodyEnd = gt + 1;
      if (!selfClosing) {
        bodyEnd = xml.indexOf('</c>', gt);
        if (bodyEnd < 0 || bodyEnd > end) return undefined;
      }
      const ok = readCell(xml, lt + 2, selfClosing ? gt - 1 : gt, gt + 1, selfClosing ? gt + 1 : bodyEnd, rows, strings, dates, date1904);
      if (!ok) return undefined;
      i = selfClosing ? gt + 1 : bodyEnd + 4;
      continue;
    }
    if (c1 === 0x72 /* r */ && xml.startsWith('row', lt + 1) && !isNameChar(xml.charCodeAt(lt + 4))) {
      i = gt + 1; // each cell carries its own reference
      continue;
    }
    if (c1 === 0x2f /* / */ && xml.startsWith('/row>', lt + 1)) {
      i = gt + 1;
      continue;
    }
    return undefined;
  }
  return rows;
}

/**
 * A style index `0` or 1-9 digits without a leading zero (SheetJS indexes its style array with
 * the text, so any other form is left to it): its value, or -1.
 */
function styleIndex(xml: string, from: number, to: number): number {
  const n = to - from;
  if (n < 1 || n > 9 || (n > 1 && xml.charCodeAt(from) === 0x30)) return -1;
  let v = 0;
  for (let k = from; k < to; k++) {
    const ch = xml.charCodeAt(k);
    if (ch < 0x30 || ch > 0x39) return -1;
    v = v * 10 + (ch - 0x30);
  }
  return v;
}

function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x3a;
}

/**
 * One `<c …>` element: attributes in xml[from, to), content in xml[bodyStart, bodyEnd). Returns
 * false when SheetJS might read it otherwise.
 */
function readCell(
  xml: string,
  from: number,
  to: number,
  bodyStart: number,
  bodyEnd: number,
  rows: RawCell[][],
  strings: readonly (string | undefined)[],
  dates: readonly boolean[],
  date1904: boolean,
): boolean {
  let row = -1;
  let col = -1;
  let type = '';
  let style = -1;
  let i = from;
  // Attributes: name="value" pairs (Excel writes double quotes); any other shape gives up.
  for (;;) {
    while (i < to && xml.charCodeAt(i) <= 0x20) i++;
    if (i >= to) break;
    const eq = xml.indexOf('="', i);
    if (eq < 0 || eq >= to) return false;
    const close = xml.indexOf('"', eq + 2);
    if (close < 0 || close >= to) return false;
    // The three names Excel writes are told by their one character, not sliced out per cell.
    const one = eq - i === 1 ? xml.charCodeAt(i) : 0;
    if (one === 0x72 /* r */) {
      let c = 0;
      let k = eq + 2;
      for (; k < close; k++) {
        const ch = xml.charCodeAt(k);
        if (ch < 0x41 || ch > 0x5a) break;
        c = c * 26 + (ch - 0x40);
      }
      let r = 0;
      const digits = k;
      for (; k < close; k++) {
        const ch = xml.charCodeAt(k);
        if (ch < 0x30 || ch > 0x39) return false;
        r = r * 10 + (ch - 0x30);
      }
      if (c === 0 || k === digits || xml.charCodeAt(digits) === 0x30 || r > 1_048_576 || c > 16_384) return false;
      row = r - 1;
      col = c - 1;
    } else if (one === 0x74 /* t */) {
      type = xml.slice(eq + 2, close);
    } else if (one === 0x73 /* s */) {
      style = styleIndex(xml, eq + 2, close);
      if (style < 0) return false;
    } else if (eq === i || /[\s<>=]/.test(xml.slice(i, eq))) {
      return false;
    }
    i = close + 1;
  }
  if (row < 0) return false;
  // The cached value: the first <v> in the content (a formula <f> may come before it). Searched
  // in the content alone: indexOf over the rest of a 2.7 MB sheet per cell would be quadratic.
  let v: string | undefined;
  // Most cells hold just `<v>…</v>`: their value is sliced from the sheet without a copy of the
  // content first (a string per cell for nothing). Anything else takes the general way below.
  const ve0 = xml.startsWith('<v>', bodyStart) ? xml.indexOf('</v>', bodyStart + 3) : -1;
  if (ve0 >= 0 && ve0 + 4 === bodyEnd && xml.lastIndexOf('<', ve0 - 1) === bodyStart) {
    v = ve0 === bodyStart + 3 ? undefined : xml.slice(bodyStart + 3, ve0);
  } else if (bodyEnd > bodyStart) {
    const body = xml.slice(bodyStart, bodyEnd);
    const vs = body.indexOf('<v');
    if (vs >= 0) {
      if (body.charCodeAt(vs + 2) !== 0x3e) return false; // <v xml:space=…> or another element starting with v
      const ve = body.indexOf('</v>', vs);
      if (ve < 0) return false;
      v = body.slice(vs + 3, ve);
      if (v === '') v = undefined;
    }
    if (body.includes('<is')) return false;
  }
  let value: RawCell;
  switch (type) {
    case '':
    case 'n': {
      if (v === undefined) return true;
      if (v.includes('&') || v.includes('_')) return false;
      const x = parseFloat(v);
      value = style >= 0 && dates[style] ? new DateCell(x, date1904) : x;
      break;
    }
    case 's': {
      if (v === undefined) return true;
      if (!/^\d+$/.test(v)) return false;
      const k = parseInt(v, 10);
      if (k >= strings.length) return false;
      value = strings[k] ?? '';
      break;
    }
    case 'str': {
      if (v === undefined) value = '';
      else {
        if (v.includes('&#')) return false; // SheetJS decodes references before UTF-8 here
        const t = cellText(v);
        if (t === undefined) return false;
        value = t;
      }
      break;
    }
    case 'b':
      value = v === '1' || v === 'true';
      break;
    case 'e':
      value = new ErrorCell(v !== undefined && ERROR_TEXTS.has(v) ? v : '#ERROR');
      break;
    default:
      return false; // inlineStr, d, or unknown
  }
  (rows[row] ??= [])[col] = value;
  return true;
}
