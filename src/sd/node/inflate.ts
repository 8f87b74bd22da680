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
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw err;
  }
};
