/** Green jobs measurement from labour-force survey microdata (see README section "Green jobs measurement"). */
export * from './types.js';
export * from './descriptor.js';
export * from './read-survey.js';
export * from './rules.js';
export * from './classify.js';
export * from './design.js';
export * from './estimate.js';
export * from './report.js';
export * from './links.js';
export * from './synthetic.js';
export * from './synthetic-targets.js';
