/**
 * Scenario settings against the model's own constants: a setting naming a lever the model lacks, or
 * a value outside the range the model states for it (`[min,max]` in the units), is a 400 that names
 * the lever. The model's constants come from one compile per model version (cached by source key).
 */
import { messageFields } from '../sd/ir/diagnostics.js';
import { canonicalColumn } from '../sd/ir/names.js';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import { compileModelText } from '../sd/run/engine.js';
import type { ParameterInfo } from '../sd/run/types.js';
import type { AppContext } from './context.js';
import { ApiError } from './errors.js';
import type { ModelSource } from './model-catalog.js';

const cache = new Map<string, Map<string, ParameterInfo>>();

function parametersOf(source: ModelSource): Map<string, ParameterInfo> {
  let m = cache.get(source.key);
  if (!m) {
    const model = 'path' in source ? loadModelWithDiagnostics(source.path).model : compileModelText(source.text, { file: source.file }).model;
    m = new Map(model.parameters.map((p) => [canonicalColumn(p.name), p]));
    // A handful of models at most are edited at once; older versions are dropped.
    if (cache.size > 16) cache.clear();
    cache.set(source.key, m);
  }
  return m;
}

/** The model's constants with their default values (name as the model writes it → value). */
export function parameterDefaults(ctx: AppContext, modelId: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parametersOf(ctx.catalog.source(modelId)).values()) out[p.name] = p.value;
  return out;
}

/** Throws a 400 (`UNKNOWN_LEVER` or `LEVER_OUT_OF_RANGE`) for the first bad setting, naming each in details. */
export function checkScenarioLevers(ctx: AppContext, modelId: string, params: Readonly<Record<string, number>>): void {
  const known = parametersOf(ctx.catalog.source(modelId));
  const details: { field: string; code: string; message: string; messageEs: string }[] = [];
  for (const [name, value] of Object.entries(params)) {
    const p = known.get(canonicalColumn(name));
    if (!p) {
      details.push({ field: `params.${name}`, code: 'UNKNOWN_LEVER', ...messageFields({ en: `the model has no constant named "${name}"`, es: `el modelo no tiene una constante llamada "${name}"` }) });
      continue;
    }
    const lo = Math.min(p.range?.min ?? -Infinity, p.value);
    const hi = Math.max(p.range?.max ?? Infinity, p.value);
    if (value < lo || value > hi) {
      details.push({
        field: `params.${name}`,
        code: 'LEVER_OUT_OF_RANGE',
        ...messageFields({ en: `${value} is outside the range the model states for "${name}" (${lo} to ${hi})`, es: `${value} está fuera del rango que el modelo indica para "${name}" (${lo} a ${hi})` }),
      });
    }
  }
  const first = details[0];
  if (first) throw new ApiError(400, first.code, { en: `${first.field}: ${first.message}`, es: `${first.field}: ${first.messageEs}` }, details);
}
