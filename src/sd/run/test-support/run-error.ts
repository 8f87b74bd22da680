/** The SimulationError a Vensim model's run stops with (the test fails if it builds and runs to the end). */
import { SimulationError } from '../../ir/diagnostics.js';
import { compileVensim } from '../engine.js';

export function runError(src: string, file: string): SimulationError {
  try {
    compileVensim(src, { file }).model.run();
  } catch (e) {
    if (e instanceof SimulationError) return e;
    throw e;
  }
  throw new Error('the run did not stop');
}
