/**
 * A variable's node ids (or lookup table indexes) by element number instead of by a key string:
 * an element tuple's slot is its place in the product of the variable's position lists, last
 * position fastest (the order `cartesian(positions)` lists them in). References in MEDEAS look
 * up ~200,000 elements; a number needs no string built and hashed per look-up.
 */

/** Each element's first place in a list (a range that repeats an element keeps the first). */
export function ordinalsOf(elements: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < elements.length; i++) if (!m.has(elements[i]!)) m.set(elements[i]!, i);
  return m;
}

/** Product sizes up to this are kept in an array; larger layouts that define few slots, in a Map. */
const DENSE_LIMIT = 4096;

export class ElementSlots {
  /** Slot step of each position. */
  readonly strides: number[];
  readonly size: number;
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;

  /**
   * `ordinals[p]` gives each element of position p its index in that position's list;
   * `expected` is about how many slots will be defined (a layout much larger gets a Map).
   */
  constructor(readonly ordinals: readonly ReadonlyMap<string, number>[], lengths: readonly number[], expected: number) {
    const strides = new Array<number>(lengths.length);
    let size = 1;
    for (let p = lengths.length - 1; p >= 0; p--) {
      strides[p] = size;
      size *= lengths[p]!;
    }
    this.strides = strides;
    this.size = size;
    if (size <= DENSE_LIMIT || size <= 4 * expected) this.dense = new Int32Array(size).fill(-1);
    else this.sparse = new Map();
  }

  /** The slot of an element tuple, or -1 when an element is not in its position's list. */
  slotOf(tuple: readonly string[]): number {
    let slot = 0;
    for (let p = 0; p < tuple.length; p++) {
      const o = this.ordinals[p]?.get(tuple[p]!);
      if (o === undefined) return -1;
      slot += o * this.strides[p]!;
    }
    return tuple.length === this.strides.length ? slot : -1;
  }

  get(slot: number): number | undefined {
    if (slot < 0) return undefined;
    if (this.dense) {
      const id = this.dense[slot];
      return id === undefined || id < 0 ? undefined : id;
    }
    return this.sparse!.get(slot);
  }

  set(slot: number, id: number): void {
    if (this.dense) this.dense[slot] = id;
    else this.sparse!.set(slot, id);
  }

  /** The id at an element tuple, or undefined. */
  at(tuple: readonly string[]): number | undefined {
    return this.get(this.slotOf(tuple));
  }
}
