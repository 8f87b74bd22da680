/**
 * The JSON bodies of a batch's runs, written one after another into one growing byte buffer,
 * so that the batch's results cross to the main thread as a single transferred buffer and each
 * request's body is a view of it (no copy, no encoding on the event loop).
 */
import type { NonFiniteReport } from '../sd/run/nonfinite-report.js';
import { isVensimNA } from '../sd/ir/na.js';

const encoder = new TextEncoder();

export class JsonBytes {
  private buf = new Uint8Array(64 * 1024);
  private used = 0;

  /** Appends a run's body; returns where it lies. */
  appendRun(run: { ms: number; names: string[]; time: Float64Array; series: Float64Array[]; nonFinite?: NonFiniteReport }): { offset: number; length: number } {
    const offset = this.used;
    this.append(`{"ms":${run.ms},"names":${JSON.stringify(run.names)},"time":${numbers(run.time)},"series":[`);
    run.series.forEach((s, i) => this.append((i ? ',' : '') + numbers(s)));
    // The values written null above that were NaN or ±∞, by root cause (src/sd/run/nonfinite-report.ts).
    this.append(`],"warnings":${JSON.stringify(run.nonFinite?.warnings ?? [])}`);
    if (run.nonFinite?.more) this.append(`,"warningsNotShown":${run.nonFinite.more}`);
    this.append('}');
    return { offset, length: this.used - offset };
  }

  /** The bytes written, over a buffer of their own size (the buffer to transfer). */
  bytes(): Uint8Array {
    return this.used === this.buf.length ? this.buf : this.buf.slice(0, this.used);
  }

  private append(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const need = this.used + text.length * 3;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.used));
      this.buf = grown;
    }
    this.used += encoder.encodeInto(text, this.buf.subarray(this.used)).written;
  }
}

/** `[1,2,NaN]` as JSON: non-finite values become null, as JSON.stringify writes them, and so does Vensim's :NA: (its graphs leave it out). */
function numbers(a: Float64Array): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    out += (i ? ',' : '') + (Number.isFinite(v) && !isVensimNA(v) ? String(v) : 'null');
  }
  return out + ']';
}
