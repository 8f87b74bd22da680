/** The ModelError a Vensim model stops with when it is built (the test fails if it builds). */
import { ModelError } from '../../ir/diagnostics.js';
import { compileVensim } from '../engine.js';

export function buildError(src: string, file: string): ModelError {
  try {
    compileVensim(src, { file });
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('the model compiled');
}
