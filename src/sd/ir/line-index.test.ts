import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

/** Line and column of `offset` counted from the start, LF, CR LF and a bare CR each ending a line. */
function reference(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue; // the LF ends it
    if (c === '\n' || c === '\r') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('LineIndex', () => {
  it('places every offset as a count from the start does, with LF, CR LF and bare CR line ends', () => {
    const pieces = ['a', 'bc', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '\r\r\n', 'é'];
    const next = random(7);
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      // Half the texts without a bare CR (the indexOf path), half with any mix.
      const allowed = round % 2 === 0 ? pieces.filter((p) => p !== '\r' && p !== '\r\r\n') : pieces;
      let text = '';
      const n = Math.floor(next() * 40);
      for (let k = 0; k < n; k++) text += allowed[Math.floor(next() * allowed.length)];
      const index = new LineIndex(text, 'f.mdl');
      // In reading order (the index's cursor) and then backwards (its binary search).
      const offsets = [...Array(text.length + 1).keys()];
      for (const o of [...offsets, ...offsets.reverse()]) {
        expect(index.loc(o), JSON.stringify(text) + ' @' + o).toEqual({ file: 'f.mdl', ...reference(text, o) });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
