/** Messages between the run pool and its worker threads. */
import type { Diagnostic } from '../sd/ir/diagnostics.js';
import type { ModelLimits } from '../sd/ir/limits.js';
import type { RunOptions } from '../sd/run/types.js';
import type { ModelSource } from './model-catalog.js';

export type WorkerTask =
  | { kind: 'ping' }
  | { kind: 'check'; source: ModelSource; limits: Partial<ModelLimits> }
  | { kind: 'run'; source: ModelSource; options: RunOptions; limits: Partial<ModelLimits> };

/** What the pool learns about a model, to size its later runs. */
export interface ModelInfo {
  scalars: number;
  start: number;
  end: number;
  dt: number;
}

export type WorkerAnswer =
  | { ok: true; info: ModelInfo; check?: { parameters: number; outputs: number }; json?: Uint8Array }
  | { ok: false; error: { kind: 'model' | 'simulation' | 'input' | 'other'; message: string; where?: string; diagnostics?: Diagnostic[] } };
