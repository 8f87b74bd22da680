/**
 * The content of one Vensim QUEUE FIFO by age (fn_queue_fifo; src/sd/analyze/queue.ts): one entry
 * per TIME STEP, oldest first. The flows of a step are applied when the next step starts, so that
 * the queue "will never change within a time step" (the page) through Runge-Kutta's stages.
 */
import { VectorArgumentError } from './vector-functions.js';
import { VENSIM_NA } from '../ir/na.js';

export class FifoQueue {
  /** entries[j]: what entered in the j-th step and is still there. */
  private entries = new Float64Array(16);
  /** Steps applied so far; the entry of the last one is TIME STEP old. */
  private n = 0;
  /** The oldest entry not yet gone. */
  private head = 0;
  private content = 0;
  private pending: { inflow: number; outflow: number; at: number } | undefined;

  constructor(
    private readonly dt: number,
    /** The queue's node, named by a run-time error. */
    private readonly node: number,
  ) {}

  /** The flows of the step that starts at `at`, applied once a later step has started. */
  push(inflow: number, outflow: number, at: number): void {
    this.pending = { inflow, outflow, at };
  }

  /** The content at the step that starts at `now` (a Runge-Kutta stage keeps its step's start). */
  value(now: number): number {
    this.settle(now);
    return this.content;
  }

  /** fn_queue_age_in_range: content at least minAge and at most maxAge old; :NA: lifts a bound. */
  inRange(now: number, minAge: number, maxAge: number): number {
    this.settle(now);
    let sum = 0;
    for (let j = this.head; j < this.n; j++) {
      const age = (this.n - j) * this.dt;
      if ((minAge === VENSIM_NA || age >= minAge) && (maxAge === VENSIM_NA || age <= maxAge)) sum += this.entries[j]!;
    }
    return sum;
  }

  /**
   * One step (fn_queue_fifo): the content moves like a level, by dt × (inflow − outflow); a
   * negative inflow counts as outflow and a negative outflow as inflow; what enters is the newest
   * entry, what leaves is taken from the oldest first. A queue that goes negative holds one entry,
   * of this step. One that comes back above 0 from below stops the run: the page does not say
   * which entries the negative content cancels.
   */
  private settle(now: number): void {
    const p = this.pending;
    if (p === undefined || !(now > p.at)) return;
    this.pending = undefined;
    const was = this.content;
    const total = was + this.dt * (p.inflow - p.outflow);
    if (this.n === this.entries.length) {
      const grown = new Float64Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    const j = this.n++;
    this.content = total;
    if (was < 0 || total < 0) {
      if (was < 0 && total > 0) {
        const e = new VectorArgumentError({
          en: 'a QUEUE FIFO that was negative has content again: fn_queue_fifo says a negative queue holds entries of the previous TIME STEP only, not which entries its negative content cancels when it comes back above 0 (keep the outflow from emptying the queue below 0)',
          es: 'una cola QUEUE FIFO que era negativa vuelve a tener contenido: fn_queue_fifo dice que una cola negativa solo tiene entradas del TIME STEP anterior, no qué entradas anula su contenido negativo cuando vuelve a superar 0 (evite que el flujo de salida vacíe la cola por debajo de 0)',
        });
        e.node = this.node;
        e.time = p.at;
        throw e;
      }
      this.entries.fill(0, this.head, j);
      this.entries[j] = total;
      this.head = j;
      return;
    }
    this.entries[j] = (Math.max(p.inflow, 0) + Math.max(-p.outflow, 0)) * this.dt;
    let take = (Math.max(p.outflow, 0) + Math.max(-p.inflow, 0)) * this.dt;
    let h = this.head;
    while (take > 0 && h <= j) {
      const c = this.entries[h]!;
      if (c > take) {
        this.entries[h] = c - take;
        break;
      }
      take -= c;
      this.entries[h++] = 0;
    }
    this.head = h;
  }
}
