/**
 * STEP, RAMP, PULSE and PULSE TRAIN as pure functions of the time at the start of the TIME STEP
 * and TIME STEP itself. The run (runtime-lib.ts) and the loop-score evaluators both call these,
 * so an equation re-evaluated for a link score gives bit for bit what the run computed.
 */

/** Vensim's reference: IF THEN ELSE(time plus > start, height, 0), time plus = Time + TIME STEP/2. */
export function step(time: number, dt: number, height: number, start: number): number {
  return time + dt / 2 > start ? height : 0;
}

export function ramp(time: number, dt: number, slope: number, start: number, end: number): number {
  if (time + dt * 1e-3 < start) return 0;
  return slope * ((time > end ? end : time) - start);
}

/** Vensim's reference: 1 while start < time plus < start + width (width 0 means TIME STEP). */
export function pulse(time: number, dt: number, start: number, width: number): number {
  const w = width > 0 ? width : dt;
  const plus = time + dt / 2;
  return plus > start && plus < start + w ? 1 : 0;
}

export function pulseTrain(time: number, dt: number, start: number, width: number, interval: number, end: number): number {
  const eps = dt * 1e-3;
  if (time + eps < start || time - eps > end) return 0;
  const w = width > 0 ? width : dt;
  if (interval <= 0) return time + eps < start + w ? 1 : 0;
  const since = (time + eps - start) % interval;
  return since < w ? 1 : 0;
}

/** The functions above by their Vensim names. */
export const TIME_FUNCTIONS = new Set(['STEP', 'RAMP', 'PULSE', 'PULSE TRAIN']);

/**
 * One of the functions above from `arg(i)` (the i-th argument's value), at step-start time `time`; undefined for any other function.
 */
export function timeFunction(fn: string, arg: (i: number) => number, time: number, dt: number): number | undefined {
  switch (fn) {
    case 'STEP': return step(time, dt, arg(0), arg(1));
    case 'RAMP': return ramp(time, dt, arg(0), arg(1), arg(2));
    case 'PULSE': return pulse(time, dt, arg(0), arg(1));
    case 'PULSE TRAIN': return pulseTrain(time, dt, arg(0), arg(1), arg(2), arg(3));
  }
  return undefined;
}
