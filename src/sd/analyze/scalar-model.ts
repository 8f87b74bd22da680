/**
 * The model after subscript expansion: one node per scalar value (an element of an array, a
 * hidden stock of a SMOOTH, a macro's local), with expressions whose references point at nodes.
 * Ordering and code generation work on this form only.
 */
import type { BilingualText, SourceLocation } from '../ir/diagnostics.js';

export type SExpr =
  | { k: 'num'; v: number }
  | { k: 'ref'; id: number }
  | { k: 'time' }
  | { k: 'dt' }
  | { k: 'call'; fn: string; args: SExpr[] }
  | { k: 'un'; op: '-' | 'not'; a: SExpr }
  | { k: 'bin'; op: string; a: SExpr; b: SExpr }
  | { k: 'lookup'; table: number; x: SExpr; mode: LookupMode }
  /** A whole vector, for the VECTOR/ALLOCATE functions; `index` picks this node's element. */
  | {
      k: 'vec'; fn: string; vecs: SExpr[][]; scalars: SExpr[]; index: number;
      /** The node computed (names it in run-time errors). */
      owner?: number;
      /** Display names of the elements a run-time error may be about, per list (argument-error.ts VectorElement). */
      names?: string[][];
    };

export type LookupMode = 'normal' | 'extrapolate' | 'forward' | 'backward' | 'invert' | 'area' | 'slope' | 'slope_extrapolate' | 'slope_na';

export type NodeKind =
  | 'const' // a number, overridable
  | 'aux' // recomputed every step
  | 'stock' // integrated: `expr` is the rate, `init` the initial value
  | 'initial' // computed once at the start from `expr`
  | 'active-initial' // `init` at the start, `expr` afterwards
  | 'sample' // SAMPLE IF TRUE: `args` = [cond, input]; holds its value otherwise
  | 'delay-fixed' // ring buffer: `expr` input, `args` = [delay time, kind (0 fixed, 1 information, 2 material, 3 conveyor), …], `init` initial output
  | 'history' // XMILE HISTORY: `expr` input, `args` = [the time asked for]; keeps every step's input
  | 'conveyor' // XMILE conveyor outflow: `expr` inflow, `args` = [transit, content, exponential, ...leak fractions]
  | 'conveyor-leak' // a leak of a conveyor: `args` = [ref to the conveyor outflow node], `data` = leak index
  | 'data' // external time series: `data` index
  | 'game'; // GAME(x): x unless a player intervenes

export interface ScalarNode {
  id: number;
  /** Output name, `Name` or `Name[e1,e2]`; hidden nodes get a descriptive internal name. */
  name: string;
  /** Canonical variable name (for parameters and column selection). */
  varName: string;
  hidden: boolean;
  kind: NodeKind;
  expr: SExpr;
  init?: SExpr;
  args?: SExpr[];
  data?: number;
  units?: string;
  doc?: string;
  range?: { min?: number; max?: number; step?: number };
  loc?: SourceLocation;
  /**
   * A stock that changes once per TIME STEP whatever the integration method: Runge-Kutta stages
   * read its value at the step's start and it moves by dt × its rate there (Vensim's SMOOTH N stages).
   */
  stepwise?: true;
}

/**
 * A hidden node's name `#what(owner)#n` (expand.ts hiddenNode) taken apart: the visible node that
 * owns it and what it is, outermost first. Its owner is itself hidden when the function sits inside
 * another's argument or a macro (`#trend average(#trend(y)#14)#15`: y, [trend, trend average]);
 * undefined for a name not of that form.
 */
export function hiddenNameParts(name: string): { owner: string; what: string[] } | undefined {
  const what: string[] = [];
  let rest = name;
  // `what` never holds a parenthesis (a function's or a macro's name and a word); the owner may.
  for (let m = /^#([^(]*)\((.*)\)#\d+$/.exec(rest); m; m = /^#([^(]*)\((.*)\)#\d+$/.exec(rest)) {
    what.unshift(m[1]!);
    rest = m[2]!;
  }
  return what.length > 0 ? { owner: rest, what } : undefined;
}

/** A hidden node shown as its visible owner and what it is: `y (trend: trend average)`. */
export function hiddenDisplayName(name: string): string | undefined {
  const parts = hiddenNameParts(name);
  return parts && `${parts.owner} (${parts.what.join(': ')})`;
}

/** A node's name as the user wrote it: a hidden node's, the visible node whose equation holds the call it stands for. */
export function nodeDisplayName(node: ScalarNode): string {
  return node.hidden ? (hiddenNameParts(node.name)?.owner ?? node.name) : node.name;
}

export interface LookupData {
  x: Float64Array;
  y: Float64Array;
  name: string;
}

export interface DataSeries {
  times: Float64Array;
  values: Float64Array;
  mode: 'interpolate' | 'raw' | 'hold backward' | 'look forward';
  name: string;
}

export interface ScalarModel {
  nodes: ScalarNode[];
  lookups: LookupData[];
  /** Named lookup variables (for overrides): output name → lookup index. */
  lookupNames: Map<string, number>;
  data: DataSeries[];
  /** Node ids of the control variables. */
  control: { initialTime: number; finalTime: number; timeStep: number; saveper: number };
  /** Output columns: visible nodes in output order. */
  outputs: number[];
  /** Calls defined for Euler integration only (SHIFT IF TRUE): a run with another method stops at the first. */
  eulerOnly?: { what: string; why?: BilingualText; loc?: SourceLocation }[];
}
