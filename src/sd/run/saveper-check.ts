/**
 * SAVEPER against TIME STEP. Vensim's pages say only that "TIME STEP should be equal to or smaller
 * than SAVEPER" (vensim.com/documentation/ref_time_step.html) and that SAVEPER is "the frequency
 * with which simulation results are saved" (timeboundsdates.html); what happens when SAVEPER is not
 * a multiple of TIME STEP is not written anywhere found, so the engine says what it does instead.
 */
import { warningAt, type Diagnostic, type SourceLocation } from '../ir/diagnostics.js';

/**
 * How many steps apart the engine saves for a constant SAVEPER and TIME STEP: it saves at INITIAL
 * TIME, then at the first computed time at or after the last saved time + SAVEPER (compiled-model
 * run loop, with its tolerance of a millionth of a step), so every ⌈SAVEPER / TIME STEP⌉ steps, at least 1.
 */
export function saveEverySteps(saveper: number, dt: number): number {
  return Math.max(1, Math.ceil(saveper / dt - 1e-6));
}

/** The warning for a SAVEPER that is not a whole multiple of TIME STEP (undefined when it is, or when either is not a positive number). */
export function saveperWarning(saveper: number, dt: number, loc?: SourceLocation): Diagnostic | undefined {
  if (!(saveper > 0) || !(dt > 0) || !Number.isFinite(saveper) || !Number.isFinite(dt)) return undefined;
  const ratio = saveper / dt;
  if (Math.abs(ratio - Math.round(ratio)) <= 1e-6 * Math.max(1, ratio)) return undefined;
  const every = saveEverySteps(saveper, dt);
  const kept = every * dt;
  if (ratio < 1) {
    return warningAt('W_SAVEPER', {
      en: `SAVEPER (${saveper}) is smaller than TIME STEP (${dt}) (ref_time_step.html: TIME STEP should be equal to or smaller than SAVEPER); results are saved every TIME STEP`,
      es: `SAVEPER (${saveper}) es menor que TIME STEP (${dt}) (ref_time_step.html: TIME STEP debería ser igual o menor que SAVEPER); los resultados se guardan en cada TIME STEP`,
    }, loc);
  }
  return warningAt('W_SAVEPER', {
    en: `SAVEPER (${saveper}) is not a multiple of TIME STEP (${dt}); results are saved at the first step at or after each previous save + SAVEPER, that is every ${every} steps (every ${kept} units of time)`,
    es: `SAVEPER (${saveper}) no es múltiplo de TIME STEP (${dt}); los resultados se guardan en el primer paso en o después de cada guardado anterior + SAVEPER, es decir cada ${every} pasos (cada ${kept} unidades de tiempo)`,
  }, loc);
}
