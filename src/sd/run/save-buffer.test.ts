import { describe, expect, it } from 'vitest';
import { SaveBuffer } from './save-buffer.js';

/** Saves `rows` rows of `columns` columns where value = 1000 × row + column, growing as needed. */
function fill(buffer: SaveBuffer, columns: number, rows: number): void {
  const v = new Float64Array(columns);
  const cols = Int32Array.from({ length: columns }, (_, j) => columns - 1 - j); // reversed, to test the mapping
  for (let row = 0; row < rows; row++) {
    if (row === buffer.capacity) buffer.grow(row);
    for (let j = 0; j < columns; j++) v[columns - 1 - j] = 1000 * row + j;
    buffer.save(v, cols, row, row / 4);
  }
}

describe('SaveBuffer', () => {
  it.each([
    [3, 5, 5],
    [20_000, 3, 3], // many short columns: several share a block
    [2, 9000, 9000], // columns longer than a block: one column per block
    [7, 2, 700], // grows from 2 to 1024 saved rows, keeping what was saved
  ])('keeps %i columns × %i rows (capacity) through %i saves', (columns, capacity, rows) => {
    const b = new SaveBuffer(columns, capacity);
    fill(b, columns, rows);
    for (const j of [0, Math.floor(columns / 2), columns - 1]) {
      const col = b.column(j, rows);
      expect(col.length).toBe(rows);
      expect(col[0]).toBe(j);
      expect(col[rows - 1]).toBe(1000 * (rows - 1) + j);
    }
    const time = b.column(columns, rows);
    expect(time[rows - 1]).toBe((rows - 1) / 4);
  });

  it('hands the blocks of a result it lent to the next run, only when they are large enough', () => {
    const first = new SaveBuffer(4, 10);
    fill(first, 4, 10);
    const result = {};
    first.lend(result);
    const again = new SaveBuffer(4, 8, result);
    expect(again.column(2, 8).buffer).toBe(first.column(2, 8).buffer);
    expect(new SaveBuffer(4, 11, result).column(2, 8).buffer).not.toBe(first.column(2, 8).buffer);
    expect(new SaveBuffer(5, 8, result).column(2, 8).buffer).not.toBe(first.column(2, 8).buffer);
    expect(new SaveBuffer(4, 8, {}).column(2, 8).buffer).not.toBe(first.column(2, 8).buffer);
  });

  it('keeps what it lends off the result\'s visible keys, so a copy of the result does not reuse the blocks', () => {
    const first = new SaveBuffer(4, 10);
    fill(first, 4, 10);
    const result = { names: ['a'] };
    first.lend(result);
    expect(Object.keys(result)).toEqual(['names']);
    expect(JSON.stringify(result)).toBe('{"names":["a"]}');
    expect(new SaveBuffer(4, 8, result).column(2, 8).buffer).toBe(first.column(2, 8).buffer);
    expect(new SaveBuffer(4, 8, { ...result }).column(2, 8).buffer).not.toBe(first.column(2, 8).buffer);
    const second = new SaveBuffer(4, 10);
    second.lend(result);
    expect(new SaveBuffer(4, 8, result).column(2, 8).buffer).toBe(second.column(2, 8).buffer);
  });
});
