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
/** The settings' names in the file's own language: Vensim's control variables, or XMILE's sim_specs. */
const NAMES = {
  vensim: { saveper: 'SAVEPER', dt: 'TIME STEP', why: { en: ' (ref_time_step.html: TIME STEP should be equal to or smaller than SAVEPER)', es: ' (ref_time_step.html: TIME STEP debería ser igual o menor que SAVEPER)' } },
  xmile: { saveper: 'save_interval', dt: 'DT', why: undefined },
} as const;

export function saveperWarning(saveper: number, dt: number, loc?: SourceLocation, dialect: 'vensim' | 'xmile' = 'vensim'): Diagnostic | undefined {
  const { saveper: S, dt: D, why } = NAMES[dialect];
  if (!(saveper > 0) || !(dt > 0) || !Number.isFinite(saveper) || !Number.isFinite(dt)) return undefined;
  const ratio = saveper / dt;
  if (Math.abs(ratio - Math.round(ratio)) <= 1e-6 * Math.max(1, ratio)) return undefined;
  const every = saveEverySteps(saveper, dt);
  const kept = every * dt;
  if (ratio < 1) {
    return warningAt('W_SAVEPER', {
      en: `${S} (${saveper}) is smaller than ${D} (${dt})${why?.en ?? ''}; results are saved every ${D}`,
      es: `${S} (${saveper}) es menor que ${D} (${dt})${why?.es ?? ''}; los resultados se guardan en cada ${D}`,
    }, loc);
  }
  return warningAt('W_SAVEPER', {
    en: `${S} (${saveper}) is not a multiple of ${D} (${dt}); results are saved at the first step at or after each previous save + ${S}, that is every ${every} steps (every ${kept} units of time)`,
    es: `${S} (${saveper}) no es múltiplo de ${D} (${dt}); los resultados se guardan en el primer paso en o después de cada guardado anterior + ${S}, es decir cada ${every} pasos (cada ${kept} unidades de tiempo)`,
  }, loc);
}
