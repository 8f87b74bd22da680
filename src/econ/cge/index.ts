/** CGE model: calibration from a SAM, static and recursive-dynamic solves, scenarios (MODEL.md). */
export * from './calibrate.js';
export * from './closure.js';
export * from './elasticities.js';
export * from './equations.js';
export * from './flows.js';
export * from './model-dir.js';
export * from './policy.js';
export * from './recursive.js';
export * from './results.js';
export * from './scenario.js';
export * from './solve.js';
export * from './synthetic-sam.js';
export * from './run-model.js';
