/**
 * What the expansion helpers (stateful, array and data functions) need from the expander,
 * as an interface so that they do not import the expander itself.
 */
import type { BilingualText, Diagnostic, SourceLocation } from '../ir/diagnostics.js';
import type { Expr, SubscriptRef } from '../ir/model.js';
import type { DimensionTable } from '../ir/dimension-table.js';
import type { ElementSlots } from './element-slots.js';
import type { DataSeries, LookupData, ScalarNode, SExpr } from './scalar-model.js';

/** Element chosen for each dimension name in the current context (LHS, or a SUM's `dim!`). */
export type Binding = ReadonlyMap<string, string>;

export interface Ctx {
  binding: Binding;
  /** Inside a macro: local and parameter names → node ids. */
  scope?: Map<string, number>;
  /** The node being defined (names hidden helpers, reports errors). */
  owner: ScalarNode;
  loc: SourceLocation;
}

export interface VarInfo {
  name: string;
  display: string;
  /** Element list of each subscript position. */
  positions: string[][];
  /** Dimension name per position (for binding bare references). */
  positionDims: string[];
  /** Node ids of the elements (lookup table indexes when `isLookup`), by element tuple. */
  slots: ElementSlots;
  isLookup: boolean;
}

export interface ExpanderApi {
  readonly dims: DimensionTable;
  readonly vars: ReadonlyMap<string, VarInfo>;
  readonly data: DataSeries[];
  /** Located warnings for the caller (`compileVensim`'s `warnings`). */
  readonly warnings: Diagnostic[];
  resolve(e: Expr, ctx: Ctx): SExpr;
  hiddenNode(owner: ScalarNode, what: string, loc?: SourceLocation): ScalarNode;
  elementKey(v: VarInfo, subs: SubscriptRef[], ctx: Ctx, loc: SourceLocation): string[];
  /** The node id of a scalar variable, or undefined (no such variable, or an array). */
  scalarId(name: string): number | undefined;
  bindElement(dimName: string, binding: Binding): string | undefined;
  constantValue(e: SExpr, loc: SourceLocation, what: BilingualText): number;
  /** Whether `e` keeps one value for the whole run (numbers, constants, INITIAL values). */
  isRunConstant(e: SExpr): boolean;
  /** The lookup table an expression names, as an index into `lookups`. */
  lookupTableOf(e: Expr, ctx: Ctx): number;
  readonly lookups: LookupData[];
  /** Whose rules a built-in follows where Vensim and XMILE differ (ModelIR.dialect). */
  readonly dialect: 'vensim' | 'xmile';
}

export function cartesian(lists: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const l of lists) {
    const next: string[][] = [];
    for (const prefix of out) for (const e of l) next.push([...prefix, e]);
    out = next;
  }
  return out;
}
