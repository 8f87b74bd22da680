/**
 * Where a run keeps its saved values: column-major blocks, each holding `per` whole columns of
 * `stride` values (column k of a block starts at k × stride), with the saved times as one more
 * column after the last output. A save point writes each block once, column after column; the
 * series handed back are views into the blocks, so nothing is copied at the end of the run.
 *
 * Why blocks of at most 64 KB, not one block for the run: the C allocator serves a request over
 * its mmap threshold (128 KB at first) with fresh pages, and touching them cost more than the run
 * (one 55 MB block for Earth4All's 857 columns: 6,000 page faults and a run two to four times
 * slower); blocks this small are recycled from run to run. Short columns share a block (the
 * 10,000-equation model's 10,124 columns of 101 values fill 126 blocks, not 10,124 arrays); a
 * column longer than a block has one of its own.
 */

/** Values per block (8 bytes each): under the allocator's initial mmap threshold. */
const BLOCK_VALUES = 8192;

interface Layout {
  blocks: Float64Array[];
  /** Columns per block. */
  per: number;
  /** Values per column (the capacity in saved times). */
  stride: number;
  /** Output columns (the time column comes after them). */
  columns: number;
}

/**
 * The key under which a result keeps its own layout, so that `into` can hand its blocks back.
 *
 * Why on the result, not in a module-wide WeakMap: the map lives in V8's old generation, and its
 * entries kept each young result's blocks alive through the young-generation collections until a
 * full one (10,000-equation model, all 10,124 columns into new arrays, a forced young collection
 * after each of 20 runs: peak 185-192 MB with the map, 142-155 MB with this key; without the forced
 * collections 164-192 MB → 152-178 MB over 13 interleaved pairs, load 10-17 on 2 cores). Non-enumerable,
 * so a spread copy of a result (`{ ...r }`) does not carry it, as it was not in the map either.
 */
const LAYOUT = Symbol('save-buffer layout');

type Lent = { [LAYOUT]?: Layout };

function allocate(columns: number, stride: number): Layout {
  const per = Math.max(1, Math.floor(BLOCK_VALUES / Math.max(1, stride)));
  const blocks: Float64Array[] = [];
  for (let first = 0; first <= columns; first += per) blocks.push(new Float64Array(Math.min(per, columns + 1 - first) * stride));
  return { blocks, per, stride, columns };
}

export class SaveBuffer {
  private layout: Layout;

  /** `reuse`: an earlier result whose blocks this run may overwrite, when they are large enough. */
  constructor(columns: number, capacity: number, reuse?: object) {
    const old = reuse ? (reuse as Lent)[LAYOUT] : undefined;
    this.layout = old && old.columns === columns && old.stride >= capacity ? old : allocate(columns, capacity);
  }

  get capacity(): number {
    return this.layout.stride;
  }

  /** Writes the values of `cols` in `v`, and the time, as saved row `row` (< capacity). */
  save(v: Float64Array, cols: Int32Array, row: number, time: number): void {
    const { blocks, per, stride, columns } = this.layout;
    if (per === 1) {
      // Long columns, one per block: the plain loop (the blocked one cost Earth4All 12% more here).
      for (let j = 0; j < columns; j++) blocks[j]![row] = v[cols[j]!]!;
      blocks[columns]![row] = time;
      return;
    }
    let j = 0;
    for (let b = 0; j < columns; b++) {
      const block = blocks[b]!;
      const end = Math.min(columns, j + per);
      for (let at = row; j < end; j++, at += stride) block[at] = v[cols[j]!]!;
    }
    blocks[Math.floor(columns / per)]![(columns % per) * stride + row] = time;
  }

  /** Doubles the capacity, keeping the first `rows` saved rows. */
  grow(rows: number): void {
    const old = this.layout;
    const next = allocate(old.columns, old.stride * 2);
    for (let j = 0; j <= old.columns; j++) {
      const from = old.blocks[Math.floor(j / old.per)]!;
      const start = (j % old.per) * old.stride;
      next.blocks[Math.floor(j / next.per)]!.set(from.subarray(start, start + rows), (j % next.per) * next.stride);
    }
    this.layout = next;
  }

  /** The first `rows` values of column `j` (the time column is `columns`). */
  column(j: number, rows: number): Float64Array {
    const { blocks, per, stride } = this.layout;
    const start = (j % per) * stride;
    return blocks[Math.floor(j / per)]!.subarray(start, start + rows);
  }

  /** Remembers on `result` that it holds these blocks, for a later run `into` it. */
  lend(result: object): void {
    // Configurable, so that lending to the same object again replaces the layout instead of throwing.
    Object.defineProperty(result, LAYOUT, { value: this.layout, configurable: true });
  }
}
