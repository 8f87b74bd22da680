/**
 * Vensim's built-in functions known to the engine, with the number of arguments each takes.
 * The reader uses this to tell a function call from a lookup or macro call; the analyzer to
 * report wrong arity with a location.
 */
export interface BuiltinInfo {
  min: number;
  max: number;
  /** Holds state across time steps (a stock or memory of its own). */
  stateful?: boolean;
  /** Reads external data when the model is loaded. */
  data?: boolean;
  /** Draws a random number at each evaluation (two calls with the same arguments differ). */
  random?: boolean;
}

/** The IR name of XMILE's HISTORY, which Vensim does not have. */
export const HISTORY = '#HISTORY';

/** The IR name of XMILE's RANK(array, n [, secondary array]) (src/sd/run/xmile-rank.ts). */
export const XMILE_RANK = '#RANK';

/**
 * The IR name of an XMILE element reference with computed subscripts (`x[RANK(y, 1), b]`,
 * XMILE 1.0 §3.7.1: "subscripts are XMILE expressions"): `#ELEMENT(x[…], invalid, position, index, …)`,
 * the reference written with each computed position at its dimension's first element, the value
 * an index out of range gives (0, or NaN where the header's `<uses_arrays invalid_index_value="NaN"/>`
 * asks for it, §2.2.1), then for each computed position its 0-based place among the subscripts
 * and the 1-based index expression.
 */
export const XMILE_ELEMENT = '#ELEMENT';

/**
 * The position of an #ELEMENT pair whose index is flat: row-major over all of x's positions
 * (XMILE 1.0 §3.3.2, `A(10)` of a [2, 3, 4] array is A[1, 3, 2]).
 */
export const FLAT_INDEX = -1;

const b = (min: number, max = min, extra: Partial<BuiltinInfo> = {}): BuiltinInfo => ({ min, max, ...extra });

export const BUILTINS: ReadonlyMap<string, BuiltinInfo> = new Map<string, BuiltinInfo>([
  ['ABS', b(1)], ['SQRT', b(1)], ['EXP', b(1)], ['LN', b(1)], ['LOG', b(2)],
  ['SIN', b(1)], ['COS', b(1)], ['TAN', b(1)], ['ARCSIN', b(1)], ['ARCCOS', b(1)], ['ARCTAN', b(1)],
  ['SINH', b(1)], ['COSH', b(1)], ['TANH', b(1)],
  ['INTEGER', b(1)], ['INT', b(1)], ['MODULO', b(2)], ['QUANTUM', b(2)], ['POWER', b(2)],
  ['MIN', b(1, 2)], ['MAX', b(1, 2)], ['XIDZ', b(3)], ['ZIDZ', b(2)], ['SAFEDIV', b(2, 3)],
  ['IF THEN ELSE', b(3)], ['PI', b(0)],
  ['STEP', b(2)], ['RAMP', b(3)], ['PULSE', b(2)], ['PULSE TRAIN', b(4)],
  ['INTEG', b(2, 2, { stateful: true })],
  ['DELAY1', b(2, 2, { stateful: true })], ['DELAY1I', b(3, 3, { stateful: true })],
  ['DELAY3', b(2, 2, { stateful: true })], ['DELAY3I', b(3, 3, { stateful: true })],
  ['DELAY N', b(4, 4, { stateful: true })], ['DELAY CONVEYOR', b(6, 6, { stateful: true })], ['DELAY FIXED', b(3, 3, { stateful: true })],
  ['DELAY INFORMATION', b(3, 3, { stateful: true })], ['DELAY', b(2, 3, { stateful: true })],
  ['SMOOTH', b(2, 2, { stateful: true })], ['SMOOTHI', b(3, 3, { stateful: true })],
  ['SMOOTH3', b(2, 2, { stateful: true })], ['SMOOTH3I', b(3, 3, { stateful: true })],
  ['SMOOTH N', b(4, 4, { stateful: true })], ['TREND', b(3, 3, { stateful: true })],
  ['FORECAST', b(3, 3, { stateful: true })], ['NPV', b(4, 4, { stateful: true })],
  ['NPVE', b(4, 4, { stateful: true })], ['DERIVN', b(2, 2, { stateful: true })],
  ['INITIAL', b(1, 1, { stateful: true })], ['INIT', b(1, 1, { stateful: true })],
  ['ACTIVE INITIAL', b(2, 2, { stateful: true })], ['REINITIAL', b(1, 1, { stateful: true })],
  ['SAMPLE IF TRUE', b(3, 3, { stateful: true })],
  ['SINTEG', b(7, 7, { stateful: true })], ['SHIFT IF TRUE', b(5)], ['DELAY MATERIAL', b(4, 4, { stateful: true })],
  // fn_queue_fifo and fn_queue_age_in_range, for a queue whose initial content is 0 (src/sd/analyze/queue.ts).
  ['QUEUE FIFO', b(5, 5, { stateful: true })], ['QUEUE AGE IN RANGE', b(3)],
  // fn_depreciate_straightline, for a fiscal period of one TIME STEP (src/sd/analyze/depreciate.ts).
  ['DEPRECIATE STRAIGHTLINE', b(4, 4, { stateful: true })],
  ['LOOKUP EXTRAPOLATE', b(2)], ['LOOKUP FORWARD', b(2)], ['LOOKUP BACKWARD', b(2)],
  ['LOOKUP INVERT', b(2)], ['WITH LOOKUP', b(2)], ['LOOKUP AREA', b(3)], ['LOOKUP SLOPE', b(3)],
  ['GET DATA AT TIME', b(2)], ['GET DATA LAST TIME', b(1)], ['GET DATA FIRST TIME', b(1)],
  ['GET DATA BETWEEN TIMES', b(3)], ['GET DATA MAX', b(3)], ['GET DATA MIN', b(3)], ['GET DATA MEAN', b(3)],
  ['TIME BASE', b(2)], ['TIME SHIFT', b(2)],
  ['SUM', b(1)], ['PROD', b(1)], ['VMIN', b(1)], ['VMAX', b(1)], ['ELMCOUNT', b(1)],
  ['VECTOR SELECT', b(5)], ['VECTOR ELM MAP', b(2)], ['VECTOR SORT ORDER', b(2)],
  ['VECTOR RANK', b(2)], ['VECTOR REORDER', b(2)], ['VECTOR LOOKUP', b(5)],
  ['ALLOCATE BY PRIORITY', b(5)], ['ALLOCATE AVAILABLE', b(3)], ['FIND MARKET PRICE', b(4)], ['DEMAND AT PRICE', b(3)], ['SUPPLY AT PRICE', b(3)], ['INVERT MATRIX', b(2)],
  ['GAME', b(1)],
  // Random functions: the trailing seed (noise stream) argument is optional.
  ['RANDOM UNIFORM', b(2, 3, { random: true })], ['RANDOM NORMAL', b(4, 5, { random: true })], ['RANDOM 0 1', b(0, 0, { random: true })], ['RANDOM EXPONENTIAL', b(4, 5, { random: true })],
  ['RANDOM POISSON', b(5, 6, { random: true })], ['RANDOM LOGNORMAL', b(4, 6, { random: true })], ['RANDOM TRIANGULAR', b(5, 6, { random: true })], ['RANDOM GAMMA', b(5, 6, { random: true })],
  ['RANDOM BETA', b(5, 7, { random: true })], ['RANDOM BINOMIAL', b(5, 7, { random: true })], ['RANDOM WEIBULL', b(5, 6, { random: true })], ['RANDOM PINK NOISE', b(3, 4, { random: true })],
  ['RANDOM NEGATIVE BINOMIAL', b(5, 7, { random: true })], ['RANDOM LOOKUP', b(4, 6, { random: true })],
  ['GET DIRECT DATA', b(4, 4, { data: true })], ['GET XLS DATA', b(4, 4, { data: true })],
  ['GET DIRECT CONSTANTS', b(3, 3, { data: true })], ['GET XLS CONSTANTS', b(3, 3, { data: true })],
  ['GET DIRECT LOOKUPS', b(4, 4, { data: true })], ['GET XLS LOOKUPS', b(4, 4, { data: true })],
  ['GET DIRECT SUBSCRIPT', b(5, 5, { data: true })], ['GET XLS SUBSCRIPT', b(5, 5, { data: true })],
  ['GET TIME VALUE', b(3)],
  ['TABBED ARRAY', b(0, Infinity)], ['A FUNCTION OF', b(0, Infinity)],
  // XMILE's HISTORY(input, time) (src/sd/xmile/functions.ts); `#` keeps Vensim text from naming it.
  [HISTORY, b(2, 2, { stateful: true })],
  [XMILE_RANK, b(2, 3)],
  [XMILE_ELEMENT, b(4, Infinity)],
]);

/**
 * The XMILE reader's conveyors (src/sd/xmile/conveyors.ts): a conveyor's outflow is
 * `#CONVEYOR OUTFLOW(inflow, transit time, stock, exponential, leak count, leak fraction…,
 * leak zone start and end…)` (CONVEYOR_ARGS gives the positions), each leak flow
 * `#CONVEYOR LEAK(outflow, k, stock, fraction)` (the last two for structure analysis only). The `#` keeps them out of reach of model text; they are not in
 * BUILTINS for the same reason.
 */
export const CONVEYOR_OUTFLOW = '#CONVEYOR OUTFLOW';
export const CONVEYOR_LEAK = '#CONVEYOR LEAK';

/** Positions in a CONVEYOR_OUTFLOW call; the k-th of `count` leaks has its fraction at
 * `fractions + k` and its zone at `fractions + count + 2k` (start) and the next (end). */
export const CONVEYOR_ARGS = { inflow: 0, transit: 1, stock: 2, exponential: 3, count: 4, fractions: 5 } as const;

export function isBuiltin(fn: string): boolean {
  return BUILTINS.has(fn);
}
