/** Resolving user-written names against a model's outputs and constants, with clear errors. */
import { InputError } from '../sd/ir/diagnostics.js';
import type { Model, ParameterInfo } from '../sd/run/types.js';
import { NameTable } from './names.js';

export class ModelNames {
  private readonly outputs: NameTable<string>;
  private readonly params: NameTable<ParameterInfo>;
  constructor(readonly model: Model) {
    this.outputs = new NameTable(model.outputNames.map((n) => [n, n] as const));
    this.params = new NameTable(model.parameters.map((p) => [p.name, p] as const));
  }

  /** The output column for `name` in the model's spelling, or an InputError at `where`. */
  output(name: string, where: string): string {
    const found = this.outputs.get(name);
    if (found !== undefined) return found;
    throw new InputError(where, { en: `unknown variable "${name}": the model has no output of that name`, es: `variable desconocida "${name}": el modelo no tiene una salida con ese nombre` });
  }

  /** The constant `name`, or an InputError that says whether it is unknown or computed. */
  constant(name: string, where: string): ParameterInfo {
    const found = this.params.get(name);
    if (found) return found;
    if (this.outputs.has(name)) {
      throw new InputError(where, {
        en: `"${name}" is not a constant (its value is computed by an equation); only constants can be varied`,
        es: `"${name}" no es una constante (su valor lo calcula una ecuación); solo se pueden variar constantes`,
      });
    }
    throw new InputError(where, { en: `unknown variable "${name}": the model has no constant of that name`, es: `variable desconocida "${name}": el modelo no tiene una constante con ese nombre` });
  }
}
