/**
 * What `igem check --reality` prints for each Constraint (Vensim Help 21015: which Constraints were
 * checked, and when each was first violated), in both languages, and the exit status it ends with:
 * 1 when a Constraint fails, 2 when none fails but one could not be run (a form not supported) or
 * had no saved time inside its RC … CHECK window (nothing verified: not a pass).
 */
import { formatLocation, type BilingualText, type Diagnostic } from '../sd/ir/diagnostics.js';
import type { ConstraintOutcome } from '../sd/run/reality-check.js';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_SIMULATION } from './exit.js';

export interface RealityReport {
  lines: BilingualText[];
  refusals: Diagnostic[];
  summary: BilingualText;
  exitCode: number;
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10))));

export function realityReport(outcomes: readonly ConstraintOutcome[]): RealityReport {
  const lines: BilingualText[] = [];
  const refusals: Diagnostic[] = [];
  let failed = 0;
  let refused = 0;
  let untested = 0;
  for (const o of outcomes) {
    const where = formatLocation(o.loc);
    if (o.status === 'refused') {
      refused++;
      refusals.push(o.refusal!);
      continue;
    }
    const forced = o.forced.map((f) => `${f.variable} (${f.by})`).join(', ');
    if (o.status === 'untested') {
      untested++;
      lines.push({ en: `not tested: ${o.display} (${where}): no saved time falls inside its RC … CHECK window (from start + grace to start + duration), so nothing was verified; forced ${forced}`, es: `sin probar: ${o.display} (${where}): ningún tiempo guardado cae en la ventana de su RC … CHECK (de inicio + gracia a inicio + duración), así que nada se verificó; forzado ${forced}` });
      continue;
    }
    if (o.status === 'pass') {
      lines.push({ en: `passed: ${o.display} (${where}): holds at all ${o.checked} saved times tested; forced ${forced}`, es: `aprobada: ${o.display} (${where}): se cumple en los ${o.checked} tiempos guardados probados; forzado ${forced}` });
      continue;
    }
    failed++;
    const f = o.firstFailure!;
    const values = f.values.map((v) => `${v.name} = ${num(v.value)}`).join(', ');
    lines.push({
      en: `failed: ${o.display} (${where}): violated first at time ${num(f.time)} (${values}); false at ${o.failures} of ${o.checked} saved times tested; forced ${forced}`,
      es: `fallida: ${o.display} (${where}): violada por primera vez en el tiempo ${num(f.time)} (${values}); falsa en ${o.failures} de ${o.checked} tiempos guardados probados; forzado ${forced}`,
    });
  }
  const passed = outcomes.length - failed - refused - untested;
  const summary =
    outcomes.length === 0
      ? { en: 'reality check: the model has no Constraints', es: 'prueba de realidad: el modelo no tiene restricciones (Constraints)' }
      : { en: `reality check: ${passed} passed, ${failed} failed, ${untested} not tested, ${refused} not run`, es: `prueba de realidad: ${passed} aprobadas, ${failed} fallidas, ${untested} sin probar, ${refused} sin correr` };
  return { lines, refusals, summary, exitCode: failed ? EXIT_SIMULATION : refused || untested ? EXIT_BAD_INPUT : EXIT_OK };
}
