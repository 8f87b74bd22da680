/**
 * Internal stocks of the reference interpreter's further stateful functions, each written from the
 * equations its Vensim reference page gives (Euler, one TIME STEP `dt`). `arg(i)` is the i-th
 * argument evaluated now; `init` runs once at the initial time, `output` at every time, and `next`
 * gives the stocks one step later from the values now.
 */
export interface LevelRule {
  init(arg: (i: number) => number, dt: number): number[];
  output(L: readonly number[], arg: (i: number) => number, dt: number): number;
  next(L: readonly number[], arg: (i: number) => number, dt: number): number[];
}

/** Vensim fn_zidz: A/B, or 0 when |B| < 1E-6 ("same as XIDZ(A,B,0)"; fn_xidz tests ABS(B) < 1E-6). */
export const zidz = (a: number, b: number): number => (Math.abs(b) < 1e-6 ? 0 : a / b);

/** The order argument of DELAY N and SMOOTH N, with the condition their pages set for it to make sense. */
function order(arg: (i: number) => number, dt: number, fn: string): number {
  const n = arg(3);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`reference: ${fn} order ${n}`);
  // fn_delay_n / fn_smooth_n: 'delay time must be bigger than order * TIME STEP'; otherwise Vensim
  // reduces the order by a rule the pages do not give.
  if (!(arg(1) > n * dt)) throw new Error(`reference: ${fn} with delay time ${arg(1)} not above order × TIME STEP`);
  return n;
}

export const LEVEL_RULES: Record<string, LevelRule> = {
  // fn_delay_n: an n-th order material delay starting at initial value; with a constant delay time
  // (the only case taken here) it is n stages of length delay time / n, as DELAY3I is 3 of them.
  'DELAY N': {
    init: (arg, dt) => new Array<number>(order(arg, dt, 'DELAY N')).fill(arg(2) * (arg(1) / arg(3))),
    output: (L, arg) => L[L.length - 1]! / (arg(1) / L.length),
    next: (L, arg, dt) => {
      const d = arg(1) / L.length;
      return L.map((l, k) => l + dt * ((k === 0 ? arg(0) : L[k - 1]! / d) - l / d));
    },
  },
  // fn_smooth_n: an n-th order smooth, each of n first-order smooths averaging over delay time / n.
  'SMOOTH N': {
    init: (arg, dt) => new Array<number>(order(arg, dt, 'SMOOTH N')).fill(arg(2)),
    output: (L) => L[L.length - 1]!,
    next: (L, arg, dt) => {
      const d = arg(1) / L.length;
      return L.map((l, k) => l + (dt * ((k === 0 ? arg(0) : L[k - 1]!) - l)) / d);
    },
  },
  // fn_trend: TREND = ZIDZ(input - avval, average time * ABS(avval)),
  // avval = INTEG((input - avval) / average time, input / (1 + initial trend * average time)).
  TREND: {
    init: (arg) => [arg(0) / (1 + arg(2) * arg(1))],
    output: (L, arg) => zidz(arg(0) - L[0]!, arg(1) * Math.abs(L[0]!)),
    next: (L, arg, dt) => [L[0]! + (dt * (arg(0) - L[0]!)) / arg(1)],
  },
  // fn_forecast: FORECAST = input * (1 + TRD * horizon), TRD = ZIDZ(input - AV, average time * AV),
  // AV = INTEG((input - AV) / average time, input).
  FORECAST: {
    init: (arg) => [arg(0)],
    output: (L, arg) => arg(0) * (1 + zidz(arg(0) - L[0]!, arg(1) * L[0]!) * arg(2)),
    next: (L, arg, dt) => [L[0]! + (dt * (arg(0) - L[0]!)) / arg(1)],
  },
  // fn_npv: NPV = (NPV ACCUM + stream * TIME STEP * df) * factor, NPV ACCUM = INTEG(stream * df, init val),
  // df = INTEG(-df * discount rate / (1 + discount rate * TIME STEP), 1).
  NPV: {
    init: (arg) => [arg(2), 1],
    output: (L, arg, dt) => (L[0]! + arg(0) * dt * L[1]!) * arg(3),
    next: (L, arg, dt) => [L[0]! + dt * arg(0) * L[1]!, L[1]! + (dt * -L[1]! * arg(1)) / (1 + arg(1) * dt)],
  },
  // fn_sample_if_true: the input when the condition is true, otherwise the value held, which is the
  // initial value until the condition is first true.
  'SAMPLE IF TRUE': {
    init: (arg) => [arg(2)],
    output: (L, arg) => (arg(0) !== 0 ? arg(1) : L[0]!),
    next: (L, arg) => [arg(0) !== 0 ? arg(1) : L[0]!],
  },
};
