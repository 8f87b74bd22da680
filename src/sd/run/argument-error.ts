/**
 * An argument outside what Vensim's reference defines (or what this engine computes), found while
 * the model runs (vector and allocation functions, RANDOM PINK NOISE, RANDOM LOOKUP); the runtime
 * adds the node and the time, and the compiled model names the variable (compiled-model.ts).
 * `text` holds the message in English and Spanish.
 */
import type { BilingualText } from '../ir/diagnostics.js';

export class VectorArgumentError extends Error {
  node = -1;
  /** The conveyor belt (its index among the belts) whose step found it, when not a node. */
  belt = -1;
  time = NaN;
  readonly text: BilingualText;
  constructor(text: BilingualText) {
    super(text.en);
    this.text = text;
  }
}
