/**
 * Checks an .xls file's container (a Compound File, [MS-CFB] sections 2.2-2.6) before SheetJS
 * reads it: every sector chain (FAT, DIFAT, directory, mini FAT, each stream) must stay inside the
 * file and end without a cycle, and the directory tree must be a tree. SheetJS follows these chains
 * without such checks and loops forever on a damaged or crafted file (found by the data-layer fuzz test).
 */

import { DataError } from './data-error.js';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

export function guardCompoundFile(bytes: Uint8Array, file: string): void {
  const fail = (what: string): never => {
    throw new DataError({ file }, `not a readable .xls file: ${what} (damaged or crafted compound file)`);
  };
  if (bytes.length < 512) fail('shorter than its header');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = v.getUint16(30, true);
  if (shift !== 9 && shift !== 12) fail(`sector size 2^${shift}`);
  if (v.getUint16(32, true) !== 6) fail('mini sector size is not 64');
  const size = 1 << shift;
  const sectors = Math.ceil((bytes.length - size) / size);
  if (sectors <= 0) fail('no sectors');
  const perSector = size / 4;
  const at = (sector: number, index: number): number => {
    const off = (sector + 1) * size + index * 4;
    return off + 4 <= bytes.length ? v.getUint32(off, true) : FREE;
  };

  // FAT sectors: up to 109 in the header, the rest listed by the DIFAT chain.
  const fatCount = v.getUint32(44, true);
  if (fatCount > sectors) fail(`${fatCount} FAT sectors in a file of ${sectors}`);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(v.getUint32(76 + i * 4, true));
  let difat = v.getUint32(68, true);
  const difatSeen = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (difat >= sectors || difatSeen.has(difat)) fail('the DIFAT chain leaves the file or loops');
    difatSeen.add(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(at(difat, i));
    difat = at(difat, perSector - 1);
  }
  for (const s of fatSectors) if (s >= sectors) fail('a FAT sector lies outside the file');
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = at(s, i);
  });

  /** Length of the chain from `start` in `table`, whose entries must be below `limit`. */
  const chain = (table: Uint32Array, start: number, limit: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Uint8Array(limit);
    for (let s = start; s !== END_OF_CHAIN; s = table[s]!) {
      if (s >= limit || s >= table.length) fail(`the ${what} chain leaves the file`);
      if (seen[s]) fail(`the ${what} chain loops`);
      seen[s] = 1;
      out.push(s);
    }
    return out;
  };

  const dirSectors = chain(fat, v.getUint32(48, true), sectors, 'directory');
  const entries = (dirSectors.length * size) / 128;
  const entry = (id: number): number => {
    const k = Math.floor((id * 128) / size);
    return (dirSectors[k]! + 1) * size + ((id * 128) % size);
  };
  const dirAt = (id: number, off: number): number => {
    const p = entry(id) + off;
    return p + 4 <= bytes.length ? v.getUint32(p, true) : fail('a directory entry lies outside the file');
  };
  if (entries === 0) fail('no directory');

  // The directory is a tree of siblings (left, right) and children: every id once, none out of range.
  const visited = new Uint8Array(entries);
  const stack = [0];
  visited[0] = 1;
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const off of [68, 72, 76]) {
      const next = dirAt(id, off);
      if (next === NO_STREAM) continue;
      if (next >= entries) fail('a directory entry points past the directory');
      if (visited[next]) fail('the directory tree has a cycle');
      visited[next] = 1;
      stack.push(next);
    }
  }

  // Mini streams live in the root entry's stream; their chains are in the mini FAT.
  const miniFatSectors = v.getUint32(60, true) === END_OF_CHAIN ? [] : chain(fat, v.getUint32(60, true), sectors, 'mini FAT');
  const miniFat = new Uint32Array(miniFatSectors.length * perSector);
  miniFatSectors.forEach((s, k) => {
    for (let i = 0; i < perSector; i++) miniFat[k * perSector + i] = at(s, i);
  });
  const rootStart = dirAt(0, 116);
  const rootSectors = rootStart === END_OF_CHAIN ? [] : chain(fat, rootStart, sectors, 'mini stream');
  const miniCount = (rootSectors.length * size) / 64;
  const cutoff = v.getUint32(56, true);
  for (let id = 1; id < entries; id++) {
    if (!visited[id] || (bytes[entry(id) + 66] ?? 0) !== 2) continue; // streams reachable from the root
    const start = dirAt(id, 116);
    const length = dirAt(id, 120);
    if (length === 0) continue;
    if (length < cutoff) chain(miniFat, start, miniCount, 'mini stream');
    else chain(fat, start, sectors, 'stream');
  }
}
