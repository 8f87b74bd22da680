/** The ModelError a call throws (the test fails if it returns or throws anything else). */
import { expect } from 'vitest';
import { ModelError } from '../diagnostics.js';

export function thrownModelError(f: () => unknown): ModelError {
  let caught: unknown;
  try {
    f();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ModelError);
  return caught as ModelError;
}
