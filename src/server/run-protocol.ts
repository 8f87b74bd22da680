/**
 * Messages between the run pool and its worker threads. Runs travel in batches: one message
 * carries up to `batchMaxRuns` runs (each model's source once), and one answer carries every
 * run's outcome, the results as JSON bytes packed in one transferred buffer.
 */
import type { Diagnostic } from '../sd/ir/diagnostics.js';
import type { ModelLimits } from '../sd/ir/limits.js';
import type { RunOptions } from '../sd/run/types.js';
import type { ModelSource } from './model-catalog.js';

/** One run of a batch: which of the batch's sources, and its options. */
export interface BatchRun {
  source: number;
  /** Compile only (an upload check), or run. */
  kind: 'check' | 'run';
  options?: RunOptions;
}

export type WorkerTask =
  | { kind: 'ping' }
  | {
      kind: 'batch';
      sources: ModelSource[];
      runs: BatchRun[];
      limits: Partial<ModelLimits>;
      /**
       * Progress the pool reads while the batch runs (Int32Array over shared memory): [0] is
       * 1 + the index of the run under way (0 before the first, runs.length + 1 once all are done);
       * [1] is when it started, in ms after `epoch`. A run past its time budget, or a thread that
       * dies, is thus pinned on one run: the others are not charged for it.
       */
      progress: SharedArrayBuffer;
      epoch: number;
    };

/** What the pool learns about a model, to size its later runs. */
export interface ModelInfo {
  scalars: number;
  start: number;
  end: number;
  dt: number;
}

export type RunFailure = { kind: 'model' | 'simulation' | 'input' | 'other'; message: string; messageEs?: string; where?: string; diagnostics?: Diagnostic[] };

/** The outcome of one run of a batch; a run's JSON is `bytes[offset, offset + length)`. */
export type RunOutcome =
  | { ok: true; info: ModelInfo; check?: { parameters: number; outputs: number }; offset: number; length: number }
  | { ok: false; error: RunFailure };

export type WorkerAnswer = { kind: 'pong' } | { kind: 'batch'; outcomes: RunOutcome[]; bytes: Uint8Array };

/** Slots of the progress array. */
export const PROGRESS_RUN = 0;
export const PROGRESS_STARTED = 1;
