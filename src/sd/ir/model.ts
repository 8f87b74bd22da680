/**
 * The model representation shared by every reader and the compiler: plain data, no behaviour.
 * Names are kept twice: `name` canonical (for lookups) and `display` (as written, for output).
 */
import type { BilingualText, Diagnostic, SourceLocation } from './diagnostics.js';

export interface SubscriptRef {
  name: string;
  display: string;
  /** `dim!` marks a dimension iterated inside an array function (SUM(x[dim!])). */
  bang: boolean;
  loc: SourceLocation;
}

export interface LookupTable {
  x: number[];
  y: number[];
  range?: { xmin: number; ymin: number; xmax: number; ymax: number };
  loc: SourceLocation;
}

export type Expr =
  | { kind: 'num'; value: number; loc: SourceLocation }
  | { kind: 'str'; value: string; loc: SourceLocation }
  | { kind: 'ref'; name: string; display: string; subs: SubscriptRef[]; loc: SourceLocation }
  /** A built-in function; `fn` is upper case with single spaces. */
  | { kind: 'call'; fn: string; args: Expr[]; loc: SourceLocation }
  /** `name(args)` where name is not a built-in: a lookup table or a macro, resolved by the analyzer. */
  | {
      kind: 'apply';
      name: string;
      display: string;
      subs: SubscriptRef[];
      args: Expr[];
      loc: SourceLocation;
      /** A macro call's extra outputs (`MAC(a, b : out1, out2)`): the model variables they define. */
      outputs?: { name: string; display: string; loc: SourceLocation }[];
    }
  | { kind: 'unary'; op: '-' | '+' | 'not'; arg: Expr; loc: SourceLocation }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; loc: SourceLocation }
  | { kind: 'lookup'; table: LookupTable; loc: SourceLocation }
  | { kind: 'na'; loc: SourceLocation }
  /** A constant list or matrix (`1,2;3,4`) or a TABBED ARRAY: rows of numbers. */
  | { kind: 'list'; rows: number[][]; loc: SourceLocation };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '=' | '<>' | '<' | '>' | '<=' | '>=' | 'and' | 'or';

export type DataInterpolation = 'interpolate' | 'raw' | 'hold backward' | 'look forward';

export interface EquationLhs {
  name: string;
  display: string;
  subs: SubscriptRef[];
  /** `:EXCEPT: [a],[b,c]`: element combinations left out of this definition. */
  except: SubscriptRef[][];
  /**
   * The dimension of each subscript position, when the file declares it (XMILE `<dimensions>`).
   * Without it the analyzer infers each position's range from the subscripts written, which is
   * ambiguous for an element such as "1" that several ranges hold.
   */
  dims?: string[];
  loc: SourceLocation;
}

export type EquationKind =
  | 'aux' // `=`
  | 'unchangeable' // `==`
  | 'data' // `:=`, or no equation at all
  | 'lookup' // `name( (x,y), … )`
  | 'lookup-data'; // `name( GET XLS LOOKUPS(...) )`

export interface Equation {
  lhs: EquationLhs;
  kind: EquationKind;
  /** Missing for a data variable with no equation (values come from a data file). */
  expr?: Expr;
  lookup?: LookupTable;
  interpolation?: DataInterpolation;
  units: string;
  range?: { min?: number; max?: number; step?: number };
  doc: string;
  group?: string;
  /** Marked Supplementary in Vensim (`~ :SUPPLEMENTARY` after the comment): an output only, not warned as unused. */
  supplementary?: boolean;
  loc: SourceLocation;
}

export interface DimensionMapping {
  target: string;
  /** Explicit element list `(DimB: b1, b3, b2)`; absent means position by position. */
  elements?: string[];
  /** Where the map-to range is named, and where each list entry is (readers that know them). */
  loc?: SourceLocation;
  elementLocs?: SourceLocation[];
}

export interface DimensionDecl {
  name: string;
  display: string;
  /** Elements or sub-dimension names, as written (numeric ranges already expanded). */
  members: { name: string; display: string }[];
  /** `GET DIRECT SUBSCRIPT(...)` instead of a list. */
  fromData?: Expr;
  /** `DimA <-> DimB`: the same elements as DimB. */
  equivalentTo?: string;
  mappings: DimensionMapping[];
  doc: string;
  loc: SourceLocation;
}

export interface MacroDecl {
  name: string;
  params: string[];
  /** Extra outputs after `:` in the header. */
  outputs: string[];
  equations: Equation[];
  loc: SourceLocation;
}

/**
 * An XMILE stock whose flows the reader turned into plain equations by rules of its kind
 * (XMILE 1.0 §4.2.1 conveyor, §4.2 queue): what the file said, so that the XMILE writer can say
 * it again and other writers can refuse it by name. Names are canonical, flows in file order.
 */
export interface StockForm {
  kind: 'conveyor' | 'queue';
  stock: string;
  display: string;
  inflows: { name: string; display: string; multiplier?: Expr }[];
  outflows: { name: string; display: string }[];
  /** Conveyors: transit time, capacity and inflow limit as written (each inflow's equation ends in the limit the last two make). */
  conveyor?: { len: Expr; capacity?: Expr; inLimit?: Expr; exponentialLeak: boolean; leaks: { name: string; fraction: Expr; start: number; end: number }[] };
  loc: SourceLocation;
}

export interface ModelIR {
  file?: string;
  equations: Equation[];
  dimensions: DimensionDecl[];
  macros: MacroDecl[];
  groups: string[];
  /** The sketch (diagram) section, kept verbatim. */
  sketch: string;
  /** Everything after the sketch: Vensim settings such as file tags `30:?tag=path`. */
  settings: string;
  /**
   * Whose rules a built-in follows where Vensim and XMILE differ (SMOOTH N / SMTHN under Runge-Kutta):
   * Vensim's unless an XMILE reader made this model.
   */
  dialect?: 'xmile';
  /** Integration method the file states outright (XMILE `<sim_specs method>`); used before `settings`. */
  method?: 'euler' | 'rk2' | 'rk4';
  /** Groups of names for one unit, from the file (XMILE `<model_units>`); Vensim's are in `settings`. */
  unitSynonyms?: string[][];
  /** Conveyors and queues of an XMILE file (StockForm). */
  stockForms?: StockForm[];
  /**
   * What an array index out of range gives when the XMILE header says other than the default 0
   * (`<uses_arrays invalid_index_value="NaN"/>`, XMILE 1.0 §2.2.1): the reader has put it into the
   * equations already; kept so that the XMILE writer writes the header back.
   */
  invalidIndexValue?: number;
  /**
   * XMILE module instances the reader flattened (XMILE 1.0, Submodels): each instance's variables are
   * in `equations` under the dot-qualified path (`Outer.Inner.var`). Kept so that the XMILE writer can
   * write the modules back (writer-modules.ts) and other writers can name them.
   */
  modules?: ModuleInstance[];
  /** What the reader noticed that does not stop the model (a Vensim macro used above its definition); compileIR passes them on. */
  warnings?: Diagnostic[];
  /**
   * Vensim Reality Check entries (Test Inputs and Constraints), in file order. They are not model
   * equations: nothing simulates them unless a reality check asks (src/sd/run/reality-check.ts).
   * Absent when the file has none.
   */
  realityChecks?: RealityCheckDecl[];
}

/** `name :TEST INPUT: variable = expr` (Vensim Help 20965). */
export interface TestInputDecl {
  check: 'test-input';
  name: string;
  display: string;
  /** Subscripts on the entry's own name (`check[dim] :TEST INPUT: …`), when written. */
  subs?: SubscriptRef[];
  /** The variable whose equation the Test Input replaces. */
  target: { name: string; display: string; subs: SubscriptRef[]; loc: SourceLocation };
  expr: Expr;
  units: string;
  range?: Equation['range'];
  doc: string;
  group?: string;
  loc: SourceLocation;
}

/** `name :THE CONDITION: condition :IMPLIES: consequence` (Vensim Help 20970); an empty condition is kept as absent. */
export interface ConstraintDecl {
  check: 'constraint';
  name: string;
  display: string;
  subs?: SubscriptRef[];
  condition?: Expr;
  consequence: Expr;
  units: string;
  range?: Equation['range'];
  doc: string;
  group?: string;
  loc: SourceLocation;
}

/**
 * A Test Input or Constraint this reader cannot parse (a form such as `:CROSSING:`): kept as its
 * text, with why, so the model still runs and a reality check can refuse it at its place.
 */
export interface UnreadRealityCheck {
  check: 'unread';
  kind: 'test-input' | 'constraint';
  name: string;
  display: string;
  subs?: SubscriptRef[];
  /** The text after the keyword, up to the units. */
  text: string;
  why: BilingualText;
  /** Where the reader stopped. */
  at: SourceLocation;
  units: string;
  range?: Equation['range'];
  doc: string;
  group?: string;
  loc: SourceLocation;
}

export type RealityCheckDecl = TestInputDecl | ConstraintDecl | UnreadRealityCheck;

/**
 * One flattened XMILE module instance: its dot-qualified path, the `<model>` it copies, and what of
 * the module structure the flattened equations no longer say (which variables are the model's inputs
 * and outputs, and where each connected input takes its value from).
 */
export interface ModuleInstance {
  path: string;
  display: string;
  /** Canonical name of the `<model>`, and that model's name as the file wrote it. */
  model: string;
  modelDisplay: string;
  /** Canonical names, inside the model, of its variables with access="input" and access="output". */
  inputs: string[];
  outputs: string[];
  /**
   * The instance's connected inputs: `to` the input's canonical name inside the model, `from` the
   * flattened name of its source. Its equation in `equations` is the alias `path.to = from`; the
   * input's own equation, if the model gave it one, is not kept (the connection replaces it).
   */
  connects: { to: string; from: string }[];
  loc: SourceLocation;
}
