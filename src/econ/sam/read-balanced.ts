/**
 * Reading a SAM that must be balanced (what a CGE calibrates from): an unbalanced SAM is an
 * InputError naming the file and listing every account whose row and column totals differ.
 */
import { assertSamBalanced, checkSamBalance } from './check.js';
import { loadSamFile, type LoadedSam, type SamTolerance } from './read.js';

export function readBalancedSam(path: string, descriptorPath?: string, tolerance?: Partial<SamTolerance>): LoadedSam {
  const loaded = loadSamFile(path, descriptorPath, tolerance);
  assertSamBalanced(checkSamBalance(loaded.sam, loaded.tolerance));
  return loaded;
}
