/**
 * Vensim's `a(RANK(a, 1))`: an arrayed variable called like a lookup. Vensim's help says "Vensim
 * does not allow the use of numeric subscripts" and writes a computed position with VECTOR ELM MAP
 * ("VECTOR ELM MAP(var[stage1], stage-1)" is var[stage]; vensim.com/documentation/22095.html);
 * a name followed by parentheses calls a lookup. So the call form is refused, saying why, and the
 * form the message suggests picks the element at a computed position.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from '../run/engine.js';
import { ModelError } from '../ir/diagnostics.js';

const model = (eq: string) => `
dim: A1, A2, A3 ~~|
a[dim] = 3, 1, 2 ~~|
position = 2 ~~|
${eq}
INITIAL TIME = 0 ~~|
FINAL TIME = 1 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|`;

describe('an array called like a lookup (Vensim)', () => {
  it('is refused, in English and Spanish, because Vensim has no numeric subscripts and name(…) calls a lookup', () => {
    for (const eq of ['t = a(RANK(a, 1)) ~~|', 't = a(position) ~~|']) {
      let error: unknown;
      try {
        compileVensim(model(eq));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ModelError);
      const d = (error as ModelError).diagnostics[0]!;
      expect(d.code).toBe('E_LOOKUP');
      expect(d.message).toMatch(/^a is an array, not a lookup, and is called here like one, a\(…\): in Vensim a name followed by parentheses calls a lookup, and Vensim does not allow numeric subscripts/);
      expect(d.messageEs).toMatch(/^a es un arreglo, no una tabla \(lookup\), y aquí se llama como una, a\(…\): en Vensim un nombre seguido de paréntesis llama a una tabla/);
      expect(d.loc?.line).toBe(5);
    }
  });

  it('the form the message suggests, VECTOR ELM MAP(a[first element], position - 1), is the element at that position', () => {
    const { model: m } = compileVensim(model('t = VECTOR ELM MAP(a[A1], position - 1) ~~|'));
    expect(m.run().get('t')![0]).toBe(1);
    expect(m.run({ params: { position: 3 } }).get('t')![0]).toBe(2);
  });
});
