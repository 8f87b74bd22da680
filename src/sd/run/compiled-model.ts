/**
 * A compiled model: the generated program plus what a run needs (defaults, parameter index,
 * output columns). `run` fills its own buffers and never recompiles.
 */
import { formatLocation, InputError, ModelError, SimulationError, type BilingualText } from '../ir/diagnostics.js';
import { formatCount, resolveLimits, type ModelLimits } from '../ir/limits.js';
import { canonicalColumn, canonicalName } from '../ir/names.js';
import type { Ordering } from '../analyze/order.js';
import { nodeDisplayName, type ScalarModel, type ScalarNode } from '../analyze/scalar-model.js';
import { generate, type GeneratedProgram } from '../compile/codegen.js';
import { Runtime } from './runtime-lib.js';
import { VectorArgumentError } from './vector-functions.js';
import { vectorElementName } from './vector-element-name.js';
import { MODEL_FIELDS, planRun, runCounts } from './run-plan.js';
import { SaveBuffer } from './save-buffer.js';
import { refsOf } from '../analyze/order.js';
import { NonFiniteProbe, ProbeDone } from './nonfinite-probe.js';
import { stopCause } from './nonfinite-stop.js';
import { nonFiniteReport, type NonFiniteReport } from './nonfinite-report.js';
import type { FirstNonFinite } from './nonfinite-scan.js';
import type { IntegrationMethod, LookupOverride, Model, ParameterInfo, RunOptions, RunResult, SavedRows, SaveSink, StreamOptions, StreamSummary } from './types.js';

/** The generated functions; `R` is the run's runtime (lookups, delays, random stream). */
export interface Program {
  init(v: Float64Array, time: number, dt: number, si: number, R: Runtime): void;
  step(v: Float64Array, time: number, dt: number, si: number, R: Runtime): void;
  rates(v: Float64Array, d: Float64Array, time: number, dt: number, R: Runtime): void;
  post(v: Float64Array, time: number, dt: number, si: number, R: Runtime): void;
  /** Euler's update: each stock += dt × its rate (in place, `d` holding the few rates that cannot be). */
  euler(v: Float64Array, d: Float64Array, time: number, dt: number, R: Runtime): void;
}

/** A program and the stocks it integrates (every stock, or those a set of columns needs). */
interface Variant {
  program: Program;
  stocks: Int32Array;
  /** The stocks' slots as runs of consecutive slots, [from, to) pairs in slot order (see `checkStocks`). */
  runs: Int32Array;
  /** Positions in `stocks` of the stepwise stocks (ScalarNode.stepwise), held through Runge-Kutta stages. */
  held: Int32Array;
}

/** A compiled model's look-ups by canonical name. */
interface NameIndexes {
  columnIndex: Map<string, number>;
  paramIndex: Map<string, number[]>;
  lookupIndex: Map<string, number[]>;
}

/** Column sets whose own (smaller) program is kept, most recently used last. */
const CONES_KEPT = 8;
/** Values (8 bytes each) a streamed run keeps per block of rows: about 2 MB, whatever the model's width. */
const STREAM_BLOCK_VALUES = 1 << 18;
/** A column set's program is made only when it skips more than this share of the step equations. */
const CONE_MIN_SAVING = 0.1;

function load(generated: GeneratedProgram): Program {
  return new Function('K', generated.source)(generated.tables) as Program;
}

export interface CompiledModelOptions {
  method?: IntegrationMethod;
  seed?: number;
  /** Keep going when a stock becomes NaN (by default the run stops with a SimulationError). */
  allowNaN?: boolean;
  /** Resource limits (nesting, sizes, saved points, steps); defaults in src/sd/ir/limits.ts. */
  limits?: Partial<ModelLimits>;
}


export class CompiledModel implements Model {
  readonly outputNames: string[];
  readonly parameters: ParameterInfo[];
  readonly time: Model['time'];
  private readonly program: Program;
  private readonly full: Variant;
  /**
   * Programs for runs that keep some columns only: each computes just the equations those
   * columns depend on (their cone), by column set. Not made for models that draw random
   * numbers: they share one stream, so skipping a draw would change the others.
   */
  private readonly cones = new Map<string, Variant>();
  private readonly coneSafe: boolean;
  private readonly defaults: Float64Array;
  private readonly outputIds: Int32Array;
  /** Name indexes, made at the first look-up by name (see `names`). */
  private nameIndexes?: NameIndexes;
  private readonly stockIds: Int32Array;
  private readonly controlStatic: boolean;

  constructor(
    readonly scalar: ScalarModel,
    readonly ordering: Ordering,
    readonly generated: GeneratedProgram,
    readonly options: CompiledModelOptions = {},
  ) {
    this.program = load(generated);
    this.lx = scalar.lookups.map((l) => l.x);
    this.ly = scalar.lookups.map((l) => l.y);
    const nodes = scalar.nodes;
    this.defaults = new Float64Array(nodes.length);
    // Index loops, not for-of: this runs once per model while unoptimised, where for-of makes an
    // iterator result per node (5.5 MB on MEDEAS's 70,000 nodes).
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.kind === 'const' && n.expr.k === 'num') this.defaults[n.id] = n.expr.v;
    }
    this.outputIds = Int32Array.from(scalar.outputs);
    this.outputNames = scalar.outputs.map((id) => nodes[id]!.name);
    this.parameters = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.kind !== 'const' || n.hidden) continue;
      this.parameters.push({ name: n.name, value: this.defaults[n.id]!, units: n.units || undefined, doc: n.doc || undefined, range: n.range });
    }
    this.stockIds = Int32Array.from(ordering.stocks);
    this.full = { program: this.program, stocks: this.stockIds, runs: slotRuns(this.stockIds), held: stepwisePositions(this.stockIds, nodes) };
    this.coneSafe = !generated.source.includes('R.random');
    const c = scalar.control;
    this.controlStatic = [c.initialTime, c.finalTime, c.timeStep, c.saveper].every((id) => ordering.isStatic[id]);
    let probe: { start: number; end: number; dt: number; saveper: number };
    try {
      probe = this.evaluateControl(this.defaults.slice(), this.makeRuntime());
    } catch (e) {
      throw this.located(e);
    }
    this.defaultControl = probe;
    this.controlInputs = this.constantsFeeding([c.initialTime, c.finalTime, c.timeStep, c.saveper]);
    this.time = { ...probe, method: options.method ?? 'euler' };
  }

  /** Control values with the model's own constants. */
  private readonly defaultControl: { start: number; end: number; dt: number; saveper: number };
  /** Constants that the control variables depend on: overriding one needs a fresh evaluation. */
  private readonly controlInputs: Set<number>;
  private readonly lx: Float64Array[];
  private readonly ly: Float64Array[];

  private makeRuntime(seed?: number): Runtime {
    const s = this.scalar;
    return new Runtime(this.lx, this.ly, s.data, this.generated.delayCount, seed ?? this.options.seed ?? 1);
  }

  /** The constant nodes an expression set depends on, transitively. */
  private constantsFeeding(ids: number[]): Set<number> {
    const nodes = this.scalar.nodes;
    return new Set([...this.dependencies(ids)].filter((id) => nodes[id]!.kind === 'const'));
  }

  /** The nodes that some nodes depend on (through equations, initial values and arguments), themselves included. */
  private dependencies(ids: Iterable<number>): Set<number> {
    const nodes = this.scalar.nodes;
    const seen = new Set<number>();
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const n = nodes[id]!;
      stack.push(...refsOf(n.expr), ...refsOf(n.init), ...(n.args ?? []).flatMap((a) => refsOf(a)));
    }
    return seen;
  }

  /**
   * The program for a run that keeps the columns `cols`: their cone's own program when it skips
   * enough of the model (made once per column set), else the whole model's. The columns' values
   * are the same either way: every equation they read is computed, in the same order.
   */
  private variantFor(cols: Int32Array): Variant {
    if (!this.coneSafe) return this.full;
    const key = Array.from(cols).sort((a, b) => a - b).join(',');
    let hit = this.cones.get(key);
    if (hit) {
      this.cones.delete(key);
    } else {
      const c = this.scalar.control;
      const need = this.dependencies([...cols, c.initialTime, c.finalTime, c.timeStep, c.saveper]);
      const stepsKept = this.ordering.step.reduce((k, id) => k + (need.has(id) ? 1 : 0), 0);
      if (stepsKept > (1 - CONE_MIN_SAVING) * this.ordering.step.length) hit = this.full;
      else {
        const stocks = Int32Array.from(this.ordering.stocks.filter((id) => need.has(id)));
        hit = { program: load(generate(this.scalar, this.ordering, (id) => need.has(id))), stocks, runs: slotRuns(stocks), held: stepwisePositions(stocks, this.scalar.nodes) };
      }
      if (this.cones.size >= CONES_KEPT) this.cones.delete(this.cones.keys().next().value!);
    }
    this.cones.set(key, hit);
    return hit;
  }

  /** Control values as the initial computation gives them (with Time taken as 0 while it is not yet known). */
  private evaluateControl(v: Float64Array, r: Runtime): { start: number; end: number; dt: number; saveper: number } {
    r.heldTime = 0;
    this.program.init(v, 0, NaN, 0, r);
    const c = this.scalar.control;
    return { start: v[c.initialTime]!, end: v[c.finalTime]!, dt: v[c.timeStep]!, saveper: v[c.saveper]! };
  }

  /**
   * Canonical name → output column, constant nodes, lookup tables. Made at the first look-up by
   * name, not at load: 70,000 canonical keys and three Maps were most of a large model's load,
   * and a run of every column with the model's own constants never needs them.
   */
  private names(): NameIndexes {
    if (this.nameIndexes) return this.nameIndexes;
    const nodes = this.scalar.nodes;
    const columnIndex = new Map<string, number>();
    const paramIndex = new Map<string, number[]>();
    const lookupIndex = new Map<string, number[]>();
    // Canonical keys are made once per name (canonicalName runs regular expressions), kept by node id.
    const columnKey: (string | undefined)[] = new Array<string | undefined>(nodes.length);
    const outputNames = this.outputNames;
    for (let j = 0; j < outputNames.length; j++) {
      const key = canonicalColumn(outputNames[j]!);
      columnKey[this.outputIds[j]!] = key;
      columnIndex.set(key, j);
    }
    const wholeKey = new Map<string, string>();
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.kind !== 'const' || n.hidden) continue;
      const key = columnKey[n.id] ?? canonicalColumn(n.name);
      paramIndex.set(key, [n.id]);
      let whole = wholeKey.get(n.varName);
      if (whole === undefined) wholeKey.set(n.varName, (whole = canonicalName(n.varName)));
      if (key !== whole) addTo(paramIndex, whole, n.id);
    }
    for (const [name, idx] of this.scalar.lookupNames) {
      const key = canonicalColumn(name);
      lookupIndex.set(key, [idx]);
      const b = name.indexOf('[');
      if (b > 0) {
        addTo(lookupIndex, canonicalName(name.slice(0, b)), idx);
      }
    }
    return (this.nameIndexes = { columnIndex, paramIndex, lookupIndex });
  }

  /** Output column index for a name as Vensim spells it, or -1. */
  columnOf(name: string): number {
    return this.names().columnIndex.get(canonicalColumn(name)) ?? -1;
  }

  /** Writes overrides into `v` (and the run's lookup tables); returns the constant nodes changed. */
  private applyParams(v: Float64Array, r: Runtime, params: Record<string, number | LookupOverride>): number[] {
    const touched: number[] = [];
    let copied = false;
    for (const [name, value] of Object.entries(params)) {
      const key = canonicalColumn(name);
      if (typeof value === 'number') {
        const ids = this.names().paramIndex.get(key);
        if (!ids) throw new InputError(name, { en: 'is not a constant of this model', es: 'no es una constante de este modelo' });
        for (const id of ids) {
          v[id] = value;
          touched.push(id);
        }
      } else {
        const tables = this.names().lookupIndex.get(key);
        if (!tables) throw new InputError(name, { en: 'is not a lookup of this model', es: 'no es una tabla (lookup) de este modelo' });
        if (value.x.length !== value.y.length || value.x.length === 0) throw new InputError(name, { en: 'a lookup needs as many x as y values, at least one', es: 'una tabla (lookup) necesita tantos valores x como y, al menos uno' });
        if (!copied) {
          r.lx = r.lx.slice();
          r.ly = r.ly.slice();
          copied = true;
        }
        for (const t of tables) {
          r.lx[t] = Float64Array.from(value.x);
          r.ly[t] = Float64Array.from(value.y);
        }
      }
    }
    return touched;
  }

  run(options: RunOptions = {}): RunResult {
    const { saved, rows, names } = this.simulateLocated(options);
    const nc = names.length;
    const series: Float64Array[] = [];
    for (let j = 0; j < nc; j++) series.push(saved.column(j, rows));
    // The name index is built on the first `get` (many callers only read `series`).
    let index: Map<string, number> | undefined;
    const result: RunResult = {
      time: saved.column(nc, rows),
      names,
      series,
      get: (name: string) => {
        if (!index) {
          index = new Map();
          names.forEach((nm, j) => index!.set(canonicalColumn(nm), j));
        }
        const j = index.get(canonicalColumn(name));
        return j === undefined ? undefined : series[j];
      },
    };
    saved.lend(result);
    return result;
  }

  /**
   * Runs one simulation handing its saved rows to `sink` block by block as the run goes, so that
   * memory holds one block, not the whole run (a run to a file: `igem run --out`). The values are
   * those `run` returns with the same options.
   */
  stream(sink: SaveSink, options: StreamOptions = {}): StreamSummary {
    if (options.blockRows !== undefined && !(Number.isInteger(options.blockRows) && options.blockRows >= 1)) {
      throw new InputError('blockRows', { en: `must be a whole number ≥ 1 (it is ${options.blockRows})`, es: `debe ser un número entero ≥ 1 (es ${options.blockRows})` });
    }
    const { rows, names } = this.simulateLocated(options, sink, options.blockRows);
    return { names, rows };
  }

  /**
   * Why a run's saved columns took non-finite values (`found`, from nonfinite-scan.ts, for a run
   * with these `options`): the run is made again with a probe (nonfinite-probe.ts) that finds the
   * equations that first made NaN or ±∞ from finite inputs, one warning per such root. Called only
   * after a run that saved such a value, so other runs pay nothing.
   */
  explainNonFinite(found: readonly FirstNonFinite[], options: RunOptions = {}, limit?: number): NonFiniteReport {
    if (found.length === 0) return { warnings: [], more: 0, columns: 0 };
    const nodes = found.map((f) => this.outputIds[this.columnOf(f.name)] ?? -1);
    const watch = Int32Array.from(this.dependencies(nodes.filter((id) => id >= 0)));
    const until = Math.max(...found.map((f) => f.time));
    const probe = new NonFiniteProbe(this.scalar, watch, until);
    let findings: NonFiniteProbe | undefined = probe;
    try {
      this.simulate(options, DISCARD, undefined, probedProgram(probe));
    } catch (e) {
      // Any failure but the probe's own end leaves the warnings without causes.
      if (!(e instanceof ProbeDone)) findings = undefined;
    }
    return nonFiniteReport(this.scalar, found, nodes, findings, limit);
  }

  /** `simulate`, with a vector function's bad argument turned into an error that names the variable and the time. */
  private simulateLocated(options: RunOptions, sink?: SaveSink, blockRows?: number): { saved: SaveBuffer; rows: number; names: string[] } {
    try {
      return this.simulate(options, sink, blockRows);
    } catch (e) {
      throw this.located(e instanceof NaNStockError ? this.diagnosed(e, options) : e);
    }
  }

  /**
   * A NaN stock's error with its cause when one is found: the equation that first made NaN or ±∞
   * from finite inputs among those the stock depends on, found by running again with the probe that
   * explains non-finite saved values (nonfinite-probe.ts), so that runs that do not fail pay nothing for it.
   */
  private diagnosed(e: NaNStockError, options: RunOptions): SimulationError {
    const probe = new NonFiniteProbe(this.scalar, Int32Array.from(this.dependencies([e.stock])), e.time);
    try {
      this.simulate(options, DISCARD, undefined, probedProgram(probe));
    } catch (f) {
      // The rerun ends at the same NaN stock, or at the probe's end; any other failure leaves the stop as it was.
      if (!(f instanceof NaNStockError || f instanceof ProbeDone)) return e;
    }
    const found = stopCause(this.scalar, e.stock, e.time, { en: e.message, es: e.messageEs }, probe);
    return found ? new SimulationError(found.text, found.variable, found.time) : e;
  }

  /** A vector function's bad argument found during the run, as a SimulationError naming the variable and the time. */
  private located(e: unknown): unknown {
    if (!(e instanceof VectorArgumentError)) return e;
    const node = this.scalar.nodes[e.node >= 0 || e.belt < 0 ? e.node : this.generated.beltNodes[e.belt]!];
    const who = vectorElementName(this.scalar, e);
    const text = who !== undefined && e.element ? e.element.text(who) : e.text;
    if (node === undefined) return new SimulationError({ en: `during the run: ${text.en}`, es: `durante la corrida: ${text.es}` }, '', e.time);
    const name = nodeDisplayName(node);
    const when = Number.isNaN(e.time) ? { en: 'at the initial time', es: 'en el tiempo inicial' } : { en: `at time ${e.time}`, es: `en el tiempo ${e.time}` };
    const where = formatLocation(node.loc);
    const at = where ? where + ': ' : '';
    return new SimulationError({ en: `${at}${name} ${when.en}: ${text.en}`, es: `${at}${name} ${when.es}: ${text.es}` }, name, e.time);
  }

  /**
   * The run itself. Without a sink every saved row stays in the buffer it returns; with one, the
   * buffer holds a block of rows, handed to the sink whenever it is full and at the end.
   */
  private simulate(options: RunOptions, sink?: SaveSink, blockRows?: number, wrap?: (p: Program) => Program): { saved: SaveBuffer; rows: number; names: string[] } {
    const nodes = this.scalar.nodes;
    const c = this.scalar.control;
    const r = this.makeRuntime(options.seed);
    const v = this.defaults.slice();
    const touched = options.params ? this.applyParams(v, r, options.params) : [];
    if (options.dt !== undefined && nodes[c.timeStep]!.kind === 'const') v[c.timeStep] = options.dt;
    if (options.start !== undefined && nodes[c.initialTime]!.kind === 'const') v[c.initialTime] = options.start;
    const controlTouched = touched.some((id) => this.controlInputs.has(id)) || options.dt !== undefined || options.start !== undefined;
    const control = controlTouched ? this.evaluateControl(v.slice(), this.makeRuntime()) : this.defaultControl;
    const t0 = options.start ?? control.start;
    let dt = options.dt ?? control.dt;
    const method = options.method ?? this.options.method ?? 'euler';
    if (method !== 'euler' && this.generated.beltNodes.length > 0) {
      // A belt moves one slat per DT; the Runge-Kutta stages would move it several times.
      const node = nodes[this.generated.beltNodes[0]!]!;
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${node.name} is the outflow of a conveyor; conveyors run with Euler integration only, not ${method}`,
          es: `${node.name} es la salida de una cinta transportadora (conveyor); las cintas solo corren con integración de Euler, no con ${method}`,
        },
        node.loc,
      );
    }
    const eulerOnly = this.scalar.eulerOnly?.[0];
    if (method !== 'euler' && eulerOnly) {
      // A SHIFT IF TRUE moves its levels once per step, through their rates; Runge-Kutta stages would blend it.
      const { what, why } = eulerOnly;
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${what} runs with Euler integration only, not ${method}${why ? ` (${why.en})` : ''}`,
          es: `${what} solo corre con integración de Euler, no con ${method}${why ? ` (${why.es})` : ''}`,
        },
        eulerOnly.loc,
      );
    }

    // Columns to keep.
    let cols: Int32Array;
    let names: string[];
    if (options.columns) {
      const picked: number[] = [];
      for (const col of options.columns) {
        if (canonicalName(col) === 'time') continue; // the time column is always there
        const j = this.columnOf(col);
        if (j >= 0) {
          picked.push(j);
          continue;
        }
        const prefix = canonicalName(col) + '[';
        // A whole array by its name: every element, from the canonical keys made at load.
        const before = picked.length;
        for (const [key, k] of this.names().columnIndex) if (key.startsWith(prefix)) picked.push(k);
        if (picked.length === before) throw new InputError(col, { en: 'is not a variable of this model', es: 'no es una variable de este modelo' });
      }
      cols = Int32Array.from(picked.map((j) => this.outputIds[j]!));
      names = picked.map((j) => this.outputNames[j]!);
    } else {
      cols = this.outputIds;
      names = this.outputNames;
    }
    if (options.nodes?.length) {
      const ids = options.nodes.filter((id) => id >= 0 && id < nodes.length);
      cols = Int32Array.from([...cols, ...ids]);
      names = [...names, ...ids.map((id) => nodes[id]!.name)];
    }
    const endGuess = options.end ?? control.end;
    // Time settings and memory need checked before anything is allocated.
    const fields = {
      start: options.start !== undefined ? 'start' : MODEL_FIELDS.start,
      end: options.end !== undefined ? 'end' : MODEL_FIELDS.end,
      dt: options.dt !== undefined ? 'dt' : MODEL_FIELDS.dt,
      saveper: options.saveper !== undefined ? 'saveper' : MODEL_FIELDS.saveper,
    };
    const limits = resolveLimits(this.options.limits);
    const histories = this.generated.delayCount * (this.controlStatic ? 1 : 64);
    const nc = cols.length;
    const span = { start: t0, end: endGuess, dt, saveper: options.saveper ?? control.saveper };
    const savesExpected = runCounts(span).savedTimes;
    // Sized for the run (exactly, when the control variables are constant), doubling only when a
    // time-varying SAVEPER needs it; a streamed run keeps one block of rows.
    const capacity = sink ? (blockRows ?? Math.max(1, Math.min(savesExpected, Math.floor(STREAM_BLOCK_VALUES / (nc + 1))))) : this.controlStatic ? savesExpected : 256;
    planRun(span, nc, histories, limits, fields, sink ? capacity : Infinity);
    // Only what the kept columns need is computed (the control variables always are).
    const variant = options.columns ? this.variantFor(cols) : this.full;
    const { stocks, runs, held } = variant;
    const program = wrap ? wrap(variant.program) : variant.program;
    r.initialTime = t0;
    const maxSteps = Math.ceil(Math.max(0, endGuess - t0) / dt + 1e-6);
    r.prepareDelays(this.controlStatic ? maxSteps : Math.max(maxSteps, 1) * 64);
    r.heldTime = t0;
    program.init(v, t0, dt, 0, r);
    const overrideControl = () => {
      if (options.end !== undefined) v[c.finalTime] = options.end;
      if (options.saveper !== undefined) v[c.saveper] = options.saveper;
      if (options.dt !== undefined) v[c.timeStep] = options.dt;
      if (options.start !== undefined) v[c.initialTime] = options.start;
    };
    overrideControl();

    const saved = new SaveBuffer(nc, capacity, sink ? undefined : options.into);
    let rows = 0;
    let first = 0;
    let fullBlock: SavedRows | undefined;
    /** Hands the saved rows to the sink and empties the buffer (views of a full block made once). */
    const flush = (s: SaveSink) => {
      let block = rows === saved.capacity ? fullBlock : undefined;
      if (!block) {
        const series: Float64Array[] = [];
        for (let j = 0; j < nc; j++) series.push(saved.column(j, rows));
        block = { first: 0, rows, time: saved.column(nc, rows), series };
        if (rows === saved.capacity) fullBlock = block;
      }
      block.first = first;
      s.rows(block);
      first += rows;
      rows = 0;
    };
    sink?.begin(names);

    const ns = stocks.length;
    const d = new Float64Array(ns);
    const y0 = method === 'euler' ? d : new Float64Array(ns);
    const k1 = method === 'euler' ? d : new Float64Array(ns);
    const k2 = method === 'rk4' ? new Float64Array(ns) : d;
    const k3 = method === 'rk4' ? new Float64Array(ns) : d;
    /** Stepwise stocks keep their step-start value through the Runge-Kutta stages (ScalarNode.stepwise). */
    const hold = () => {
      for (let j = 0; j < held.length; j++) v[stocks[held[j]!]!] = y0[held[j]!]!;
    };

    let base = t0;
    let k = 0;
    let time = t0;
    let nextSave = t0;
    let si = 0;
    const stepLimit = limits.maxSteps;
    for (;;) {
      // Test inputs hold this step's value through the Runge-Kutta stages below (runtime-lib heldTime).
      r.heldTime = time;
      program.step(v, time, dt, si, r);
      overrideControl();
      // TIME STEP may change during the run (Vensim allows it); a new step size applies from now.
      const newDt = v[c.timeStep]!;
      if (newDt !== dt && newDt > 0) {
        base = time;
        k = 0;
        dt = newDt;
      }
      const eps = dt * 1e-6;
      const end = v[c.finalTime]!;
      if (time >= nextSave - eps) {
        if (rows === saved.capacity && sink) flush(sink);
        else if (rows === saved.capacity) {
          if (saved.capacity * 2 * (nc + 1) > limits.maxSavedPoints) {
            throw new SimulationError({ en: `the run saves more than the limit of ${formatCount(limits.maxSavedPoints)} points (SAVEPER or FINAL TIME changed during the run)`, es: `la corrida guarda más puntos que el límite de ${formatCount(limits.maxSavedPoints)} (SAVEPER o FINAL TIME cambiaron durante la corrida)` }, 'SAVEPER', time);
          }
          saved.grow(rows);
        }
        saved.save(v, cols, rows++, time);
        nextSave = time + v[c.saveper]!;
        this.checkStocks(v, time, stocks, runs);
      }
      if (time >= end - eps) break;
      if (si >= stepLimit) throw new SimulationError({ en: `the run passed the limit of ${formatCount(stepLimit)} steps (TIME STEP or FINAL TIME changed during the run)`, es: `la corrida superó el límite de ${formatCount(stepLimit)} pasos (TIME STEP o FINAL TIME cambiaron durante la corrida)` }, 'TIME STEP', time);
      program.post(v, time, dt, si, r);
      if (method === 'euler') {
        program.euler(v, d, time, dt, r);
      } else {
        program.rates(v, k1, time, dt, r);
        for (let i = 0; i < ns; i++) y0[i] = v[stocks[i]!]!;
        if (method === 'rk2') {
          for (let i = 0; i < ns; i++) v[stocks[i]!] = y0[i]! + dt * k1[i]!;
          hold();
          program.step(v, time + dt, dt, si, r);
          program.rates(v, k2, time + dt, dt, r);
          for (let i = 0; i < ns; i++) v[stocks[i]!] = y0[i]! + (dt / 2) * (k1[i]! + k2[i]!);
        } else {
          const h = dt / 2;
          for (let i = 0; i < ns; i++) v[stocks[i]!] = y0[i]! + h * k1[i]!;
          hold();
          program.step(v, time + h, dt, si, r);
          program.rates(v, k2, time + h, dt, r);
          for (let i = 0; i < ns; i++) v[stocks[i]!] = y0[i]! + h * k2[i]!;
          hold();
          program.step(v, time + h, dt, si, r);
          program.rates(v, k3, time + h, dt, r);
          for (let i = 0; i < ns; i++) v[stocks[i]!] = y0[i]! + dt * k3[i]!;
          hold();
          program.step(v, time + dt, dt, si, r);
          program.rates(v, d, time + dt, dt, r);
          for (let i = 0; i < ns; i++) v[stocks[i]!] = y0[i]! + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + d[i]!);
        }
        // ...and then move as Euler moves them, by their rate at the step's start.
        for (let j = 0; j < held.length; j++) v[stocks[held[j]!]!] = y0[held[j]!]! + dt * k1[held[j]!]!;
      }
      si++;
      k++;
      time = base + k * dt;
    }

    if (sink) {
      if (rows > 0) flush(sink);
      return { saved, rows: first, names };
    }
    return { saved, rows, names };
  }

  /** A stock (of those computed) that turned NaN stops the run, naming the stock and the time. */
  private checkStocks(v: Float64Array, time: number, stocks: Int32Array, runs: Int32Array): void {
    if (this.options.allowNaN) return;
    // Runs of consecutive slots are read without the index array (an array's stocks sit together),
    // and summed: a sum with a NaN term is NaN, so a sum that is a number proves every stock is one.
    // Two sums, not a compare per stock: half the time on the 10k model's 4,000 stocks. A NaN sum
    // (a NaN stock, or +∞ and -∞ stocks) goes to the scan in `stocks` order, which names the first
    // NaN stock, as before, or finds none and lets the run go on.
    let a = 0;
    let b = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const to = runs[r + 1]!;
      let i = runs[r]!;
      for (; i + 1 < to; i += 2) {
        a += v[i]!;
        b += v[i + 1]!;
      }
      if (i < to) a += v[i]!;
    }
    const sum = a + b;
    if (sum === sum) return;
    for (let i = 0; i < stocks.length; i++) {
      const x = v[stocks[i]!]!;
      if (x !== x) {
        const name = nodeDisplayName(this.scalar.nodes[stocks[i]!]!);
        throw new NaNStockError({ en: `${name} became NaN at time ${time}`, es: `${name} se volvió NaN en el tiempo ${time}` }, name, time, stocks[i]!);
      }
    }
  }
}

/** A stock that became NaN (`stock` its node), whose cause `CompiledModel.diagnosed` looks for. */
class NaNStockError extends SimulationError {
  constructor(text: BilingualText, name: string, time: number, readonly stock: number) {
    super(text, name, time);
  }
}

/** A sink that keeps nothing: a probed rerun reads the state, not the saved rows, so it holds one block, not the whole run. */
const DISCARD: SaveSink = { begin() {}, rows() {} };

/**
 * The same program with `probe` called after its init and after each step's equations, for a
 * second run that looks for a cause. Runge-Kutta evaluates a step's equations again at its stages
 * with the same step index `si` (see `simulate`): a call with the index of the one before is a stage
 * of the step that call began.
 */
function probedProgram(probe: NonFiniteProbe): (p: Program) => Program {
  return (p) => {
    let lastSi = -1;
    let from = NaN;
    return {
      ...p,
      init: (v, time, dt, si, R) => {
        p.init(v, time, dt, si, R);
        probe.init(v, time, dt, R);
      },
      step: (v, time, dt, si, R) => {
        p.step(v, time, dt, si, R);
        if (si !== lastSi) {
          lastSi = si;
          from = time;
          probe.step(v, time, dt, R);
        } else probe.step(v, time, dt, R, { from, to: from + dt });
      },
    };
  };
}

/** Positions in `stocks` (slots, which are node ids) of the stepwise stocks. */
function stepwisePositions(stocks: Int32Array, nodes: readonly ScalarNode[]): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < stocks.length; i++) if (nodes[stocks[i]!]!.stepwise) out.push(i);
  return Int32Array.from(out);
}

/** Sorted slots as [from, to) pairs of consecutive slots. */
function slotRuns(ids: Int32Array): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]! <= sorted[j - 1]! + 1) j++;
    out.push(sorted[i]!, sorted[j - 1]! + 1);
    i = j;
  }
  return Int32Array.from(out);
}

/** Appends in place: copying the list for each element made arrays of n constants cost n². */
function addTo(index: Map<string, number[]>, key: string, id: number): void {
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
}
