/** SAM tools: read/write the square labelled layout, check balance, balance by RAS or cross-entropy. */
export type { Sam, SamAccount, SamAccountType } from './types.js';
export * from './descriptor.js';
export * from './read.js';
export * from './write.js';
export * from './check.js';
export * from './ras.js';
export * from './cross-entropy.js';
export * from './fix.js';
export * from './moves.js';
export * from './balance.js';
