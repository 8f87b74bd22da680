/**
 * XMILE 1.0 has no Reality Check (Vensim's Test Inputs and Constraints): the XMILE writer leaves
 * them out, and these are the warnings, one per entry at its place, that say so.
 */
import { warningAt, type Diagnostic } from '../ir/diagnostics.js';
import type { ModelIR } from '../ir/model.js';

export function realityChecksLeftOut(ir: ModelIR): Diagnostic[] {
  return (ir.realityChecks ?? []).map((rc) =>
    warningAt(
      'W_XMILE_REALITY_CHECK',
      {
        en: `reality check ${rc.display} is left out: XMILE has no Test Inputs or Constraints`,
        es: `la prueba de realidad (reality check) ${rc.display} se omite: XMILE no tiene entradas de prueba (Test Inputs) ni restricciones (Constraints)`,
      },
      rc.loc,
    ),
  );
}
