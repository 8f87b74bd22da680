/** Messages between the run pool and its worker thread. */
import type { Diagnostic } from '../sd/ir/diagnostics.js';
import type { RunOptions } from '../sd/run/types.js';
import type { RunAnswer } from './api-types.js';
import type { ModelSource } from './model-catalog.js';

export type WorkerTask =
  | { id: number; kind: 'check'; source: ModelSource }
  | { id: number; kind: 'run'; source: ModelSource; options: RunOptions };

export type WorkerAnswer =
  | { id: number; ok: true; run?: RunAnswer; check?: { parameters: number; outputs: number } }
  | { id: number; ok: false; error: { kind: 'model' | 'simulation' | 'input' | 'other'; message: string; diagnostics?: Diagnostic[] } };
