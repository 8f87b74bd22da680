/**
 * Raw DEFLATE through Node's zlib for the workbook guard (src/sd/data/zip-guard.ts): native, and
 * with no JavaScript inflater to warm up it reads MEDEAS's two workbooks (7 MB of XML) in tens of
 * milliseconds instead of hundreds. `maxOutputLength` makes zlib stop as soon as the output
 * passes the size the zip declared, so a lying header costs no more than that size.
 */
import { inflateRawSync } from 'node:zlib';
import type { RawInflater } from '../data/zip-guard.js';

export const zlibInflateRaw: RawInflater = (data, size) => {
  try {
    // One output chunk the declared size (plus one byte, so that a part that inflates past it
    // fills the chunk and stops): zlib's 16 KiB default meant a loop of native calls and a copy of
    // every chunk into the result, a third of the inflate of MEDEAS's 2.7 MB sheet.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, Math.min(size + 1, 64 * 1024 * 1024)) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw err;
  }
};
