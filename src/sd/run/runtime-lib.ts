/**
 * Functions the generated code calls (as `R.name`). Kept small and monomorphic so V8 inlines
 * them. Time tests use a tolerance of a thousandth of a step, so `time` built from an integer
 * step count never misses a switch-on time by floating-point noise.
 */
import type { DataSeries } from '../analyze/scalar-model.js';
import type { BilingualText } from '../ir/diagnostics.js';
import { VectorArgumentError, vectorFunction } from './vector-functions.js';
import { segment, tableArea, tableInvert, tableSlopeAt } from '../analyze/table-lookup.js';
import { RandomStream, streamSeed } from './random.js';
import { xidz, zidz } from '../ir/guarded-division.js';
import { ConveyorBelt, type LeakZone } from './conveyor-belt.js';
import { FifoQueue } from './fifo-queue.js';
import { VENSIM_NA } from '../ir/na.js';
import { pulse, pulseTrain, ramp, step } from '../ir/time-functions.js';

/**
 * NaN read from a typed array: the global `NaN` is a tagged heap value, and a function that can
 * return it makes TurboFan box every number it returns, even inlined (a heap number per lookup).
 */
const NAN = new Float64Array([NaN]);

/** Whether a lookup's points trace a density: no negative y and some area under them. */
function isDensity(ys: ArrayLike<number>, xs: ArrayLike<number>): boolean {
  let area = 0;
  for (let i = 0; i < ys.length; i++) if (!(ys[i]! >= 0)) return false;
  for (let i = 0; i + 1 < xs.length; i++) area += (ys[i]! + ys[i + 1]!) * (xs[i + 1]! - xs[i]!);
  return area > 0;
}

export class Runtime {
  lx: Float64Array[];
  ly: Float64Array[];
  private readonly delays: { hist: Float64Array; n: number; init: number; dt: number; out?: Float64Array; due?: Uint8Array; head?: number; seen?: number }[] = [];
  private stream: RandomStream | undefined;
  /** XMILE conveyors' belts, by the index codegen gives each conveyor. */
  private readonly belts: ConveyorBelt[] = [];
  initialTime = 0;
  /**
   * The time at the start of the current TIME STEP. STEP, RAMP, PULSE and PULSE TRAIN read it, not
   * the Runge-Kutta stage's time: their pages say their value "does not change except at TIME STEP
   * intervals regardless of the integration method used" (fn_step, fn_ramp, fn_pulse, fn_pulse_train).
   */
  heldTime = 0;

  constructor(lx: Float64Array[], ly: Float64Array[], readonly dataSeries: DataSeries[], delayCount: number, private readonly seed: number) {
    // The tables are shared with the model; a run that overrides one copies the lists first.
    this.lx = lx;
    this.ly = ly;
    for (let i = 0; i < delayCount; i++) this.delays.push({ hist: new Float64Array(0), n: 0, init: 0, dt: 1 });
  }

  /** The run's random stream, made on first use (most models draw no random numbers). */
  get random(): RandomStream {
    return (this.stream ??= new RandomStream(this.seed));
  }
  private readonly streams = new Map<number, RandomStream>();
  /**
   * Vensim's stream ID `s` (fn_random): 0 (or none) draws from the run's stream, which the run's
   * seed sets (Vensim's NOISE SEED); any other value has a stream of its own, seeded by `s` alone,
   * shared by the calls that name the same `s`, so its draws do not change with the run's seed.
   */
  private rng(s?: number): RandomStream {
    if (s === undefined || s === 0) return this.random;
    let r = this.streams.get(s);
    if (!r) this.streams.set(s, (r = new RandomStream(streamSeed(s))));
    return r;
  }

  prepareDelays(steps: number): void {
    for (const d of this.delays) if (d.hist.length < steps + 1) d.hist = new Float64Array(steps + 1);
  }

  // --- arithmetic -------------------------------------------------------------------------
  modulo(a: number, b: number): number {
    // Vensim's MODULO keeps the sign of the dividend (MODULO(-10, 3) = -1 in the suite's rounding case).
    return a % b;
  }
  quantum(a: number, q: number): number {
    return q <= 0 ? a : q * Math.trunc(a / q);
  }
  log(a: number, base: number): number {
    return Math.log(a) / Math.log(base);
  }
  /** fn_xidz / fn_zidz: a divisor below 1E-6 in magnitude counts as zero. */
  xidz(a: number, b: number, x: number): number {
    return xidz(a, b, x);
  }
  zidz(a: number, b: number): number {
    return zidz(a, b);
  }
  safediv(a: number, b: number, x = 0): number {
    return b === 0 ? x : a / b;
  }

  // --- time functions ---------------------------------------------------------------------
  // The same functions the loop-score evaluators call (ir/time-functions.ts).
  step(time: number, dt: number, height: number, start: number): number {
    return step(time, dt, height, start);
  }
  ramp(time: number, dt: number, slope: number, start: number, end: number): number {
    return ramp(time, dt, slope, start, end);
  }
  pulse(time: number, dt: number, start: number, width: number): number {
    return pulse(time, dt, start, width);
  }
  pulseTrain(time: number, dt: number, start: number, width: number, interval: number, end: number): number {
    return pulseTrain(time, dt, start, width, interval, end);
  }
  /**
   * GET TIME VALUE(relative to, offset, measure) as fn_get_time_value numbers the measures; the
   * expander (time-value.ts) lets only constant codes of the computed cases through.
   */
  getTimeValue(time: number, relativeTo: number, offset: number, measure: number): number {
    if (relativeTo === 0) return time + offset;
    if (relativeTo === 1) return this.initialTime + offset;
    const now = new Date();
    switch (measure) {
      case 1: return now.getFullYear();
      case 2: return Math.floor(now.getMonth() / 3) + 1;
      case 3: return now.getMonth() + 1;
      case 4: return now.getDate();
      case 5: return now.getDay();
      case 7: return now.getHours();
      case 8: return now.getMinutes();
      default: return now.getSeconds() + now.getMilliseconds() / 1000; // 9, the only one left
    }
  }

  // --- lookups ----------------------------------------------------------------------------
  lookup(t: number, x: number): number {
    const xs = this.lx[t]!;
    const ys = this.ly[t]!;
    const n = xs.length;
    if (n === 0) return NAN[0]!;
    if (x <= xs[0]!) return ys[0]!;
    if (x >= xs[n - 1]!) return ys[n - 1]!;
    const lo = segment(xs, x);
    const hi = lo + 1;
    const x0 = xs[lo]!;
    const x1 = xs[hi]!;
    return x1 === x0 ? ys[hi]! : ys[lo]! + ((ys[hi]! - ys[lo]!) * (x - x0)) / (x1 - x0);
  }
  /**
   * `v[at..at+n) = lookup(t, v[i])` in place: codegen writes an array equation's inputs into its
   * own slots, then one call looks them all up. Returns nothing, so nothing is boxed however big
   * this is, and the tables are read once per array instead of once per element. Must give exactly
   * what `lookup` gives (the same segment and formula; runtime-lib.test.ts compares them).
   */
  lookupRange(t: number, v: Float64Array, at: number, n: number): void {
    const xs = this.lx[t]!;
    const ys = this.ly[t]!;
    const m = xs.length;
    const end = at + n;
    if (m === 0) {
      for (let i = at; i < end; i++) v[i] = NAN[0]!;
      return;
    }
    const first = xs[0]!;
    const last = xs[m - 1]!;
    // In ascending x there is one segment with xs[lo] <= x < xs[lo + 1], whichever way it is found:
    // start where evenly spaced points would put x and step to it (one or two reads when the x are
    // about evenly spaced). Checking the order costs m reads, so only when there are more lookups.
    let ascending = m >= 2 && m <= n;
    for (let j = 1; ascending && j < m; j++) ascending = xs[j - 1]! <= xs[j]!;
    const perWidth = (m - 1) / (last - first);
    for (let i = at; i < end; i++) {
      const x = v[i]!;
      if (x <= first) {
        v[i] = ys[0]!;
        continue;
      }
      if (x >= last) {
        v[i] = ys[m - 1]!;
        continue;
      }
      let lo = 0;
      let hi = m - 1;
      if (ascending) {
        // At most m - 1 in exact arithmetic (first < x < last), so no overflow; NaN x gives 0.
        lo = ((x - first) * perWidth) | 0;
        if (lo > m - 2) lo = m - 2;
        while (lo > 0 && xs[lo]! > x) lo--;
        while (xs[lo + 1]! <= x) lo++;
        hi = lo + 1;
      } else {
        lo = segment(xs, x);
        hi = lo + 1;
      }
      const x0 = xs[lo]!;
      const x1 = xs[hi]!;
      v[i] = x1 === x0 ? ys[hi]! : ys[lo]! + ((ys[hi]! - ys[lo]!) * (x - x0)) / (x1 - x0);
    }
  }
  lookup_extrapolate(t: number, x: number): number {
    const xs = this.lx[t]!;
    const ys = this.ly[t]!;
    const n = xs.length;
    if (n < 2) return this.lookup(t, x);
    if (x < xs[0]!) return ys[0]! + ((ys[1]! - ys[0]!) * (x - xs[0]!)) / (xs[1]! - xs[0]!);
    if (x > xs[n - 1]!) return ys[n - 1]! + ((ys[n - 1]! - ys[n - 2]!) * (x - xs[n - 1]!)) / (xs[n - 1]! - xs[n - 2]!);
    return this.lookup(t, x);
  }
  /** The y of the first point at or after x (no interpolation). */
  lookup_forward(t: number, x: number): number {
    const xs = this.lx[t]!;
    const ys = this.ly[t]!;
    for (let i = 0; i < xs.length; i++) if (xs[i]! >= x) return ys[i]!;
    return ys[ys.length - 1]!;
  }
  /** The y of the last point at or before x (no interpolation). */
  lookup_backward(t: number, x: number): number {
    const xs = this.lx[t]!;
    const ys = this.ly[t]!;
    for (let i = xs.length - 1; i >= 0; i--) if (xs[i]! <= x) return ys[i]!;
    return ys[0]!;
  }
  /** The area under the (held-flat) table from its first x to x; LOOKUP AREA is a difference of two. */
  lookup_area(t: number, x: number): number {
    return tableArea(this.lx[t]!, this.ly[t]!, x, false);
  }
  /** LOOKUP SLOPE with mode 0, 1 and −1 (see tableSlopeAt). */
  lookup_slope(t: number, x: number): number {
    return tableSlopeAt(this.lx[t]!, this.ly[t]!, x, 'zero');
  }
  lookup_slope_extrapolate(t: number, x: number): number {
    return tableSlopeAt(this.lx[t]!, this.ly[t]!, x, 'extrapolate');
  }
  lookup_slope_na(t: number, x: number): number {
    return tableSlopeAt(this.lx[t]!, this.ly[t]!, x, 'na');
  }
  /** LOOKUP INVERT (see tableInvert): :NA: when y is outside the table. */
  lookup_invert(t: number, y: number): number {
    return tableInvert(this.lx[t]!, this.ly[t]!, y);
  }

  // --- data -------------------------------------------------------------------------------
  /**
   * A data variable at `time`: interpolated between its points (the default), held, looked ahead,
   * or for :RAW: data :NA: wherever it has no point (keywords.html: ":RAW: Marks data as raw so :NA:
   * is reported for missing values"; na.html: :NA: is the value a model tests for missing data with).
   */
  data(k: number, time: number): number {
    const s = this.dataSeries[k]!;
    const ts = s.times;
    const vs = s.values;
    const n = ts.length;
    if (n === 0) return NAN[0]!;
    if (time <= ts[0]!) return s.mode === 'raw' && time < ts[0]! ? VENSIM_NA : vs[0]!;
    if (time >= ts[n - 1]!) return s.mode === 'raw' && time > ts[n - 1]! ? VENSIM_NA : vs[n - 1]!;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ts[mid]! <= time) lo = mid;
      else hi = mid;
    }
    if (ts[lo] === time) return vs[lo]!;
    switch (s.mode) {
      case 'hold backward':
        return vs[lo]!;
      case 'look forward':
        return vs[hi]!;
      case 'raw':
        return ts[hi] === time ? vs[hi]! : VENSIM_NA;
      default:
        return vs[lo]! + ((vs[hi]! - vs[lo]!) * (time - ts[lo]!)) / (ts[hi]! - ts[lo]!);
    }
  }

  /**
   * GET DATA AT TIME: the data variable at `time` as it reads there (its own interpolation), but
   * :NA: before its first or after its last point, where no value is available
   * (function_changes.html: "The value for the data variable D at time T or :NA: if not available").
   */
  dataAt(k: number, time: number): number {
    const ts = this.dataSeries[k]!.times;
    const n = ts.length;
    if (n === 0 || time < ts[0]! || time > ts[n - 1]!) return VENSIM_NA;
    return this.data(k, time);
  }

  /** GET DATA BETWEEN TIMES: mode 0 interpolates, 1 the later point, −1 the earlier; :NA: outside the data. */
  dataBetween(k: number, time: number, mode: number): number {
    const ts = this.dataSeries[k]!.times;
    const vs = this.dataSeries[k]!.values;
    const n = ts.length;
    if (n === 0 || time < ts[0]! || time > ts[n - 1]!) return VENSIM_NA;
    let i = 0;
    while (i < n - 1 && ts[i + 1]! <= time) i++;
    if (ts[i] === time || i === n - 1) return vs[i]!;
    if (mode > 0) return vs[i + 1]!;
    if (mode < 0) return vs[i]!;
    return vs[i]! + ((vs[i + 1]! - vs[i]!) * (time - ts[i]!)) / (ts[i + 1]! - ts[i]!);
  }

  /**
   * GET DATA MAX / MIN / MEAN over the data points with from ≤ time ≤ to (both ends included),
   * skipping :NA: points; :NA: when none is left (fn_get_data_min).
   */
  dataStat(k: number, stat: 'max' | 'min' | 'mean', from: number, to: number): number {
    const ts = this.dataSeries[k]!.times;
    const vs = this.dataSeries[k]!.values;
    let n = 0;
    let acc = stat === 'max' ? -Infinity : stat === 'min' ? Infinity : 0;
    for (let i = 0; i < ts.length; i++) {
      const v = vs[i]!;
      if (ts[i]! < from || ts[i]! > to || Number.isNaN(v) || v === VENSIM_NA) continue;
      n++;
      acc = stat === 'max' ? Math.max(acc, v) : stat === 'min' ? Math.min(acc, v) : acc + v;
    }
    if (n === 0) return VENSIM_NA;
    return stat === 'mean' ? acc / n : acc;
  }

  // --- discrete delays (DELAY FIXED, DELAY INFORMATION) ----------------------------------
  delayInit(k: number, delayTime: number, init: number, dt: number): number {
    const d = this.delays[k]!;
    d.n = Math.max(0, Math.round(delayTime / dt));
    d.init = init;
    d.dt = dt;
    d.seen = -1;
    d.out?.fill(0);
    d.due?.fill(0);
    return init;
  }
  /** DELAY MATERIAL: the initial value for the first delay, then what is due this step, or missval. */
  delayOutMaterial(k: number, si: number, missval: number): number {
    const d = this.delays[k]!;
    if (si < Math.max(1, d.n)) return d.init;
    return d.due?.[si] ? d.out![si]! : missval;
  }
  /** DELAY MATERIAL: this step's input leaves after the delay time it finds (at least one step). */
  delayPushMaterial(k: number, si: number, input: number, delayTime: number): void {
    const d = this.delays[k]!;
    if (!d.out || d.out.length < d.hist.length) {
      d.out = new Float64Array(d.hist.length);
      d.due = new Uint8Array(d.hist.length);
    }
    const at = si + Math.max(1, Math.round(delayTime / d.dt));
    if (at < d.out.length) {
      d.out[at]! += input;
      d.due![at] = 1;
    }
  }
  /**
   * The input of delay time ago (at least one step). Never an input older than one already given
   * out: when DELAY INFORMATION's delay time grows, "existing values will be held"
   * (fn_delay_information) rather than given out again; a fixed delay never reaches back.
   */
  delayOut(k: number, si: number): number {
    const d = this.delays[k]!;
    const j = Math.max(d.n > 0 ? si - d.n : si - 1, d.seen ?? -1);
    if (j < 0) return d.init;
    d.seen = j;
    return d.hist[j]!;
  }
  delayPush(k: number, si: number, input: number, delayTime?: number): void {
    const d = this.delays[k]!;
    d.hist[si] = input;
    if (delayTime !== undefined) d.n = Math.max(0, Math.round(delayTime / d.dt));
  }

  // --- Vensim's DELAY CONVEYOR (src/sd/analyze/stateful.ts) --------------------------------
  /**
   * A belt of round(ctime / dt) slots, each holding the material that leaves in one step,
   * the first to leave at `head`; the initial output × dt in every slot (a flat profile).
   */
  conveyorDelayInit(k: number, ctime: number, initialOutput: number, dt: number): number {
    const d = this.delays[k]!;
    d.n = Math.max(1, Math.round(ctime / dt));
    d.dt = dt;
    d.head = 0;
    if (d.hist.length < d.n) d.hist = new Float64Array(d.n);
    d.hist.fill(initialOutput * dt, 0, d.n);
    return initialOutput;
  }
  conveyorDelayOut(k: number): number {
    const d = this.delays[k]!;
    return d.hist[d.head!]! / d.dt;
  }
  /** After a step: the first slot leaves, the input takes its place at the back, everything leaks. */
  conveyorDelayPush(k: number, input: number, leak: number): void {
    const d = this.delays[k]!;
    const h = d.head!;
    d.hist[h] = input * d.dt;
    d.head = h + 1 === d.n ? 0 : h + 1;
    if (leak !== 0) {
      const keep = 1 - leak * d.dt;
      for (let i = 0; i < d.n; i++) d.hist[i]! *= keep;
    }
  }

  // --- DEPRECIATE STRAIGHTLINE with fisc = TIME STEP (src/sd/analyze/depreciate.ts) ---------
  /**
   * The sum of str over the dtime / fisc − 1 steps before this one, init standing for str before
   * the start (kept in the delay's history, filled by delayPush). A fisc other than TIME STEP, or a
   * dtime that is not a whole number of fisc, stops the run: fn_depreciate_straightline leaves them open.
   */
  depreciationInit(k: number, node: number, dtime: number, fisc: number, init: number, dt: number): number {
    const periods = dtime / fisc;
    const refuse = (text: BilingualText): never => {
      const e = new VectorArgumentError(text);
      e.node = node;
      throw e;
    };
    if (Math.abs(fisc - dt) > 1e-9 * dt) {
      refuse({
        en: `DEPRECIATE STRAIGHTLINE with a fiscal period fisc (${fisc}) other than TIME STEP (${dt}) is not supported: fn_depreciate_straightline lumps the payments of a fiscal period together but does not say when a period starts, nor how the part of str already included is settled when str changes later in the period (use fisc = TIME STEP)`,
        es: `DEPRECIATE STRAIGHTLINE con un periodo fiscal fisc (${fisc}) distinto de TIME STEP (${dt}) no se admite: fn_depreciate_straightline agrupa los pagos de un periodo fiscal, pero no dice cuándo empieza un periodo ni cómo se ajusta la parte de str ya incluida cuando str cambia más tarde en el periodo (use fisc = TIME STEP)`,
      });
    }
    if (!(Math.abs(periods - Math.round(periods)) <= 1e-9 * periods && Math.round(periods) >= 1)) {
      refuse({
        en: `DEPRECIATE STRAIGHTLINE with a dtime (${dtime}) that is not a whole number of fisc (${fisc}) is not supported: fn_depreciate_straightline says Vensim adjusts it, not how`,
        es: `DEPRECIATE STRAIGHTLINE con un dtime (${dtime}) que no es un número entero de fisc (${fisc}) no se admite: fn_depreciate_straightline dice que Vensim lo ajusta, no cómo`,
      });
    }
    const d = this.delays[k]!;
    d.n = Math.round(periods) - 1;
    d.init = init;
    d.dt = dt;
    return d.n * init;
  }
  depreciationPast(k: number, si: number): number {
    const d = this.delays[k]!;
    let sum = 0;
    for (let i = 1; i <= d.n; i++) sum += si - i >= 0 ? d.hist[si - i]! : d.init;
    return sum;
  }

  // --- Vensim's QUEUE FIFO with no initial content (src/sd/analyze/queue.ts, fifo-queue.ts) --
  /** Queues by the index codegen gives each (among the delays). */
  private readonly queues: FifoQueue[] = [];
  /** Queue node id → its index (QUEUE AGE IN RANGE names the queue by its node). */
  private readonly queueOf = new Map<number, number>();
  /**
   * An empty queue. One given initial content stops the run: fn_queue_fifo does not say how that
   * content is spread over the TIME STEP ages.
   */
  queueInit(k: number, node: number, initial: number, dt: number): number {
    if (initial !== 0) {
      const e = new VectorArgumentError({
        en: `QUEUE FIFO with an initial content of ${initial} is not supported: fn_queue_fifo does not say whether each TIME STEP age takes the area under the profile over its interval or its value at one point (use 0 as the initial content)`,
        es: `QUEUE FIFO con un contenido inicial de ${initial} no se admite: fn_queue_fifo no dice si cada edad de TIME STEP recibe el área bajo el perfil en su intervalo o su valor en un punto (use 0 como contenido inicial)`,
      });
      e.node = node;
      throw e;
    }
    this.queues[k] = new FifoQueue(dt, node);
    this.queueOf.set(node, k);
    return 0;
  }
  /** The content at the start of the current TIME STEP (heldTime: Runge-Kutta stages keep it). */
  queueValue(k: number): number {
    return this.queues[k]!.value(this.heldTime);
  }
  /** After a step: its flows, applied when the next step starts. */
  queuePush(k: number, inflow: number, outflow: number, time: number): void {
    this.queues[k]!.push(inflow, outflow, time);
  }
  /** fn_queue_age_in_range; :NA: when `node` is not a queue ("… QUEUE AGE IN RANGE will return :NA:"). */
  queueAgeInRange(node: number, minAge: number, maxAge: number): number {
    const k = this.queueOf.get(node);
    return k === undefined ? VENSIM_NA : this.queues[k]!.inRange(this.heldTime, minAge, maxAge);
  }

  // --- XMILE HISTORY ------------------------------------------------------------------------
  /** At the start every past time is the start: the input's initial value. */
  historyInit(k: number, input: number, dt: number): number {
    this.delays[k]!.dt = dt;
    return input;
  }
  /**
   * The input's value at `at`: the value saved at that step, linear between the two steps around
   * it; the current value at or after the present, the initial value before the start.
   */
  history(k: number, si: number, now: number, input: number, at: number): number {
    const d = this.delays[k]!;
    if (at >= now - d.dt * 1e-6 || si === 0) return input;
    const pos = Math.max(0, (at - this.initialTime) / d.dt);
    const i = Math.floor(pos + 1e-9);
    const frac = Math.max(0, pos - i);
    const a = d.hist[i]!;
    if (frac < 1e-9) return a;
    const b = i + 1 < si ? d.hist[i + 1]! : input;
    return a + frac * (b - a);
  }

  // --- XMILE conveyors (conveyor-belt.ts) ----------------------------------------------------
  /** Lays the initial content on belt k; returns the first step's outflow. */
  conveyorInit(k: number, transit: number, content: number, dt: number, exponential: number, fractions: number[], zones: LeakZone[] = []): number {
    const belt = (this.belts[k] ??= new ConveyorBelt());
    belt.init(transit, content, dt, exponential !== 0, fractions, zones);
    return belt.compute(0, fractions);
  }
  conveyorOut(k: number, si: number, fractions: number[]): number {
    return this.belts[k]!.compute(si, fractions);
  }
  conveyorLeak(k: number, j: number): number {
    return this.belts[k]!.leak(j);
  }
  conveyorAdvance(k: number, si: number, inflow: number, transit: number, time = NaN): void {
    try {
      this.belts[k]!.advance(si, inflow, transit);
    } catch (e) {
      if (e instanceof VectorArgumentError) {
        e.belt = k;
        e.time = time;
      }
      throw e;
    }
  }

  // --- vectors and random numbers ---------------------------------------------------------
  /** `node` is the node computed, so that a bad argument found now can name its variable. */
  vector(fn: string, vecs: number[][], scalars: number[], index: number, node = -1, time = NaN): number {
    try {
      return vectorFunction(fn, vecs, scalars, index);
    } catch (e) {
      if (e instanceof VectorArgumentError) {
        e.node = node;
        e.time = time;
        e.fn = fn;
      }
      throw e;
    }
  }
  randomUniform(min: number, max: number, seed?: number): number {
    if (!(min <= max)) throw new VectorArgumentError({ en: `the minimum of RANDOM UNIFORM (${min}) is above its maximum (${max})`, es: `el mínimo de RANDOM UNIFORM (${min}) es mayor que su máximo (${max})` });
    return this.rng(seed).uniform(min, max);
  }
  random01(): number {
    return this.random.next();
  }
  randomNormal(min: number, max: number, mean: number, sd: number, seed?: number): number {
    return this.rng(seed).truncatedNormal(min, max, mean, sd);
  }
  randomExponential(min: number, max: number, shift: number, stretch: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + stretch * -Math.log(1 - r.next()));
  }
  randomLognormal(min: number, max: number, mean: number, sd: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => Math.exp(mean + sd * r.normal()));
  }
  randomTriangular(min: number, max: number, lower: number, mode: number, upper: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => r.triangular(lower, mode, upper));
  }
  randomPoisson(min: number, max: number, mean: number, shift: number, stretch: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + stretch * r.poisson(mean));
  }
  randomGamma(min: number, max: number, shape: number, shift: number, stretch: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + stretch * r.gamma(shape));
  }
  randomBeta(min: number, max: number, a: number, b: number, shift: number, stretch?: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + (stretch ?? 1) * r.beta(a, b));
  }
  randomBinomial(min: number, max: number, p: number, n: number, shift: number, stretch?: number, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + (stretch ?? 1) * r.binomial(n, p));
  }
  /**
   * Vensim's RANDOM WEIBULL(m, x, S, h, r, s) (fn_random): a Weibull draw of shape S and scale 1,
   * stretched by r, shifted by h, truncated to [m, x], from stream s like the other RANDOM functions.
   * (It once read a scale before the shift, which moved every argument after S one place.)
   */
  randomWeibull(min: number, max: number, shape: number, shift: number, stretch = 1, seed?: number): number {
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + stretch * Math.pow(-Math.log(1 - r.next()), 1 / shape));
  }
  /**
   * Vensim's RANDOM NEGATIVE BINOMIAL(m, x, P, N, h, r, s) (fn_random, https://www.vensim.com/documentation/fn_random.html):
   * the number of trials to get N successes of probability P (an integer from N up), stretched
   * by r, shifted by h, then truncated to [m, x] like the other RANDOM functions.
   */
  randomNegativeBinomial(min: number, max: number, p: number, n: number, shift = 0, stretch = 1, seed?: number): number {
    if (!(p > 0 && p <= 1) || !(Math.round(n) >= 0)) {
      throw new VectorArgumentError({ en: `RANDOM NEGATIVE BINOMIAL needs a probability P in (0, 1] and a number of successes N of 0 or more (P is ${p}, N ${n})`, es: `RANDOM NEGATIVE BINOMIAL necesita una probabilidad P en (0, 1] y un número de éxitos N de 0 o más (P es ${p}, N ${n})` });
    }
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + stretch * r.negativeBinomial(n, p));
  }
  /**
   * Vensim's RANDOM LOOKUP(look, m, x, h, r, s) (fn_random): a draw from the density the lookup
   * table traces, stretched by r, shifted by h, truncated to [m, x]. `table` is the lookup's index;
   * `node` and `time` locate the error when a run's lookup override is not a density (the model's
   * own tables are checked when it is built), rather than drawing NaN.
   */
  randomLookup(table: number, node: number, time: number, min: number, max: number, shift = 0, stretch = 1, seed?: number): number {
    const xs = this.lx[table]!;
    const ys = this.ly[table]!;
    if (!isDensity(ys, xs)) {
      const e = new VectorArgumentError({
        en: 'RANDOM LOOKUP reads its lookup as a probability density, but the table this run gives it has a y below 0 or no area under its points',
        es: 'RANDOM LOOKUP lee su tabla (lookup) como una densidad de probabilidad, pero la tabla que le da esta corrida tiene un y menor que 0 o ninguna área bajo sus puntos',
      });
      e.node = node;
      e.time = time;
      throw e;
    }
    const r = this.rng(seed);
    return r.truncated(min, max, () => shift + stretch * r.fromDensity(xs, ys));
  }
  /**
   * With a standard deviation of 0 pink noise is its mean (as Earth4All uses it); the expander
   * refuses any other constant, and a run that sets another stops here (the filtered noise of
   * documentation/random_pink_noise.html is not implemented; white noise would ignore the correlation time).
   */
  randomPinkNoise(mean: number, sd: number, _correlationTime: number, _seed?: number): number {
    if (sd !== 0) throw new VectorArgumentError({ en: `RANDOM PINK NOISE is supported only with a standard deviation of 0 (it is ${sd}); its filtered noise is not implemented`, es: `RANDOM PINK NOISE solo se admite con una desviación estándar de 0 (es ${sd}); su ruido filtrado no está implementado` });
    return mean;
  }
}
