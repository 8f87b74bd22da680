/** Messages between the page and the model's Web Worker. */
import type { Diagnostic } from '../../sd/ir/diagnostics.js';
import type { ParameterInfo } from '../../sd/run/types.js';
import type { RecordedSheet } from '../../server/api-types.js';
import type { VariableInfo } from './model-info.js';
import type { SketchView } from './sketch.js';
import type { BandRequest } from './ensemble-bands.js';

export interface ModelFacts {
  file: string;
  time: { start: number; end: number; dt: number; saveper: number };
  parameters: ParameterInfo[];
  outputNames: string[];
  variables: VariableInfo[];
  loops: string[][];
  loopsTruncated: boolean;
  views: SketchView[];
  warnings: Diagnostic[];
  compileMs: number;
}

export type ToWorker =
  | { type: 'load'; text: string; file: string; sheets: RecordedSheet[] }
  | { type: 'run'; id: number; params: Record<string, number>; columns?: string[] }
  | ({ type: 'bands'; id: number } & BandRequest);

export type FromWorker =
  | { type: 'loaded'; facts: ModelFacts }
  | { type: 'load-error'; message: string; diagnostics: Diagnostic[] }
  | { type: 'result'; id: number; time: Float64Array; names: string[]; series: Float64Array[]; ms: number }
  | { type: 'bands'; id: number; time: Float64Array; names: string[]; low: Float64Array[]; high: Float64Array[] }
  | { type: 'run-error'; id: number; message: string };
