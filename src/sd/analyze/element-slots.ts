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

/**
 * How a reference with `used` subscripts names an element of a variable with `n` positions: bare
 * (each position's element from the equation's binding), by its subscripts, or with the wrong count.
 * The one shape rule of Expander.elementKey/elementSlot and EquationPlans.slotPlan.
 */
export function referenceForm(n: number, used: number): 'bare' | 'subscripted' | 'miscounted' {
  if (used === 0 && n > 0) return 'bare';
  return used === n ? 'subscripted' : 'miscounted';
}

/** A bare reference to a variable whose positions repeat a range is ambiguous (which subscript goes where?). */
export const ambiguousWhenBare = (positionDims: readonly string[]): boolean => positionDims.some((d, i) => positionDims.indexOf(d) !== i);

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

  /**
   * What `element` at position p adds to a slot: its ordinal times the position's stride, or -1 when
   * p's list lacks it. Every slot is a sum of these (slotOf, Expander.elementSlot, EquationPlans.slotPlan).
   */
  step(p: number, element: string): number {
    const o = this.ordinals[p]?.get(element);
    return o === undefined ? -1 : o * this.strides[p]!;
  }

  /** The slot of an element tuple, or -1 when an element is not in its position's list. */
  slotOf(tuple: readonly string[]): number {
    let slot = 0;
    for (let p = 0; p < tuple.length; p++) {
      const s = this.step(p, tuple[p]!);
      if (s < 0) return -1;
      slot += s;
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
