/**
 * Checks a zip-based workbook (xlsx, xlsm, ods) before the spreadsheet reader inflates it.
 *
 * 1. The central directory (read from the end of the file, nothing inflated) must declare parts
 *    whose sizes and ratios are within the limits: a zip bomb is refused here, before any
 *    allocation for its content. This is done for every part when the workbook opens: it is cheap
 *    (one pass over the directory), and a file that declares a bomb is refused whatever is read.
 * 2. A part is inflated as a stream into counters only when it is first asked for (openGuardedZip),
 *    checking that it does not inflate past the size it declared (a lying header), and that its XML
 *    stays within the nesting-depth and text-run limits and holds no more cells than allowed (the
 *    cells of all parts checked so far). A sheet the model never reads is never inflated nor
 *    scanned; one it reads is refused, naming the file and the sheet, before any reader parses it.
 *
 * guardZip and guardZipParts check every part at once and give them back inflated (repacked as a
 * stored zip, for the spreadsheet reader, which then only slices them instead of inflating the
 * whole workbook a second time).
 * Format reference: PKWARE APPNOTE.TXT 6.3 (sections 4.3.7 local header, 4.3.12 central directory,
 * 4.3.16 end of central directory, 4.5.3 Zip64 extra field).
 */

import type * as Fflate from 'fflate';
import { lazyPackage } from '../ir/lazy-package.js';
import { DataError, type DataPlace } from './data-error.js';
import { formatBytes, type DataLimits } from './limits.js';
import { XmlGuard } from './xml-guard.js';

/** Loaded at the first compressed part: a .mdl model without workbooks never needs it (src/sd/ir/lazy-package.ts). */
const fflate = lazyPackage<typeof Fflate>('fflate');

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Parts larger than this are held to the compression-ratio limit (small parts compress wildly). */
const RATIO_FLOOR = 1024 * 1024;
const CHUNK = 4096;

/**
 * A host's own raw-DEFLATE inflater (Node: zlib, native and several times faster than inflating in
 * JavaScript). It returns the inflated bytes, or undefined as soon as they would pass `size`
 * (the size the zip declares), and throws on damaged data.
 */
export type RawInflater = (data: Uint8Array, size: number) => Uint8Array | undefined;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Throws DataError naming the file (and part) when the workbook is over a limit or not a sound zip;
 * otherwise returns the same parts as a stored zip (method 0), for the spreadsheet reader.
 */
export function guardZip(bytes: Uint8Array, file: string, limits: DataLimits, inflateRaw?: RawInflater): Uint8Array {
  return storedZip(guardZipParts(bytes, file, limits, inflateRaw));
}

/** A part of a zip, inflated. */
export interface ZipPart {
  name: string;
  data: Uint8Array;
}

/** As guardZip, but the checked parts come back as they are, in directory order, not repacked. */
export function guardZipParts(bytes: Uint8Array, file: string, limits: DataLimits, inflateRaw?: RawInflater): ZipPart[] {
  return openGuardedZip(bytes, file, limits, inflateRaw).all();
}

/** A zip whose directory passed the size checks; each part is inflated and checked when first asked for. */
export interface GuardedZip {
  has(name: string): boolean;
  /**
   * The part inflated, checked on the first ask (a DataError naming the file, and `sheet` when
   * given, if it is over a limit); undefined when the zip has no such part.
   */
  get(name: string, sheet?: string): Uint8Array | undefined;
  /** Every part, checked, in directory order. */
  all(): ZipPart[];
}

/** Checks the directory's declared sizes now (throwing DataError naming the file); the parts' contents when they are read. */
export function openGuardedZip(bytes: Uint8Array, file: string, limits: DataLimits, inflateRaw?: RawInflater): GuardedZip {
  const entries = readCentralDirectory(bytes, file, limits);
  checkDeclaredSizes(entries, file, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  const inflated = new Map<ZipEntry, Uint8Array>();
  let cells = 0;
  const inspect = (e: ZipEntry, sheet?: string): Uint8Array => {
    let data = inflated.get(e);
    if (!data) {
      const part = inspectEntry(bytes, e, sheet === undefined ? { file } : { file, sheet }, limits, limits.maxCells - cells, inflateRaw);
      cells += part.cells;
      inflated.set(e, (data = part.data));
    }
    return data;
  };
  return {
    has: (name) => byName.has(name),
    get: (name, sheet) => {
      const e = byName.get(name);
      return e && inspect(e, sheet);
    },
    all: () => entries.map((e) => ({ name: e.name, data: inspect(e) })),
  };
}

/** The directory's declared sizes against the limits: a zip bomb is refused before anything is inflated. */
function checkDeclaredSizes(entries: readonly ZipEntry[], file: string, limits: DataLimits): void {
  const total = entries.reduce((n, e) => n + e.uncompressed, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new DataError(
      { file },
      { en: `the workbook's parts inflate to ${formatBytes(total)}, more than ${formatBytes(limits.maxUncompressedBytes)} (the limit maxUncompressedBytes); it is refused before inflating`, es: `las partes del libro se descomprimen en ${formatBytes(total)}, más que ${formatBytes(limits.maxUncompressedBytes)} (el límite maxUncompressedBytes); se rechaza antes de descomprimirlo` },
    );
  }
  for (const e of entries) {
    if (e.uncompressed > RATIO_FLOOR && e.uncompressed > limits.maxCompressionRatio * Math.max(1, e.compressed)) {
      throw new DataError(
        { file },
        {
          en:
            `part '${e.name}' inflates ${Math.round(e.uncompressed / Math.max(1, e.compressed))}-fold (${formatBytes(e.compressed)} → ` +
            `${formatBytes(e.uncompressed)}), over the limit maxCompressionRatio ${limits.maxCompressionRatio}: a zip bomb or a damaged file`,
          es:
            `la parte '${e.name}' se descomprime ${Math.round(e.uncompressed / Math.max(1, e.compressed))} veces (${formatBytes(e.compressed)} → ` +
            `${formatBytes(e.uncompressed)}), más que el límite maxCompressionRatio ${limits.maxCompressionRatio}: una bomba zip o un archivo dañado`,
        },
      );
    }
  }
}

/**
 * A zip of the parts, each stored as is (APPNOTE 4.3.7, 4.3.12, 4.3.16). The CRC fields are left
 * 0: the spreadsheet reader does not check them, and the parts were checked as they inflated.
 */
export function storedZip(parts: readonly ZipPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = parts.map((p) => encoder.encode(p.name));
  let localSize = 0;
  let centralSize = 0;
  parts.forEach((p, i) => {
    localSize += 30 + names[i]!.length + p.data.length;
    centralSize += 46 + names[i]!.length;
  });
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let q = 0;
  parts.forEach((p, i) => {
    const name = names[i]!;
    offsets.push(q);
    view.setUint32(q, LOCAL, true);
    view.setUint16(q + 4, 20, true); // version needed: 2.0
    view.setUint32(q + 18, p.data.length, true);
    view.setUint32(q + 22, p.data.length, true);
    view.setUint16(q + 26, name.length, true);
    out.set(name, q + 30);
    out.set(p.data, q + 30 + name.length);
    q += 30 + name.length + p.data.length;
  });
  const central = q;
  parts.forEach((p, i) => {
    const name = names[i]!;
    view.setUint32(q, CENTRAL, true);
    view.setUint16(q + 4, 20, true);
    view.setUint16(q + 6, 20, true);
    view.setUint32(q + 20, p.data.length, true);
    view.setUint32(q + 24, p.data.length, true);
    view.setUint16(q + 28, name.length, true);
    view.setUint32(q + 42, offsets[i]!, true);
    out.set(name, q + 46);
    q += 46 + name.length;
  });
  view.setUint32(q, EOCD, true);
  view.setUint16(q + 8, parts.length, true);
  view.setUint16(q + 10, parts.length, true);
  view.setUint32(q + 12, q - central, true);
  view.setUint32(q + 16, central, true);
  return out;
}

function readCentralDirectory(bytes: Uint8Array, file: string, limits: DataLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DataError({ file }, { en: 'not a readable workbook: the zip directory is missing (truncated or damaged file)', es: 'no es un libro legible: falta el directorio zip (archivo truncado o dañado)' });
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new DataError({ file }, { en: 'a Zip64 archive: far larger than any workbook this reader accepts', es: 'un archivo Zip64: mucho más grande que cualquier libro que este lector acepta' });
  if (count > limits.maxZipEntries) throw new DataError({ file }, { en: `the workbook has ${count} parts, over the limit maxZipEntries ${limits.maxZipEntries}`, es: `el libro tiene ${count} partes, más que el límite maxZipEntries ${limits.maxZipEntries}` });
  if (offset + size > eocd) throw new DataError({ file }, { en: 'not a readable workbook: the zip directory points outside the file (damaged)', es: 'no es un libro legible: el directorio zip apunta fuera del archivo (dañado)' });
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw new DataError({ file }, { en: 'not a readable workbook: damaged zip directory', es: 'no es un libro legible: directorio zip dañado' });
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    let localOffset = view.getUint32(p + 42, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 sizes in the extra field: values over 4 GiB are over every limit anyway.
      const z = zip64Sizes(view, p + 46 + nameLen, extraLen, uncompressed === 0xffffffff, compressed === 0xffffffff, localOffset === 0xffffffff);
      if (!z) throw new DataError({ file }, { en: `not a readable workbook: part '${name}' has damaged Zip64 sizes`, es: `no es un libro legible: la parte '${name}' tiene tamaños Zip64 dañados` });
      ({ compressed, uncompressed, localOffset } = {
        compressed: z.compressed ?? compressed,
        uncompressed: z.uncompressed ?? uncompressed,
        localOffset: z.localOffset ?? localOffset,
      });
    }
    entries.push({ name, method: view.getUint16(p + 10, true), flags: view.getUint16(p + 8, true), compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function zip64Sizes(
  view: DataView,
  start: number,
  length: number,
  wantU: boolean,
  wantC: boolean,
  wantO: boolean,
): { uncompressed?: number; compressed?: number; localOffset?: number } | undefined {
  let q = start;
  while (q + 4 <= start + length) {
    const id = view.getUint16(q, true);
    const len = view.getUint16(q + 2, true);
    if (id === 0x0001) {
      let r = q + 4;
      const read = (): number | undefined => {
        if (r + 8 > q + 4 + len) return undefined;
        const v = Number(view.getBigUint64(r, true));
        r += 8;
        return v;
      };
      const out: { uncompressed?: number; compressed?: number; localOffset?: number } = {};
      if (wantU) out.uncompressed = read();
      if (wantC) out.compressed = read();
      if (wantO) out.localOffset = read();
      if ((wantU && out.uncompressed === undefined) || (wantC && out.compressed === undefined)) return undefined;
      return out;
    }
    q += 4 + len;
  }
  return undefined;
}

/** Inflates one part, checking it as it comes; returns its bytes and the cells it holds. Errors name `place`. */
function inspectEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  place: DataPlace,
  limits: DataLimits,
  cellsLeft: number,
  inflateRaw: RawInflater | undefined,
): { data: Uint8Array; cells: number } {
  const part = { en: `part '${e.name}'`, es: `la parte '${e.name}'` };
  if (e.flags & 1) throw new DataError(place, { en: 'the workbook is encrypted (password-protected); save it without a password', es: 'el libro está cifrado (protegido con contraseña); guárdelo sin contraseña' });
  if (e.method !== 0 && e.method !== 8) throw new DataError(place, { en: `${part.en} uses zip compression method ${e.method}; only stored (0) and deflate (8) occur in workbooks`, es: `${part.es} usa el método de compresión zip ${e.method}; en los libros solo aparecen stored (0) y deflate (8)` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL) throw new DataError(place, { en: `not a readable workbook: ${part.en} is missing (damaged zip)`, es: `no es un libro legible: falta ${part.es} (zip dañado)` });
  // The local header must agree with the directory: readers differ in which one they trust, and
  // SheetJS, given a stored part whose local header says 'deflate', loops forever inflating it.
  const localFlags = view.getUint16(h + 6, true);
  const localMethod = view.getUint16(h + 8, true);
  const localC = view.getUint32(h + 18, true);
  const localU = view.getUint32(h + 22, true);
  const sizesAgree = (localFlags & 8) !== 0 || localC === 0xffffffff || (localC === e.compressed && localU === e.uncompressed);
  if (localMethod !== e.method || !sizesAgree) {
    throw new DataError(place, { en: `not a readable workbook: ${part.en}'s local header disagrees with the zip directory (damaged or crafted file)`, es: `no es un libro legible: el encabezado local de ${part.es} no concuerda con el directorio zip (archivo dañado o manipulado)` });
  }
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + e.compressed;
  if (end > bytes.length) throw new DataError(place, { en: `not a readable workbook: ${part.en} runs past the end of the file (truncated)`, es: `no es un libro legible: ${part.es} pasa del final del archivo (truncado)` });
  const xml = /\.(xml|rels|vml)$/i.test(e.name) ? new XmlGuard(limits.maxXmlDepth, limits.maxTextBytes) : undefined;
  const data = bytes.subarray(start, end);
  const overrun = (): DataError =>
    new DataError(place, { en: `${part.en} inflates past the ${formatBytes(e.uncompressed)} its header declares: a zip bomb or a damaged file`, es: `${part.es} se descomprime más allá de los ${formatBytes(e.uncompressed)} que declara su encabezado: una bomba zip o un archivo dañado` });
  const damaged = (err: unknown): DataError =>
    new DataError(place, { en: `not a readable workbook: ${part.en} does not inflate (${err instanceof Error ? err.message : String(err)})`, es: `no es un libro legible: ${part.es} no se descomprime (${err instanceof Error ? err.message : String(err)})` });
  let hosted: Uint8Array | undefined;
  if (e.method === 8 && inflateRaw) {
    try {
      hosted = inflateRaw(data, e.uncompressed);
    } catch (err) {
      throw damaged(err);
    }
    if (!hosted) throw overrun();
  }
  // Never larger than the size the directory declares, which is within the limits checked above.
  const out = hosted ?? (e.method === 0 ? data : new Uint8Array(e.uncompressed));
  let produced = 0;
  const consume = (chunk: Uint8Array): void => {
    if (produced + chunk.length > e.uncompressed) throw overrun();
    if (out !== data && out !== hosted) out.set(chunk, produced);
    produced += chunk.length;
    const hit = xml?.push(chunk);
    if (hit?.kind === 'depth') {
      throw new DataError(place, { en: `${part.en} nests XML elements deeper than ${limits.maxXmlDepth} (the limit maxXmlDepth)`, es: `${part.es} anida elementos XML a más profundidad que ${limits.maxXmlDepth} (el límite maxXmlDepth)` });
    }
    if (hit?.kind === 'text') {
      throw new DataError(place, { en: `${part.en} holds a text or tag longer than ${formatBytes(limits.maxTextBytes)} (the limit maxTextBytes; Excel's own cells stop at 32,767 characters)`, es: `${part.es} contiene un texto o etiqueta de más de ${formatBytes(limits.maxTextBytes)} (el límite maxTextBytes; las celdas del propio Excel llegan hasta 32,767 caracteres)` });
    }
    if (xml && xml.stats.cells > cellsLeft) {
      throw new DataError(place, { en: `the workbook holds more than ${limits.maxCells.toLocaleString('en')} cells (the limit maxCells)`, es: `el libro contiene más de ${limits.maxCells.toLocaleString('en')} celdas (el límite maxCells)` });
    }
  };
  if (hosted) {
    consume(hosted);
  } else if (e.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) consume(data.subarray(i, i + CHUNK));
  } else {
    const inflater = new (fflate().Inflate)((chunk) => consume(chunk));
    try {
      for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw damaged(err);
    }
  }
  if (produced !== e.uncompressed) {
    throw new DataError(place, { en: `not a readable workbook: ${part.en} inflates to ${produced} bytes, not the ${e.uncompressed} its header declares (damaged)`, es: `no es un libro legible: ${part.es} se descomprime en ${produced} bytes, no en los ${e.uncompressed} que declara su encabezado (dañado)` });
  }
  return { data: out, cells: xml?.stats.cells ?? 0 };
}
