/**
 * Checks a run's time settings and its memory need before the runner allocates anything.
 *
 * Rules (each failure an InputError naming the field — the run option `start`, `end`, `dt`,
 * `saveper` when the caller set it, else the model's INITIAL TIME, FINAL TIME, TIME STEP,
 * SAVEPER):
 * - all four values are finite numbers;
 * - FINAL TIME ≥ INITIAL TIME (equal runs the initial values only, one saved time);
 * - TIME STEP > 0 and SAVEPER > 0;
 * - the step "divides the span sensibly": the number of steps, ceil((end − start) / dt), is at
 *   most `maxSteps`, and dt is at least 1e-12 × the largest |time| of the run, so that successive
 *   times stay distinct in floating point (start 1e308 with dt 1 would repeat one time forever);
 *   a span that is not a whole number of steps is allowed (the last step passes FINAL TIME, as
 *   Vensim does);
 * - the values the run stores — saved times × saved columns, plus each fixed delay's history
 *   of one value per step — are at most `maxSavedPoints`. A streamed run keeps only a block of
 *   `keptRows` saved times at once (the rest went to its sink), so only those count.
 */
import { InputError } from '../ir/diagnostics.js';
import { formatCount, megabytes, type ModelLimits } from '../ir/limits.js';
import { saveEverySteps } from './saveper-check.js';

export interface RunSpan {
  start: number;
  end: number;
  dt: number;
  saveper: number;
}

/** Which name each value goes by in an error: the run option the caller set, or the model's variable. */
export interface SpanFields {
  start: string;
  end: string;
  dt: string;
  saveper: string;
}

export const MODEL_FIELDS: SpanFields = { start: 'INITIAL TIME', end: 'FINAL TIME', dt: 'TIME STEP', saveper: 'SAVEPER' };

export interface RunPlan {
  steps: number;
  savedTimes: number;
  /** Values the run stores: saved values plus delay histories. */
  points: number;
}

/** Relative resolution below which successive times would no longer differ. */
const TIME_RESOLUTION = 1e-12;

/**
 * Steps and saved times of a run whose settings stay as given: the run loop steps until a time
 * reaches FINAL TIME and saves at INITIAL TIME, then every ⌈SAVEPER / TIME STEP⌉ steps
 * (saveper-check.ts), so the memory check and the save buffer count the rows it will save.
 */
export function runCounts(span: RunSpan): { steps: number; savedTimes: number } {
  const steps = Math.ceil((span.end - span.start) / span.dt - 1e-6);
  return { steps, savedTimes: Math.floor(Math.max(0, steps) / saveEverySteps(span.saveper, span.dt) + 1e-6) + 1 };
}

export function planRun(span: RunSpan, columns: number, delayHistories: number, limits: Pick<ModelLimits, 'maxSteps' | 'maxSavedPoints'>, fields: SpanFields = MODEL_FIELDS, keptRows = Infinity): RunPlan {
  const { start, end, dt, saveper } = span;
  for (const k of ['start', 'end', 'dt', 'saveper'] as const) {
    if (!Number.isFinite(span[k])) throw new InputError(fields[k], { en: `must be a finite number (it is ${span[k]})`, es: `debe ser un número finito (es ${span[k]})` });
  }
  if (end < start) throw new InputError(fields.end, { en: `must not be before ${fields.start} (${end} < ${start})`, es: `no debe ser anterior a ${fields.start} (${end} < ${start})` });
  if (!(dt > 0)) throw new InputError(fields.dt, { en: `must be positive (it is ${dt})`, es: `debe ser positivo (es ${dt})` });
  if (!(saveper > 0)) throw new InputError(fields.saveper, { en: `must be positive (it is ${saveper})`, es: `debe ser positivo (es ${saveper})` });
  const scale = Math.max(Math.abs(start), Math.abs(end));
  if (dt < scale * TIME_RESOLUTION) {
    throw new InputError(fields.dt, { en: `${dt} is too small for times as large as ${scale}: successive times would not differ (the step must be at least ${scale * TIME_RESOLUTION})`, es: `${dt} es demasiado pequeño para tiempos tan grandes como ${scale}: los tiempos sucesivos no se distinguirían (el paso debe ser al menos ${scale * TIME_RESOLUTION})` });
  }
  const { steps, savedTimes } = runCounts(span);
  if (!(steps <= limits.maxSteps)) {
    throw new InputError(fields.end, { en: `the run from ${start} to ${end} by ${dt} needs ${formatCount(steps)} steps; the limit is ${formatCount(limits.maxSteps)}`, es: `la corrida de ${start} a ${end} con paso ${dt} necesita ${formatCount(steps)} pasos; el límite es ${formatCount(limits.maxSteps)}` });
  }
  const kept = Math.min(savedTimes, keptRows);
  const points = kept * columns + delayHistories * (steps + 1);
  if (points > limits.maxSavedPoints) {
    const table = { en: `${formatCount(kept)} saved times × ${formatCount(columns)} columns`, es: `${formatCount(kept)} tiempos guardados × ${formatCount(columns)} columnas` };
    const delays = delayHistories
      ? { en: ` + ${formatCount(delayHistories)} delay histories of ${formatCount(steps + 1)} steps`, es: ` + ${formatCount(delayHistories)} historiales de retardos de ${formatCount(steps + 1)} pasos` }
      : undefined;
    throw new InputError(
      fields.end,
      {
        en: `this run needs ~${megabytes(points)} MB (${formatCount(points)} points: ${table.en}${delays?.en ?? ''}); the limit is ${formatCount(limits.maxSavedPoints)} points (~${megabytes(limits.maxSavedPoints)} MB): shorten the run, raise ${fields.saveper} or keep fewer columns`,
        es: `esta corrida necesita ~${megabytes(points)} MB (${formatCount(points)} puntos: ${table.es}${delays?.es ?? ''}); el límite es ${formatCount(limits.maxSavedPoints)} puntos (~${megabytes(limits.maxSavedPoints)} MB): acorte la corrida, aumente ${fields.saveper} o conserve menos columnas`,
      },
    );
  }
  return { steps, savedTimes, points };
}
