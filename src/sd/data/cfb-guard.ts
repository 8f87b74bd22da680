/**
 * Checks an .xls file's container (a Compound File, [MS-CFB] sections 2.2-2.6) before SheetJS
 * reads it: every sector chain (FAT, DIFAT, directory, mini FAT, each stream) must stay inside the
 * file and end without a cycle, and the directory tree must be a tree. SheetJS follows these chains
 * without such checks and loops forever on a damaged or crafted file (found by the data-layer fuzz test).
 */

import type { BilingualText } from '../ir/diagnostics.js';
import { DataError } from './data-error.js';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

export function guardCompoundFile(bytes: Uint8Array, file: string): void {
  const fail = (what: BilingualText): never => {
    throw new DataError({ file }, { en: `not a readable .xls file: ${what.en} (damaged or crafted compound file)`, es: `no es un archivo .xls legible: ${what.es} (archivo compuesto dañado o manipulado)` });
  };
  if (bytes.length < 512) fail({ en: 'shorter than its header', es: 'más corto que su encabezado' });
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = v.getUint16(30, true);
  if (shift !== 9 && shift !== 12) fail({ en: `sector size 2^${shift}`, es: `tamaño de sector 2^${shift}` });
  if (v.getUint16(32, true) !== 6) fail({ en: 'mini sector size is not 64', es: 'el tamaño de mini sector no es 64' });
  const size = 1 << shift;
  const sectors = Math.ceil((bytes.length - size) / size);
  if (sectors <= 0) fail({ en: 'no sectors', es: 'sin sectores' });
  const perSector = size / 4;
  const at = (sector: number, index: number): number => {
    const off = (sector + 1) * size + index * 4;
    return off + 4 <= bytes.length ? v.getUint32(off, true) : FREE;
  };

  // FAT sectors: up to 109 in the header, the rest listed by the DIFAT chain.
  const fatCount = v.getUint32(44, true);
  if (fatCount > sectors) fail({ en: `${fatCount} FAT sectors in a file of ${sectors}`, es: `${fatCount} sectores FAT en un archivo de ${sectors}` });
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(v.getUint32(76 + i * 4, true));
  let difat = v.getUint32(68, true);
  const difatSeen = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (difat >= sectors || difatSeen.has(difat)) fail({ en: 'the DIFAT chain leaves the file or loops', es: 'la cadena DIFAT sale del archivo o forma un ciclo' });
    difatSeen.add(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(at(difat, i));
    difat = at(difat, perSector - 1);
  }
  for (const s of fatSectors) if (s >= sectors) fail({ en: 'a FAT sector lies outside the file', es: 'un sector FAT queda fuera del archivo' });
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = at(s, i);
  });

  /** Length of the chain from `start` in `table`, whose entries must be below `limit`. */
  const chain = (table: Uint32Array, start: number, limit: number, what: BilingualText): number[] => {
    const out: number[] = [];
    const seen = new Uint8Array(limit);
    for (let s = start; s !== END_OF_CHAIN; s = table[s]!) {
      if (s >= limit || s >= table.length) fail({ en: `the ${what.en} chain leaves the file`, es: `la cadena ${what.es} sale del archivo` });
      if (seen[s]) fail({ en: `the ${what.en} chain loops`, es: `la cadena ${what.es} forma un ciclo` });
      seen[s] = 1;
      out.push(s);
    }
    return out;
  };

  const dirSectors = chain(fat, v.getUint32(48, true), sectors, { en: 'directory', es: 'del directorio' });
  const entries = (dirSectors.length * size) / 128;
  const entry = (id: number): number => {
    const k = Math.floor((id * 128) / size);
    return (dirSectors[k]! + 1) * size + ((id * 128) % size);
  };
  const dirAt = (id: number, off: number): number => {
    const p = entry(id) + off;
    return p + 4 <= bytes.length ? v.getUint32(p, true) : fail({ en: 'a directory entry lies outside the file', es: 'una entrada del directorio queda fuera del archivo' });
  };
  if (entries === 0) fail({ en: 'no directory', es: 'sin directorio' });

  // The directory is a tree of siblings (left, right) and children: every id once, none out of range.
  const visited = new Uint8Array(entries);
  const stack = [0];
  visited[0] = 1;
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const off of [68, 72, 76]) {
      const next = dirAt(id, off);
      if (next === NO_STREAM) continue;
      if (next >= entries) fail({ en: 'a directory entry points past the directory', es: 'una entrada del directorio apunta más allá del directorio' });
      if (visited[next]) fail({ en: 'the directory tree has a cycle', es: 'el árbol del directorio tiene un ciclo' });
      visited[next] = 1;
      stack.push(next);
    }
  }

  // Mini streams live in the root entry's stream; their chains are in the mini FAT.
  const miniFatSectors = v.getUint32(60, true) === END_OF_CHAIN ? [] : chain(fat, v.getUint32(60, true), sectors, { en: 'mini FAT', es: 'del mini FAT' });
  const miniFat = new Uint32Array(miniFatSectors.length * perSector);
  miniFatSectors.forEach((s, k) => {
    for (let i = 0; i < perSector; i++) miniFat[k * perSector + i] = at(s, i);
  });
  const rootStart = dirAt(0, 116);
  const rootSectors = rootStart === END_OF_CHAIN ? [] : chain(fat, rootStart, sectors, { en: 'mini stream', es: 'del mini flujo' });
  const miniCount = (rootSectors.length * size) / 64;
  const cutoff = v.getUint32(56, true);
  for (let id = 1; id < entries; id++) {
    if (!visited[id] || (bytes[entry(id) + 66] ?? 0) !== 2) continue; // streams reachable from the root
    const start = dirAt(id, 116);
    const length = dirAt(id, 120);
    if (length === 0) continue;
    if (length < cutoff) chain(miniFat, start, miniCount, { en: 'mini stream', es: 'del mini flujo' });
    else chain(fat, start, sectors, { en: 'stream', es: 'del flujo' });
  }
}
