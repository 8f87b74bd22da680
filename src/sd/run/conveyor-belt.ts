/**
 * The belt of a continuous XMILE conveyor (Stella's "traditional" conveyor), one slat per DT.
 *
 * isee's Conveyor Computation help: the material of one DT (all inflows together) is placed in
 * a slat as many DTs from the end as the transit time found at that DT says; once placed, the
 * transit time no longer affects it; it comes off the belt as the outflow when it reaches the
 * end. isee's note on steady-state initialisation of conveyors gives the leakage rules:
 * - linear (the default): the total that leaks over the belt is the leak fraction times the
 *   amount that entered, so 1 − fraction of it reaches the outflow;
 * - exponential: each DT a slat loses the fraction × DT of what it still holds (the fraction
 *   is per unit of time);
 * and the steady state of a conveyor of length n = transit/DT with inflow I and linear leak
 * L = fraction × I: content = transit × I − (n − 1) × L × DT / 2.
 *
 * Timing, chosen so that the steady-state formula above holds exactly: a slat placed at the end
 * of step s with n DTs to go leaks during steps s+1 … s+n (n times) and leaves as the outflow
 * of step s+n, so without leaks outflow(t) = inflow(t − transit), as a pipeline delay. A linear
 * leak takes fraction × entered / n per step. The initial content is laid out in that same
 * steady profile (equal entries; older slats having leaked more), which is what makes the note's
 * steady-state value, entered as the initial value, an equilibrium. Leak fractions are read
 * every DT (their current value). A slat never leaks more than it holds.
 *
 * Sources: isee's "Traditional Conveyor Computation"
 * (https://www.iseesystems.com/resources/help/v2/Content/08-Reference/05-Computational_Details/TraditionalConveyors.htm),
 * "FIFO Conveyor Computation" (same folder, FIFOConveyors.htm) and "Steady-State Initialization
 * of Conveyors" (http://blog.iseesystems.com/2010/05/).
 *
 * Leak zones (XMILE 1.0 §4.2.1: a leak flow's `leak_start` and `leak_end`, fractions of the
 * belt's length measured from where material enters; isee's FIFO conveyor help says leakage may
 * come "from different locations on the conveyor"): a slat's k-th leak step (k = 1 … n) is its
 * passage over the part ((k − 1)/n, k/n) of the belt, and it leaks in that step in proportion to
 * how much of that part lies in the zone (w_k, from 0 to 1). A linear leak still takes the
 * fraction of what entered, spread evenly over the zone: f × entered × w_k / (n × zone length);
 * an exponential leak takes f × DT × w_k of what the slat holds. Over the whole belt w_k = 1 and
 * these are the rules above. Spreading evenly over the zone, and prorating a step that straddles
 * its edge, are our reading: the documents give the zone, not how leakage is spread inside it.
 * isee gives leakage from parts of the belt as a feature of its FIFO conveyor, which behaves as
 * this belt only while the transit time is constant; so a zoned leak with a transit time that
 * changes stops the run with an error instead of a number isee would not give.
 */
import { VectorArgumentError } from './argument-error.js';

/** Where a leak drains, as fractions of the belt's length from the entry (0 … 1). */
export interface LeakZone {
  start: number;
  end: number;
}

const WHOLE_BELT: LeakZone = { start: 0, end: 1 };

/** Share (0 … 1) of a slat's k-th step of n (over ((k − 1)/n, k/n)) that lies in the zone. */
export function zoneWeight(zone: LeakZone, k: number, n: number): number {
  if (zone.start <= 0 && zone.end >= 1) return 1;
  const lo = Math.max((k - 1) / n, zone.start);
  const hi = Math.min(k / n, zone.end);
  return hi > lo ? (hi - lo) * n : 0;
}
export interface BeltSlat {
  /** Step at which it leaves the belt. */
  due: number;
  amount: number;
  /** What entered (linear leaks are a share of it) and over how many steps it travels. */
  entered: number;
  steps: number;
}

export class ConveyorBelt {
  /**
   * Slats in the order they leave (earliest due first) from `head` on; those before `head` have
   * left. Without leaks a step touches only the slats that leave and the one placed.
   */
  private slats: BeltSlat[] = [];
  private head = 0;
  private dt = 1;
  private exponential = false;
  /** This step's leak per slat and leak flow, slat-major from `head` (computed by `compute`, applied by `advance`). */
  private pending = new Float64Array(0);
  private pendingLeaks = 0;
  private leakTotals = new Float64Array(0);
  private zones: LeakZone[] = [];
  /** The transit time at the start, kept while a leak drains a zone (see `advance`). */
  private zonedTransit: number | undefined;

  /** Slat count for a transit time: at least one DT. */
  static slatsFor(transit: number, dt: number): number {
    return Math.max(1, Math.round(transit / dt));
  }

  /** Lays `content` on the belt in the steady profile of a constant inflow (see above). */
  init(transit: number, content: number, dt: number, exponential: boolean, fractions: number[], zones: LeakZone[] = []): void {
    this.dt = dt;
    this.exponential = exponential;
    this.zones = fractions.map((_, j) => zones[j] ?? WHOLE_BELT);
    this.zonedTransit = this.zones.some((z) => z.start > 0 || z.end < 1) ? transit : undefined;
    const n = ConveyorBelt.slatsFor(transit, dt);
    // Share left in a slat that has leaked j times, per unit entered.
    const kept = [1];
    for (let k = 1; k < n; k++) {
      let step = 0;
      for (let i = 0; i < fractions.length; i++) step += this.share(fractions[i]!, i, k, n, 1);
      kept.push(exponential ? kept[k - 1]! * (1 - step) : kept[k - 1]! - step);
    }
    const left = (j: number): number => Math.max(0, kept[j]!);
    let total = 0;
    for (let j = 0; j < n; j++) total += left(j);
    const entered = total > 0 ? content / total : 0;
    this.slats = [];
    this.head = 0;
    // The slat due at step j (j = 0 leaves first) has leaked n − 1 − j times.
    for (let j = 0; j < n; j++) this.slats.push({ due: j, amount: entered * left(n - 1 - j), entered, steps: n });
    this.leakTotals = new Float64Array(fractions.length);
  }

  /** Material on the belt. */
  content(): number {
    let s = 0;
    for (let i = this.head; i < this.slats.length; i++) s += this.slats[i]!.amount;
    return s;
  }

  /**
   * This step's outflow (a rate) from the belt as it is, with the leak fractions' current
   * values; the leaks are kept for `leak` and `advance`. Reads only, so it may run again.
   */
  compute(step: number, fractions: number[]): number {
    const k = fractions.length;
    const slats = this.slats;
    let out = 0;
    if (k === 0) {
      for (let i = this.head; i < slats.length && slats[i]!.due <= step; i++) out += slats[i]!.amount;
      this.pendingLeaks = 0;
      return out / this.dt;
    }
    if (this.leakTotals.length !== k) this.leakTotals = new Float64Array(k);
    this.leakTotals.fill(0);
    const count = slats.length - this.head;
    if (this.pending.length < count * k) this.pending = new Float64Array(2 * count * k);
    this.pendingLeaks = k;
    for (let i = this.head, p = 0; i < slats.length; i++, p += k) {
      const slat = slats[i]!;
      let left = slat.amount;
      for (let j = 0; j < k; j++) {
        const f = fractions[j]!;
        const leg = step - (slat.due - slat.steps); // this is the slat's leg-th leak step
        const want = this.exponential ? this.share(f, j, leg, slat.steps, slat.amount) : this.share(f, j, leg, slat.steps, slat.entered);
        const take = Math.min(left, Math.max(0, want));
        this.pending[p + j] = take;
        left -= take;
        this.leakTotals[j]! += take;
      }
      if (slat.due <= step) out += left;
    }
    return out / this.dt;
  }

  /**
   * What leak j takes in a slat's k-th step of n: of `base` (what the slat holds, exponential)
   * or of what entered (linear), as the rules above say.
   */
  private share(f: number, j: number, k: number, n: number, base: number): number {
    const zone = this.zones[j] ?? WHOLE_BELT;
    const w = zoneWeight(zone, k, n);
    if (w === 0) return 0;
    return this.exponential ? f * this.dt * w * base : (f * base * w) / (n * (zone.end - zone.start));
  }

  /** Leak flow j of the step last computed (a rate). */
  leak(j: number): number {
    return (this.leakTotals[j] ?? 0) / this.dt;
  }

  /** Ends step `step`: leaks and the outflow leave, this step's inflow (a rate) is placed. */
  advance(step: number, inflow: number, transit: number): void {
    if (this.zonedTransit !== undefined && transit !== this.zonedTransit) {
      // isee's FIFO conveyor help: leakage from parts of the belt is a FIFO conveyor's, which
      // behaves as this one only while the transit time is constant; its moving belt is not here.
      throw new VectorArgumentError({
        en: `the transit time changed from ${this.zonedTransit} to ${transit} on a conveyor with a leak zone; a leak zone is simulated with a constant transit time only (with a varying one isee's FIFO conveyor moves material differently, which this engine does not do)`,
        es: `el tiempo de tránsito cambió de ${this.zonedTransit} a ${transit} en una cinta con zona de fuga; una zona de fuga solo se simula con tiempo de tránsito constante (con uno variable la cinta FIFO de isee mueve el material de otra forma, que este motor no hace)`,
      });
    }
    const slats = this.slats;
    const k = this.pendingLeaks;
    if (k > 0) {
      for (let i = this.head, p = 0; i < slats.length; i++, p += k) {
        for (let j = 0; j < k; j++) slats[i]!.amount -= this.pending[p + j]!;
      }
    }
    while (this.head < slats.length && slats[this.head]!.due <= step) this.head++;
    const n = ConveyorBelt.slatsFor(transit, this.dt);
    const amount = inflow * this.dt;
    const slat: BeltSlat = { due: step + n, amount, entered: amount, steps: n };
    // A shorter transit time places the slat ahead of some already on the belt.
    let at = slats.length;
    while (at > this.head && slats[at - 1]!.due > slat.due) at--;
    if (at === slats.length) slats.push(slat);
    else slats.splice(at, 0, slat);
    // Drop the slats that have left once they are half the array.
    if (this.head > 64 && this.head * 2 > slats.length) {
      this.slats = slats.slice(this.head);
      this.head = 0;
    }
    this.pendingLeaks = 0;
  }
}
