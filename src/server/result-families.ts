/**
 * Which result families a built-in model has beside its file, besides its own SD runs: green jobs
 * from an IO table (`io/web-labels.json`) and prices and welfare from a CGE model (`cge/web.json`
 * with `cge/model.json`). The model list says so, the web shows only those tabs, and the results
 * routes answer 404 NO_RESULTS for the others. Uploaded models have no folder, hence neither.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultFamilies } from './api-types.js';

export const IO_WEB_FILE = join('io', 'web-labels.json');
export const CGE_WEB_FILE = join('cge', 'web.json');
export const CGE_MODEL_FILE = join('cge', 'model.json');

export const NO_RESULT_FAMILIES: ResultFamilies = { io: false, cge: false };

/** Presence only: the files' contents are checked when a result is asked for. */
export function resultFamiliesIn(folder: string | undefined): ResultFamilies {
  if (!folder) return NO_RESULT_FAMILIES;
  return {
    io: existsSync(join(folder, IO_WEB_FILE)),
    cge: existsSync(join(folder, CGE_WEB_FILE)) && existsSync(join(folder, CGE_MODEL_FILE)),
  };
}
