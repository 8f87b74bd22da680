/** SAM tools: read/write the square labelled layout, check balance, balance by RAS or cross-entropy. */
export type { Sam, SamAccount, SamAccountType } from './types.js';
export * from './descriptor.js';
export * from './read.js';
export * from './write.js';
export * from './check.js';
