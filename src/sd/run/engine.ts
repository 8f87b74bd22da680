/**
 * The browser-safe entry to the engine: text → IR → scalar model → ordering → program.
 * File access (models and their data) is the host's job; see src/sd/node/load.ts for Node.
 */
import type { DataHost } from '../data/types.js';
import type { Diagnostic } from '../ir/diagnostics.js';
import type { ModelIR } from '../ir/model.js';
import { expandModel, type ExpandOptions } from '../analyze/expand.js';
import { orderModel } from '../analyze/order.js';
import { generate } from '../compile/codegen.js';
import { readVensim } from '../vensim/reader.js';
import { looksLikeXmile, readXmile } from '../xmile/reader.js';
import { CompiledModel, type CompiledModelOptions } from './compiled-model.js';
import { saveperWarning } from './saveper-check.js';

export interface CompileOptions extends CompiledModelOptions {
  dataHost?: DataHost;
  externalData?: ExpandOptions['externalData'];
}

export interface CompiledResult {
  model: CompiledModel;
  ir: ModelIR;
  warnings: Diagnostic[];
}

/** Compiles a model's IR; throws ModelError with located diagnostics on bad input. */
export function compileIR(ir: ModelIR, options: CompileOptions = {}): CompiledResult {
  const { model: scalar, warnings } = expandModel(ir, { dataHost: options.dataHost, externalData: options.externalData, limits: options.limits });
  const { ordering, exprRefs } = orderModel(scalar);
  const generated = generate(scalar, ordering, undefined, { exprRefs });
  const method = options.method ?? ir.method ?? methodFromSettings(ir.settings);
  const model = new CompiledModel(scalar, ordering, generated, { ...options, method });
  const saveper = saveperWarning(model.time.saveper, model.time.dt, scalar.nodes[scalar.control.saveper]?.loc, ir.dialect ?? 'vensim');
  return { model, ir, warnings: [...(ir.warnings ?? []), ...warnings, ...(saveper ? [saveper] : [])] };
}

/** Reads and compiles Vensim text. */
export function compileVensim(text: string, options: CompileOptions & { file?: string } = {}): CompiledResult {
  return compileIR(readVensim(text, options.file, options.limits), options);
}

/** Reads and compiles XMILE text (`.xmile`, `.stmx`, `.itmx`). */
export function compileXmile(text: string, options: CompileOptions & { file?: string } = {}): CompiledResult {
  return compileIR(readXmile(text, options.file, options.limits), options);
}

/** Compiles model text of either format: XML is XMILE, anything else Vensim. */
export function compileModelText(text: string, options: CompileOptions & { file?: string } = {}): CompiledResult {
  return looksLikeXmile(text) ? compileXmile(text, options) : compileVensim(text, options);
}

/**
 * Vensim stores the integration method in the settings section as `15:0,0,0,M,…`
 * (M: 0 Euler, 1 RK4 auto, 2 RK2 auto, 3 RK4 fixed, 4 RK2 fixed, 5 Difference).
 */
export function methodFromSettings(settings: string): 'euler' | 'rk4' | 'rk2' {
  const m = /^15:[^,\n]*,[^,\n]*,[^,\n]*,(\d+)/m.exec(settings);
  const code = m ? Number(m[1]) : 0;
  if (code === 1 || code === 3) return 'rk4';
  if (code === 2 || code === 4) return 'rk2';
  return 'euler';
}
