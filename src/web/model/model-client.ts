/**
 * The page's side of the model worker. Runs are queued one at a time; live runs (slider moves)
 * coalesce: while one runs, only the newest request waits, and older ones are dropped.
 */
import type { NonFiniteReport } from '../../sd/run/nonfinite-report.js';
import type { DominanceSummary, FromWorker, ModelFacts, ToWorker } from './protocol.js';
import type { BandRequest, BandResult } from './ensemble-bands.js';
import type { RecordedSheet } from '../../server/api-types.js';
import type { Diagnostic } from '../../sd/ir/diagnostics.js';
import type { DiagramView } from '../../sd/ir/diagram.js';

export interface Series {
  time: Float64Array;
  names: string[];
  series: Float64Array[];
  ms: number;
  /** Saved values that are not finite, by root cause (absent for a clean run). */
  nonFinite?: NonFiniteReport;
}

export class ModelLoadError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
  }
}

interface Job {
  params: Record<string, number>;
  columns?: string[];
  /** An ensemble for uncertainty bands instead of one run. */
  bands?: Omit<BandRequest, 'params' | 'columns'>;
  /** Loop dominance over a run instead of a plain run. */
  dominance?: boolean;
  /** The automatic layout of a group (its index) instead of a run. */
  layout?: number;
  resolve(r: Series | BandResult | DominanceSummary | DiagramView | undefined): void;
  reject(e: Error): void;
}

export class ModelClient {
  private worker: Worker;
  private busy: Map<number, Job> = new Map();
  private queue: Job[] = [];
  private live: Job | undefined;
  private nextId = 1;
  private loading: { resolve(f: ModelFacts): void; reject(e: Error): void } | undefined;
  /** Runs done (for the latency benchmark and tests). */
  runs = 0;

  constructor() {
    this.worker = new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      const err = new Error(`model worker failed: ${e.message}`);
      this.loading?.reject(err);
      for (const j of this.busy.values()) j.reject(err);
      this.busy.clear();
    };
  }

  /** Nothing running, queued or waiting (tests and benchmarks wait for this). */
  get idle(): boolean {
    return this.busy.size === 0 && this.queue.length === 0 && !this.live && !this.loading;
  }

  dispose(): void {
    this.worker.terminate();
  }

  load(text: string, file: string, sheets: RecordedSheet[]): Promise<ModelFacts> {
    for (const j of this.queue) j.reject(new Error('superseded: another model was loaded'));
    this.queue = [];
    this.live?.resolve(undefined);
    this.live = undefined;
    return new Promise((resolve, reject) => {
      this.loading = { resolve, reject };
      this.post({ type: 'load', text, file, sheets });
    });
  }

  /** A run that always happens (baseline, saved scenarios, exports). */
  run(params: Record<string, number>, columns?: string[]): Promise<Series> {
    return new Promise((resolve, reject) => {
      this.queue.push({ params, columns, resolve: (r) => resolve(r as Series), reject });
      this.pump();
    });
  }

  /**
   * A run for the current slider position. A live run still waiting is dropped in favour of this
   * one, and its promise resolves with `undefined` (superseded), so only the newest gets drawn.
   */
  runLive(params: Record<string, number>, columns?: string[]): Promise<Series | undefined> {
    return new Promise((resolve, reject) => {
      this.live?.resolve(undefined);
      this.live = { params, columns, resolve: (r) => resolve(r as Series | undefined), reject };
      this.pump();
    });
  }

  /** Percentile bands from an ensemble over uncertain parameters, around the given settings. */
  bands(req: BandRequest): Promise<BandResult> {
    return new Promise((resolve, reject) => {
      const { params, columns, ...bands } = req;
      this.queue.push({ params, columns, bands, resolve: (r) => resolve(r as BandResult), reject });
      this.pump();
    });
  }

  /** Loop dominance (loop scores) over a run with these settings. */
  dominance(params: Record<string, number>): Promise<DominanceSummary> {
    return new Promise((resolve, reject) => {
      this.queue.push({ params, dominance: true, resolve: (r) => resolve(r as DominanceSummary), reject });
      this.pump();
    });
  }

  /** The automatic stock-and-flow layout of one of the model's groups (by index). */
  layout(group: number): Promise<DiagramView> {
    return new Promise((resolve, reject) => {
      this.queue.push({ params: {}, layout: group, resolve: (r) => resolve(r as DiagramView), reject });
      this.pump();
    });
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private pump(): void {
    if (this.busy.size > 0 || this.loading) return;
    const job = this.live ?? this.queue.shift();
    if (!job) return;
    if (job === this.live) this.live = undefined;
    const id = this.nextId++;
    this.busy.set(id, job);
    if (job.layout !== undefined) this.post({ type: 'layout', id, group: job.layout });
    else if (job.dominance) this.post({ type: 'dominance', id, params: job.params });
    else if (job.bands) this.post({ type: 'bands', id, params: job.params, columns: job.columns ?? [], ...job.bands });
    else this.post({ type: 'run', id, params: job.params, columns: job.columns });
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'loaded' || msg.type === 'load-error') {
      const l = this.loading;
      this.loading = undefined;
      if (msg.type === 'loaded') l?.resolve(msg.facts);
      else l?.reject(new ModelLoadError(msg.message, msg.diagnostics));
    } else {
      const job = this.busy.get(msg.id);
      this.busy.delete(msg.id);
      if (job) {
        if (msg.type === 'result') {
          this.runs++;
          job.resolve({ time: msg.time, names: msg.names, series: msg.series, ms: msg.ms, nonFinite: msg.nonFinite });
        } else if (msg.type === 'bands') {
          const { type: _type, id: _id, ...band } = msg;
          job.resolve(band);
        }
        else if (msg.type === 'dominance') job.resolve({ shares: msg.shares, order: msg.order, scored: msg.scored, notScored: msg.notScored, periods: msg.periods });
        else if (msg.type === 'layout') job.resolve(msg.view);
        else job.reject(Object.assign(new Error(msg.message), msg.messageEs !== undefined ? { messageEs: msg.messageEs } : {}));
      }
    }
    this.pump();
  }
}
