/** The public API of the IGEM package. */
export { loadModel, loadModelWithDiagnostics, type LoadOptions } from './sd/node/load.js';
export { compileVensim, compileXmile, compileModelText, compileIR, type CompileOptions } from './sd/run/engine.js';
export { readVensim } from './sd/vensim/reader.js';
export type { Model, RunOptions, RunResult, ParameterInfo, LookupOverride, IntegrationMethod } from './sd/run/types.js';
export { ModelError, SimulationError, InputError, formatDiagnostic, type Diagnostic } from './sd/ir/diagnostics.js';
export * as cge from './econ/cge/index.js';
export * as integrated from './econ/link/index.js';
