/**
 * Random well-formed Vensim models for differential testing, from a seed (pure-rand).
 *
 * Every model is acyclic in its auxiliaries (an auxiliary only uses earlier ones; feedback goes
 * through stocks), and keeps values finite: flows are clamped, divisors are 1 + |x|, EXP's argument
 * is clamped, LN takes 1 + |x|, powers take |x| with small exponents, delay times are positive
 * multiples of TIME STEP (so DELAY FIXED's pipeline length is exact) and switch times lie on the grid.
 * About a third of the models with DimA also map DimB onto it (differential-mappings.ts), and read
 * through the mapping. Most models end with equations of vector, stateful and lookup functions
 * (differential-functions.ts).
 */
import prand from 'pure-rand';
import { planMapping } from './differential-mappings.js';
import { functionLines } from './differential-functions.js';

interface Dim {
  name: string;
  elements: string[];
  /** Sub-range over the first elements, if any. */
  sub?: { name: string; elements: string[] };
  /** Ranges this one is mapped onto (differential-mappings.ts), and the text after `->`. */
  mapsTo?: { targets: Dim[]; text: string };
}

interface Var {
  name: string;
  dims: Dim[];
}

/** What the left-hand side of an equation binds: per position, a dimension or sub-range name, or a fixed element. */
type Scope = { dim: Dim; token: string; isElement: boolean }[];

export interface GeneratedModel {
  seed: number;
  text: string;
}

class Gen {
  private readonly rng: prand.RandomGenerator;
  constructor(seed: number) {
    this.rng = prand.xoroshiro128plus(seed);
  }
  int(lo: number, hi: number): number {
    return prand.unsafeUniformIntDistribution(lo, hi, this.rng);
  }
  chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  /** A number with at most two decimals in [lo, hi]. */
  num(lo: number, hi: number): number {
    return this.int(Math.round(lo * 100), Math.round(hi * 100)) / 100;
  }
}

export interface GeneratorOptions {
  /** Let STEP and PULSE switch between two time steps (off by default, see gridTime). */
  offGridSwitches?: boolean;
  /**
   * Leave out what SDEverywhere documents as unsupported (macros, DELAY FIXED; differential-sde.ts),
   * so that a seed whose model has them still yields a model all three sides run: no macros
   * (a macro call becomes a sum), DELAY FIXED becomes a DELAY1 with the same delay time, no market
   * (FIND MARKET PRICE and its readers, which SDEverywhere 0.7.28 does not handle).
   */
  sdeSubset?: boolean;
}

export function generateModel(seed: number, options: GeneratorOptions = {}): GeneratedModel {
  const g = new Gen(seed);
  const dt = g.pick([1, 0.5, 0.25, 0.125]);
  const final = g.int(4, 20);
  const saveper = g.pick([dt, dt, 2 * dt, 1]);
  const lines: string[] = [];

  const dims: Dim[] = [];
  if (g.chance(0.75)) {
    const n = g.int(2, 4);
    const els = Array.from({ length: n }, (_, i) => `a${i + 1}`);
    const d: Dim = { name: 'DimA', elements: els };
    if (n >= 3 && g.chance(0.7)) d.sub = { name: 'SubA', elements: els.slice(0, g.int(1, n - 1)) };
    dims.push(d);
    const withB = g.chance(0.5);
    const sizeB = withB ? g.int(2, 3) : 0;
    // A mapping DimB -> DimA (and maybe DimC) needs DimB, with as many elements as the mapping has entries.
    const plan = planMapping(seed, d);
    if (withB || plan) {
      const b: Dim = { name: 'DimB', elements: Array.from({ length: plan?.sourceSize ?? sizeB }, (_, i) => `b${i + 1}`) };
      if (plan) {
        const targets = [d];
        if (plan.second) targets.push({ name: plan.second.name, elements: plan.second.elements });
        b.mapsTo = { targets, text: plan.text };
      }
      dims.push(b);
      if (plan?.second) dims.push(b.mapsTo!.targets[1]!);
    }
  }
  for (const d of dims) {
    lines.push(`${d.name}: ${d.elements.join(', ')}${d.mapsTo ? ` -> ${d.mapsTo.text}` : ''} ~~|`);
    if (d.sub) lines.push(`${d.sub.name}: ${d.sub.elements.join(', ')} ~~|`);
  }
  const hasMapping = dims.some((d) => d.mapsTo);
  const shapes: Dim[][] = [[]];
  for (const d of dims) shapes.push([d]);
  if (dims.length >= 2) shapes.push([dims[0]!, dims[1]!]);

  // Lookups: standalone tables with increasing x.
  const lookups: string[] = [];
  /** Whether a DELAY CONVEYOR used the flat initial profile (declared at the end). */
  let conveyorProfile = false;
  for (let i = 0, n = g.int(0, 2); i < n; i++) {
    const name = `tab${i + 1}`;
    const pts: string[] = [];
    let x = g.num(-5, 0);
    for (let k = 0, m = g.int(2, 5); k < m; k++) {
      pts.push(`(${x},${g.num(-3, 3)})`);
      x = Math.round((x + g.num(0.5, 4)) * 100) / 100;
    }
    lines.push(`${name}(${pts.join(',')}) ~~|`);
    lookups.push(name);
  }

  // Macros: a first-order smooth written with INTEG (own stock per call) and a two-equation one.
  const macros = g.chance(0.4) && !options.sdeSubset;
  if (macros) {
    lines.push(
      ':MACRO: EXPSMOOTH(input, tau)',
      'EXPSMOOTH = INTEG((input - EXPSMOOTH) / tau, input) ~~|',
      ':END OF MACRO:',
      ':MACRO: HALFGAP(input, target)',
      'HALFGAP = gap / 2 ~~|',
      'gap = target - input ~~|',
      ':END OF MACRO:',
    );
  }

  /** Whether the model has something SDEverywhere is not sent (differential-sde.ts): a macro, DELAY FIXED or DELAY CONVEYOR. */
  let sdeLacks = macros;
  const known: Var[] = [];
  // Constants (positive, so they can serve as delay times as well).
  for (let i = 0, n = g.int(1, 4); i < n; i++) {
    const v: Var = { name: `c${i + 1}`, dims: g.pick(shapes) };
    const count = v.dims.reduce((a, d) => a * d.elements.length, 1);
    if (v.dims.length === 0 || g.chance(0.5)) {
      lines.push(`${lhs(v, v.dims.map((d) => d.name))} = ${g.num(0.5, 5)} ~~|`);
    } else if (v.dims.length === 1) {
      lines.push(`${lhs(v, [v.dims[0]!.name])} = ${Array.from({ length: count }, () => g.num(0.5, 5)).join(', ')} ~~|`);
    } else {
      const [d0, d1] = v.dims as [Dim, Dim];
      const rows = d0.elements.map(() => d1.elements.map(() => g.num(0.5, 5)).join(', '));
      // Rows end with ';', the last one too, as in Vensim's example of two-dimensional constant lists
      // (https://www.vensim.com/documentation/22070.html).
      lines.push(`${lhs(v, [d0.name, d1.name])} = ${rows.join('; ')}; ~~|`);
    }
    known.push(v);
  }
  const constants = known.filter((v) => v.dims.length === 0).map((v) => v.name);

  // Stocks are declared first (their flows may use anything), auxiliaries only use what came before.
  const stocks: Var[] = [];
  for (let i = 0, n = g.int(1, 3); i < n; i++) stocks.push({ name: `s${i + 1}`, dims: g.pick(shapes) });
  known.push(...stocks);

  const expr = (scope: Scope, depth: number, pool: Var[]): string => {
    const leaf = (): string => {
      const r = g.int(0, 9);
      if (r <= 1) return `${g.num(-3, 5)}`;
      if (r === 2) return 'Time';
      return ref(scope, pool);
    };
    if (depth <= 0 || g.chance(0.25)) return leaf();
    const sub = (): string => expr(scope, depth - 1, pool);
    const k = g.int(0, 23);
    switch (k) {
      case 0: return `(${sub()} + ${sub()})`;
      case 1: return `(${sub()} - ${sub()})`;
      case 2: return `(${sub()} * ${sub()})`;
      case 3: return `(${sub()} / (1 + ABS(${sub()})))`;
      case 4: return `(ABS(${sub()}) ^ ${g.pick([0.5, 1.5, 2])})`;
      case 5: return `MIN(${sub()}, ${sub()})`;
      case 6: return `MAX(${sub()}, ${sub()})`;
      case 7: return `EXP(MIN(MAX(${sub()}, -5), 5))`;
      case 8: return `LN(1 + ABS(${sub()}))`;
      case 9: return `IF THEN ELSE(${sub()} ${g.pick(['>', '<', '>=', '<='])} ${sub()}, ${sub()}, ${sub()})`;
      // Negation in parentheses: a negative operand would otherwise make '--0.28'.
      case 10: return lookups.length ? `${g.pick(lookups)}(${sub()})` : `-(${sub()})`;
      case 11: return `STEP(${sub()}, ${gridTime()})`;
      case 12: {
        const a = gridTime(true);
        return `RAMP(${g.num(-2, 2)}, ${a}, ${a + g.int(1, 6)})`;
      }
      case 13: return `PULSE(${gridTime()}, ${g.pick([0, dt, 1, 2, 3])})`;
      case 14: return `SMOOTH(${sub()}, ${delayTime()})`;
      case 15: return `SMOOTH3(${sub()}, ${delayTime()})`;
      case 16: return `DELAY1(${sub()}, ${delayTime()})`;
      case 17: return `DELAY3(${sub()}, ${delayTime()})`;
      case 18: {
        const [input, time, init] = [sub(), dt * g.int(1, 8), g.num(-2, 2)];
        if (options.sdeSubset) return `DELAY1(${input}, ${time})`;
        sdeLacks = true;
        if (!g.chance(0.4)) return fixedDelay(scope, `DELAY FIXED(${input}, ${time}, ${init})`);
        // DELAY CONVEYOR as the engine supports it (stateful.ts): a constant conveyance time of whole
        // TIME STEPs, the same initial conveyance time, a flat initial profile; leak·dt stays below 1.
        conveyorProfile = true;
        return `DELAY CONVEYOR(${input}, ${time}, ${g.pick([0, 0.05, 0.2])}, conveyor profile, ${g.num(0, 5)}, ${time})`;
      }
      case 19: return `SMOOTHI(${sub()}, ${delayTime()}, ${g.num(-2, 2)})`;
      case 20: return vector(scope, pool);
      case 21:
        if (!macros) return `(${sub()} + ${sub()})`;
        return g.chance(0.5) ? `EXPSMOOTH(${sub()}, ${delayTime()})` : `HALFGAP(${sub()}, ${sub()})`;
      default: return `(${sub()} ${g.pick(['+', '-', '*'])} ${leaf()})`;
    }
  };
  /**
   * DELAY FIXED must be the whole right-hand side (Vensim's page fn_delay_fixed): it gets a variable
   * of its own over the ranges the scope binds by name (an element bound stays written in the call),
   * read where the call was. No random draw, so a seed's model is otherwise the one it was.
   */
  let fixedDelays = 0;
  const fixedDelay = (scope: Scope, call: string): string => {
    const tokens = scope.filter((s) => !s.isElement).map((s) => s.token);
    const name = `dfx${++fixedDelays}${tokens.length ? `[${tokens.join(',')}]` : ''}`;
    lines.push(`${name} = ${call} ~~|`);
    return name;
  };
  // Switch times mostly on the grid, sometimes between two steps (where Vensim's rule of comparing
  // with Time + TIME STEP/2 decides the step it switches at).
  // (`offGridSwitches: false` keeps them on the grid; the engine once switched a step late between
  // grid points: known-differences.json, step-pulse-time-plus, now fixed.)
  const gridTime = (offGridAllowed = options.offGridSwitches ?? true): number =>
    offGridAllowed && g.chance(0.2)
      ? Math.round(g.num(0, final) * 1000 + 1) / 1000
      : dt * g.int(0, Math.round(final / dt));
  // A delay time: a positive literal or a positive constant, at least three TIME STEPs so that each
  // stage of a third-order delay is at least one step long and Euler stays stable (an unstable
  // oscillation would magnify round-off and hide real disagreements).
  const delayTime = (): string =>
    g.chance(0.15)
      ? `(${3 * dt} + ABS(${ref([], known)}) / 10)` // a delay time that changes during the run
      : constants.length && g.chance(0.3)
        ? `(${3 * dt} + ${g.pick(constants)})`
        : `${dt * g.int(3, 12)}`;

  /** A reference to an arrayed or scalar variable, indexed from what the scope binds or by a fixed element. */
  const ref = (scope: Scope, pool: Var[]): string => {
    // Where a mapping applies, favour a variable over its source range, so that mapped references
    // are common enough to test (no extra draw in seeds without a mapping).
    const viaMapping = hasMapping ? pool.filter((x) => x.dims.some((d) => mapped(d, scope))) : [];
    const v = viaMapping.length && g.chance(0.4) ? g.pick(viaMapping) : g.pick(pool);
    if (v.dims.length === 0) return v.name;
    const idx = v.dims.map((d) => {
      const bound = scope.find((s) => s.dim === d);
      if (bound && g.chance(0.8)) return bound.token;
      if (!bound && mapped(d, scope) && g.chance(0.7)) return d.name;
      return g.pick(d.elements);
    });
    return `${v.name}[${idx.join(',')}]`;
  };
  /**
   * The source range of a mapping may stand on the right when the left binds one of its targets by
   * name (not by an element or a sub-range: the reference speaks of the range on the left).
   * Only seeds with a mapping reach the extra random draw, so other seeds keep their models.
   */
  const mapped = (d: Dim, scope: Scope): boolean =>
    !!d.mapsTo && scope.some((s) => !s.isElement && s.token === s.dim.name && d.mapsTo!.targets.includes(s.dim));
  /** SUM / VMIN / VMAX / PROD over one dimension of an arrayed variable. */
  const vector = (scope: Scope, pool: Var[]): string => {
    const arrayed = pool.filter((v) => v.dims.length > 0);
    if (!arrayed.length) return ref(scope, pool);
    const v = g.pick(arrayed);
    const over = g.pick(v.dims);
    const idx = v.dims.map((d) => {
      if (d === over) return `${d.name}!`;
      const bound = scope.find((s) => s.dim === d);
      if (bound) return bound.token;
      return mapped(d, scope) && g.chance(0.7) ? d.name : g.pick(d.elements);
    });
    const fn = g.pick(['SUM', 'SUM', 'VMIN', 'VMAX']);
    return `${fn}(${v.name}[${idx.join(',')}])`;
  };

  /** Writes the equations of one variable: whole dimension, by sub-range and elements, or element by element. */
  const define = (v: Var, body: (scope: Scope) => string): void => {
    if (v.dims.length === 0) {
      lines.push(`${v.name} = ${body([])} ~~|`);
      return;
    }
    const first = v.dims[0]!;
    const rest = v.dims.slice(1);
    const restScope: Scope = rest.map((d) => ({ dim: d, token: d.name, isElement: false }));
    const restTokens = rest.map((d) => d.name);
    const mode = g.int(0, 2);
    if (mode === 0 || (mode === 1 && !first.sub)) {
      const scope: Scope = [{ dim: first, token: first.name, isElement: false }, ...restScope];
      lines.push(`${lhs(v, [first.name, ...restTokens])} = ${body(scope)} ~~|`);
    } else if (mode === 1) {
      const sub = first.sub!;
      lines.push(`${lhs(v, [sub.name, ...restTokens])} = ${body([{ dim: first, token: sub.name, isElement: false }, ...restScope])} ~~|`);
      for (const e of first.elements.filter((x) => !sub.elements.includes(x))) {
        lines.push(`${lhs(v, [e, ...restTokens])} = ${body([{ dim: first, token: e, isElement: true }, ...restScope])} ~~|`);
      }
    } else {
      for (const e of first.elements) {
        lines.push(`${lhs(v, [e, ...restTokens])} = ${body([{ dim: first, token: e, isElement: true }, ...restScope])} ~~|`);
      }
    }
  };

  const auxes: Var[] = [];
  for (let i = 0, n = g.int(1, 6); i < n; i++) {
    const v: Var = { name: `x${i + 1}`, dims: g.pick(shapes) };
    const pool = [...known];
    define(v, (scope) => expr(scope, g.int(1, 3), pool));
    known.push(v);
    auxes.push(v);
  }
  // With a mapping, one auxiliary per map-to range reads a variable over the source range through
  // the mapping (the random equations above reach one only now and then).
  const source = dims.find((d) => d.mapsTo);
  if (source) {
    let over = known.filter((v) => v.dims.includes(source));
    if (!over.length) {
      const v: Var = { name: 'cm', dims: [source] };
      lines.push(`cm[${source.name}] = ${source.elements.map(() => g.num(0.5, 5)).join(', ')} ~~|`);
      known.push(v);
      over = [v];
    }
    source.mapsTo!.targets.forEach((target, i) => {
      const v: Var = { name: `xm${i + 1}`, dims: [target] };
      const scope: Scope = [{ dim: target, token: target.name, isElement: false }];
      const from = g.pick(over);
      const idx = from.dims.map((d) => (d === source ? source.name : d === target ? target.name : g.pick(d.elements)));
      lines.push(`xm${i + 1}[${target.name}] = (${from.name}[${idx.join(',')}] ${g.pick(['+', '-', '*'])} ${expr(scope, g.int(0, 2), [...known])}) ~~|`);
      known.push(v);
    });
  }
  for (const s of stocks) {
    const flow: Var = { name: `f${s.name}`, dims: s.dims };
    const pool = [...known];
    define(flow, (scope) => `MIN(MAX(${expr(scope, g.int(1, 3), pool)}, -20), 20)`);
    known.push(flow);
    const tokens = s.dims.map((d) => d.name);
    const init = constants.length && g.chance(0.3) ? g.pick(constants) : `${g.num(0, 50)}`;
    lines.push(`${lhs(s, tokens)} = INTEG(${lhs(flow, tokens)}, ${init}) ~~|`);
  }
  if (conveyorProfile) lines.push('conveyor profile((0,1),(1,1)) ~~|');
  // Drawn last, so that the lines above stay those of the same seed without the market; and only
  // in models SDEverywhere is not sent anyway, so that the SDE suite's subset models stay the ones
  // it already checks (SDEverywhere 0.7.28 does not handle the market functions either).
  if (sdeLacks && g.chance(0.5)) lines.push(...marketLines(g, known.filter((v) => v.dims.length === 0).map((v) => v.name)));
  // Vector, stateful and lookup functions from their own random stream (differential-functions.ts).
  lines.push(...functionLines({ seed, dims, known, lookups, dt, final, sdeSubset: !!options.sdeSubset }));
  lines.push(`INITIAL TIME = 0 ~~|`, `FINAL TIME = ${final} ~~|`, `TIME STEP = ${dt} ~~|`, `SAVEPER = ${saveper} ~~|`);
  return { seed, text: lines.join('\n') + '\n' };
}

function lhs(v: Var, tokens: string[]): string {
  return tokens.length ? `${v.name}[${tokens.join(',')}]` : v.name;
}

/**
 * A market cleared by FIND MARKET PRICE, read back with DEMAND AT PRICE and SUPPLY AT PRICE
 * (Vensim documentation/24340.html): quantities that follow a scalar of the model, curves of
 * types 1 to 4 (a supplier sometimes a small fixed quantity, ptype 0). Demand curves centre in
 * [5, 9] and supply curves in [1, 5], and the fixed supply stays below the least demand, so that
 * one price clears the market (no gap where the engine would stop for want of a documented price).
 */
function marketLines(g: Gen, scalars: string[]): string[] {
  const nd = g.int(2, 3);
  const ns = g.int(1, 3);
  const follow = (): string => (scalars.length && g.chance(0.7) ? `ABS(${g.pick(scalars)}) / 10` : `Time / ${g.int(2, 9)}`);
  const lines = [
    `MDem: ${Array.from({ length: nd }, (_, i) => `md${i + 1}`).join(', ')} ~~|`,
    `MSup: ${Array.from({ length: ns }, (_, i) => `ms${i + 1}`).join(', ')} ~~|`,
    'MProf: mtype, mprio, mwidth, mextra ~~|',
  ];
  const curve = (lo: number, hi: number): string => `${g.int(1, 4)}, ${g.num(lo, hi)}, ${g.num(0.5, 3)}, 0`;
  for (let i = 1; i <= nd; i++) lines.push(`mdq[md${i}] = ${g.num(5, 20)} + ${follow()} ~~|`, `mdp[md${i}, MProf] = ${curve(5, 9)} ~~|`);
  for (let i = 1; i <= ns; i++) {
    if (i === ns && ns > 1 && g.chance(0.3)) {
      lines.push(`msq[ms${i}] = ${g.num(0.5, 2)} ~~|`, `msp[ms${i}, MProf] = 0, 0, 0, 0 ~~|`);
      continue;
    }
    lines.push(`msq[ms${i}] = ${g.num(5, 20)} + ${follow()} ~~|`, `msp[ms${i}, MProf] = ${curve(1, 5)} ~~|`);
  }
  lines.push(
    'mprice = FIND MARKET PRICE(mdq[md1], mdp[md1, mtype], msq[ms1], msp[ms1, mtype]) ~~|',
    'mdemand[MDem] = DEMAND AT PRICE(mdq[MDem], mdp[MDem, mtype], mprice) ~~|',
    'msupply[MSup] = SUPPLY AT PRICE(msq[MSup], msp[MSup, mtype], mprice) ~~|',
  );
  return lines;
}
