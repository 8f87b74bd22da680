/**
 * An argument outside what Vensim's reference defines (or what this engine computes), found while
 * the model runs (vector and allocation functions, RANDOM PINK NOISE, RANDOM LOOKUP); the runtime
 * adds the node and the time, and the compiled model names the variable (compiled-model.ts).
 * `text` holds the message in English and Spanish.
 */
import type { BilingualText } from '../ir/diagnostics.js';

/**
 * The element of a vector argument a message is about (a demander, a supplier, a requester). The
 * run time knows only its position; the compiled model names it by its subscript element, from
 * the names the vector's lowering recorded (`names` of a `vec` node, scalar-model.ts).
 */
export interface VectorElement {
  /** Which of the function's element lists: FIND MARKET PRICE 0 demanders, 1 suppliers; others 0. */
  list: number;
  /** Position in that list, from 0. */
  index: number;
  /** The message about the element called `who`. */
  text: (who: string) => BilingualText;
}

export class VectorArgumentError extends Error {
  node = -1;
  /** The conveyor belt (its index among the belts) whose step found it, when not a node. */
  belt = -1;
  time = NaN;
  /** The function that found the problem, set by the runtime (its `vec` node has this `fn`). */
  fn = '';
  readonly text: BilingualText;
  readonly element?: VectorElement;
  /** `text` names the element by its position (from 1) until a name is found for it. */
  constructor(text: BilingualText | VectorElement) {
    const t = 'en' in text ? text : text.text(String(text.index + 1));
    super(t.en);
    this.text = t;
    if (!('en' in text)) this.element = text;
  }
}
