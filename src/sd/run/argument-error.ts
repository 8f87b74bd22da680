/**
 * An argument outside what Vensim's reference defines (or what this engine computes), found while
 * the model runs (vector and allocation functions, RANDOM PINK NOISE, RANDOM LOOKUP); the runtime
 * adds the node and the time, and the compiled model names the variable (compiled-model.ts).
 * `text` holds the message in English and Spanish (a plain string stands for both).
 */
import type { BilingualText } from '../ir/diagnostics.js';

export class VectorArgumentError extends Error {
  node = -1;
  time = NaN;
  readonly text: BilingualText;
  constructor(text: string | BilingualText) {
    const t = typeof text === 'string' ? { en: text, es: text } : text;
    super(t.en);
    this.text = t;
  }
}
