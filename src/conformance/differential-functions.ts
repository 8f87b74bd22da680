/**
 * Further equations for the differential generator: Vensim's vector functions (VECTOR ELM MAP,
 * VECTOR SORT ORDER, VECTOR RANK, VECTOR REORDER, VECTOR SELECT, PROD, ELMCOUNT), the stateful
 * functions that must stand alone on the right (DELAY N, SMOOTH N, TREND, FORECAST, NPV, SAMPLE IF
 * TRUE) and DELAY1I / DELAY3I / SMOOTH3I, the lookup modes (LOOKUP FORWARD / BACKWARD /
 * EXTRAPOLATE, WITH LOOKUP) and ZIDZ, XIDZ, INTEGER, MODULO, QUANTUM, POWER.
 *
 * They come from their own random stream and are written after the model's other equations
 * (variables y1, y2, …, reading only what came before), so a seed's earlier equations stay those
 * it had before these functions were generated. Values stay finite: PROD takes values clamped to
 * [-3, 3], powers take |x|, MODULO a positive base; offsets of VECTOR ELM MAP stay inside the
 * vector; what is sorted gets a tie-breaker of position / 10,000 (the pages leave the order of
 * ties open); DELAY N and SMOOTH N have constant delay times above order × TIME STEP (the pages
 * reduce the order otherwise, and let a changing delay time act a step later).
 */
import prand from 'pure-rand';
import { mix32 } from './differential-mappings.js';

export interface FnDim {
  name: string;
  elements: string[];
  sub?: { name: string; elements: string[] };
}
export interface FnVar {
  name: string;
  dims: FnDim[];
}

export interface FunctionContext {
  seed: number;
  dims: FnDim[];
  /** Variables defined so far (constants, stocks, auxiliaries, flows), each over whole ranges. */
  known: FnVar[];
  lookups: string[];
  dt: number;
  final: number;
  /** Leave out what SDEverywhere 0.7.28 does not implement (differential-sde.ts). */
  sdeSubset: boolean;
}

/** What SDEverywhere 0.7.28 stops on ("Unhandled function …"); the subset model writes something else. */
export const SDE_LACKS = ['PROD', 'VECTOR RANK', 'VECTOR REORDER', 'DELAY N', 'SMOOTH N', 'FORECAST', 'LOOKUP EXTRAPOLATE'];

/** Share of seeds that get these equations at all. */
export const FUNCTION_SHARE = 0.7;

export function functionLines(ctx: FunctionContext): string[] {
  const rng = prand.xoroshiro128plus(mix32(ctx.seed ^ 0x2545f491));
  const int = (lo: number, hi: number): number => prand.unsafeUniformIntDistribution(lo, hi, rng);
  const chance = (p: number): boolean => int(0, 999) < p * 1000;
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const num = (lo: number, hi: number): number => int(Math.round(lo * 100), Math.round(hi * 100)) / 100;
  if (!chance(FUNCTION_SHARE)) return [];

  const lines: string[] = [];
  const known = [...ctx.known];
  const shapes: FnDim[][] = [[], ...ctx.dims.map((d) => [d])];
  if (ctx.dims.length >= 2) shapes.push([ctx.dims[0]!, ctx.dims[1]!]);
  let n = 0;
  const fresh = (): string => `y${++n}`;
  const lhs = (name: string, shape: FnDim[]): string => (shape.length ? `${name}[${shape.map((d) => d.name).join(',')}]` : name);

  /** A variable read at the equation's shape: its ranges the shape has by name, the others at a fixed element. */
  const operand = (shape: FnDim[]): string => {
    const v = pick(known);
    if (!v.dims.length) return v.name;
    return `${v.name}[${v.dims.map((d) => (shape.includes(d) ? d.name : pick(d.elements))).join(',')}]`;
  };
  /** An operand or a small expression of two, now and then with Time. */
  const input = (shape: FnDim[]): string =>
    pick([() => operand(shape), () => `(${operand(shape)} ${pick(['+', '-', '*'])} ${operand(shape)})`, () => `(${operand(shape)} + Time)`])();
  const scalarConst = (): string => `${num(0.5, 5)}`;

  /** Elementwise functions of inputs, usable in any shape. */
  const elementwise = (shape: FnDim[]): { text: string; lacks?: string } => {
    const a = input(shape);
    switch (int(0, 11)) {
      // A divisor that is exactly 0 before a switch time, and a difference that may be 0.
      case 0: return { text: `ZIDZ(${a}, STEP(${operand(shape)}, ${ctx.dt * int(0, Math.round(ctx.final / ctx.dt))}))` };
      case 1: return { text: `XIDZ(${a}, (${operand(shape)} - ${operand(shape)}), ${num(-3, 3)})` };
      case 2: return { text: `INTEGER(${a})` };
      case 3: return { text: `MODULO(${a}, ${pick([1, 2.5, 3, 0.75])})` };
      case 4: return { text: `QUANTUM(${a}, ${pick([-1, 0, 0.5, 1, 2.5])})` };
      case 5: return { text: `POWER(ABS(${a}), ${pick([0.5, 1.5, 2])})` };
      case 6: {
        const mode = pick(['LOOKUP FORWARD', 'LOOKUP BACKWARD', 'LOOKUP EXTRAPOLATE']);
        if (!ctx.lookups.length) return { text: `WITH LOOKUP(${a}, ((-2,1),(0,${num(-3, 3)}),(1.5,${num(-3, 3)}),(4,2)))` };
        return { text: `${mode}(${pick(ctx.lookups)}, ${a})`, lacks: mode === 'LOOKUP EXTRAPOLATE' ? mode : undefined };
      }
      case 7: return { text: `WITH LOOKUP(${a}, ((${num(-5, -1)},${num(-3, 3)}),(0,${num(-3, 3)}),(${num(0.5, 3)},${num(-3, 3)})))` };
      case 8: {
        const ranges = ctx.dims.flatMap((x) => (x.sub ? [x, x.sub] : [x]));
        return { text: ranges.length ? `(ELMCOUNT(${pick(ranges).name}) * ${a})` : `(${a} * 2)` };
      }
      case 9: {
        // A range of the shape used as a number: its element's position from 1.
        const d = shape.length ? pick(shape) : undefined;
        return { text: d ? `(${a} + ${d.name} * ${num(0.1, 2)})` : `(${a} - 1)` };
      }
      case 10: return reduction(shape);
      default: return elmMap(shape);
    }
  };

  /** PROD or VECTOR SELECT over one range of an arrayed variable. */
  const reduction = (shape: FnDim[]): { text: string; lacks?: string } => {
    const arrayed = known.filter((v) => v.dims.length > 0);
    if (!arrayed.length) return { text: operand(shape) };
    const v = pick(arrayed);
    const over = pick(v.dims);
    const idx = v.dims.map((d) => (d === over ? `${d.name}!` : shape.includes(d) ? d.name : pick(d.elements))).join(',');
    if (chance(0.4)) return { text: `PROD(MIN(MAX(${v.name}[${idx}], -3), 3))`, lacks: 'PROD' };
    // A selection over the same range: zeros (sometimes all) and weights.
    const sel = fresh();
    const weights = over.elements.map(() => pick([0, 0, 1, 0.5, 2]));
    let action = pick([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    // Action 5 (the product of expression ^ selection, as Vensim's suite output has it; vector-rules.ts)
    // takes the place of action 1 in odd seeds, with no draw of its own, so that every seed keeps the
    // random stream it had; its weights are whole numbers (0.5 becomes 3), so that a negative element
    // raised to them is a number. (The subset model sums instead, with the weights it always had.)
    if (action === 1 && ctx.seed % 2 === 1) action = 5;
    const shownWeights = action === 5 && !ctx.sdeSubset ? weights.map((w) => (w === 0.5 ? 3 : w)) : weights;
    lines.push(`${sel}[${over.name}] = ${shownWeights.join(', ')} ~~|`);
    known.push({ name: sel, dims: [over] });
    // SDEverywhere 0.7.28 takes actions 0 and 3 only; the subset model sums instead.
    const shown = ctx.sdeSubset && action !== 0 && action !== 3 ? 0 : action;
    return { text: `VECTOR SELECT(${sel}[${over.name}!], ${v.name}[${idx}], ${num(-3, 3)}, ${shown}, 0)` };
  };

  /**
   * VECTOR ELM MAP from a fixed element of a variable (one or two ranges, so a flat offset across
   * rows too), by an offset that keeps inside the vector: a number, or k × (position - 1) + j over
   * a range of the shape.
   */
  const elmMap = (shape: FnDim[]): { text: string } => {
    const arrayed = known.filter((v) => v.dims.length > 0);
    if (!arrayed.length) return { text: operand(shape) };
    const v = pick(arrayed);
    const size = v.dims.reduce((a, d) => a * d.elements.length, 1);
    const base = int(0, size - 1);
    // The base element's subscripts, first range slowest.
    let rest = base;
    const els = [...v.dims].reverse().map((d) => {
      const e = d.elements[rest % d.elements.length]!;
      rest = Math.floor(rest / d.elements.length);
      return e;
    }).reverse();
    const d = shape.length ? pick(shape) : undefined;
    if (d && chance(0.7)) {
      const m = d.elements.length;
      const fits = [1, 2, -1, 0].flatMap((k) => {
        const lo = Math.max(-base, -base - k * (m - 1));
        const hi = Math.min(size - 1 - base, size - 1 - base - k * (m - 1));
        return lo <= hi ? [{ k, lo, hi }] : [];
      });
      const f = pick(fits);
      const j = int(f.lo, f.hi);
      return { text: `VECTOR ELM MAP(${v.name}[${els.join(',')}], ${f.k} * (${d.name} - 1) + ${j})` };
    }
    return { text: `VECTOR ELM MAP(${v.name}[${els.join(',')}], ${int(-base, size - 1 - base)})` };
  };

  /** Sorting along the last range of an equation over one or two whole ranges. */
  const sorting = (): void => {
    const arrayedShapes = shapes.filter((s) => s.length > 0);
    if (!arrayedShapes.length) return;
    const shape = pick(arrayedShapes);
    const last = shape[shape.length - 1]!;
    const key = fresh();
    lines.push(`${lhs(key, shape)} = ${input(shape)} + ${last.name} / 10000 ~~|`);
    known.push({ name: key, dims: shape });
    const order = fresh();
    lines.push(`${lhs(order, shape)} = VECTOR SORT ORDER(${lhs(key, shape)}, ${pick([1, -1, 0, 2])}) ~~|`);
    known.push({ name: order, dims: shape });
    const kind = int(0, 2);
    if (kind === 0) {
      // The sort order as offsets into the vector it sorts, from its first element.
      const first = shape.map((d) => (d === last ? d.elements[0]! : d.name));
      const y = fresh();
      lines.push(`${lhs(y, shape)} = VECTOR ELM MAP(${key}[${first.join(',')}], ${lhs(order, shape)}) ~~|`);
      known.push({ name: y, dims: shape });
      return;
    }
    // VECTOR RANK and VECTOR REORDER: SDE_LACKS, not in the subset model.
    if (ctx.sdeSubset) return;
    const y = fresh();
    if (kind === 1) lines.push(`${lhs(y, shape)} = VECTOR RANK(${lhs(key, shape)}, ${pick([1, -1, 0])}) ~~|`);
    else {
      // What is reordered is a variable over the same ranges (the sorted one, or another).
      const same = known.filter((v) => v.dims.length === shape.length && v.dims.every((d, i) => d === shape[i]));
      lines.push(`${lhs(y, shape)} = VECTOR REORDER(${lhs(pick(same).name, shape)}, ${lhs(order, shape)}) ~~|`);
    }
    known.push({ name: y, dims: shape });
  };

  /** A stateful function alone on the right of an equation. */
  const stateful = (shape: FnDim[]): { text: string; lacks?: string } => {
    const a = input(shape);
    const delay = (min: number): number => ctx.dt * int(Math.max(3, min), 12);
    switch (int(0, 8)) {
      case 0: {
        const order = pick([1, 2, 3, 5]);
        return { text: `DELAY N(${a}, ${delay(order + 1)}, ${num(-2, 2)}, ${order})`, lacks: 'DELAY N' };
      }
      case 1: {
        const order = pick([1, 2, 3, 5]);
        return { text: `SMOOTH N(${a}, ${delay(order + 1)}, ${pick([num(-2, 2), a])}, ${order})`, lacks: 'SMOOTH N' };
      }
      // Initial trends keep 1 + trend × average time above 0.
      case 2: return { text: `TREND(${a}, ${delay(3)}, ${num(-0.05, 0.2)})` };
      case 3: return { text: `FORECAST(${a}, ${delay(3)}, ${num(0, 5)})`, lacks: 'FORECAST' };
      case 4: return { text: `NPV(${a}, ${pick([0, 0.05, 0.1, 0.3])}, ${num(-5, 5)}, ${pick([1, 0.5, 2])})` };
      case 5: {
        const cond = pick([
          `Time >= ${ctx.dt * int(0, Math.round(ctx.final / ctx.dt))}`,
          `${operand(shape)} > ${num(-2, 10)}`,
          `MODULO(Time, ${pick([1, 2, 3])}) < ${ctx.dt / 2}`,
        ]);
        return { text: `SAMPLE IF TRUE(${cond}, ${a}, ${num(-3, 3)})` };
      }
      case 6: return { text: `DELAY1I(${a}, ${delay(3)}, ${num(-2, 2)})` };
      case 7: return { text: `DELAY3I(${a}, ${delay(3)}, ${num(-2, 2)})` };
      default: return { text: `SMOOTH3I(${a}, ${delay(3)}, ${num(-2, 2)})` };
    }
  };

  for (let i = 0, count = int(1, 4); i < count; i++) {
    const r = int(0, 9);
    if (r <= 1) {
      sorting();
      continue;
    }
    const shape = pick(shapes);
    const made = r <= 4 ? stateful(shape) : r <= 6 ? reduction(shape) : elementwise(shape);
    // The subset model writes a stand-in without the function SDEverywhere lacks.
    const text = made.lacks && ctx.sdeSubset ? `(${input(shape)} + ${scalarConst()})` : made.text;
    const y = fresh();
    lines.push(`${lhs(y, shape)} = ${text} ~~|`);
    known.push({ name: y, dims: shape });
  }
  return lines;
}
