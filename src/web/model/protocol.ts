/** Messages between the page and the model's Web Worker. */
import type { NonFiniteReport } from '../../sd/run/nonfinite-report.js';
import type { Diagnostic } from '../../sd/ir/diagnostics.js';
import type { ParameterInfo } from '../../sd/run/types.js';
import type { RecordedSheet } from '../../server/api-types.js';
import type { VariableInfo } from './model-info.js';
import type { DiagramView } from '../../sd/ir/diagram.js';
import type { CausalGraph, LayoutGroup, LoopCounts, LoopReport } from '../../sd/analyze/structure/index.js';
import type { BandRequest, BandResult } from './ensemble-bands.js';

export interface ModelFacts {
  file: string;
  time: { start: number; end: number; dt: number; saveper: number };
  parameters: ParameterInfo[];
  outputNames: string[];
  variables: VariableInfo[];
  /** The causal graph (causes and uses trees, loop diagrams, automatic layout). */
  graph: CausalGraph;
  /** Feedback loops, folded and classified, with their families. */
  loopReport: LoopReport;
  /** Loops by polarity, families (the page does not load the analyzer: counted in the worker). */
  loopCounts: LoopCounts;
  /** The diagram drawn in the model file (Vensim sketch views, XMILE views); empty when it has none. */
  views: DiagramView[];
  /** Warnings about diagram records that cannot be drawn, with their line. */
  viewWarnings: Diagnostic[];
  /** The model's groups, for laying out a model without a drawn diagram one group at a time. */
  groups: LayoutGroup[];
  warnings: Diagnostic[];
  compileMs: number;
}

export type ToWorker =
  | { type: 'load'; text: string; file: string; sheets: RecordedSheet[] }
  | { type: 'run'; id: number; params: Record<string, number>; columns?: string[] }
  | ({ type: 'bands'; id: number } & BandRequest)
  | { type: 'dominance'; id: number; params: Record<string, number> }
  | { type: 'layout'; id: number; group: number };

/** Loop dominance over one run: each scored loop's share of the behaviour, and who dominates when. */
export interface DominanceSummary {
  shares: Record<string, number>;
  /** Loop ids ranked by share, then by length. */
  order: string[];
  scored: number;
  /** Listed loops none of whose loops (element loops, for one through arrays or smooths) is scored. */
  notScored: number;
  /** Who dominates when: the scored loop (`B1`, `B1[A1]`, `U1.2`) and the listed loop it belongs to (`B1`, `U1`). */
  periods: { from: number; to: number; loop: string; listed: string }[];
}

export type FromWorker =
  | { type: 'loaded'; facts: ModelFacts }
  | { type: 'load-error'; message: string; diagnostics: Diagnostic[] }
  | { type: 'result'; id: number; time: Float64Array; names: string[]; series: Float64Array[]; ms: number; nonFinite?: NonFiniteReport }
  | ({ type: 'bands'; id: number } & BandResult)
  | ({ type: 'dominance'; id: number } & DominanceSummary)
  | { type: 'layout'; id: number; view: DiagramView }
  | { type: 'run-error'; id: number; message: string; messageEs?: string };
