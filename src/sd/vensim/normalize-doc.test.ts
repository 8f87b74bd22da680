import { describe, expect, it } from 'vitest';
import { normalizeDoc } from './reader.js';

/** The rule normalizeDoc implements, as two regular expressions (what the reader did before its fast path). */
const reference = (doc: string): string => doc.replace(/\\\s*\n/g, ' ').replace(/\s+/g, ' ').trim();

describe('normalizeDoc', () => {
  it('folds continuations and white-space runs as the regular expressions do', () => {
    const cases = ['', ' ', 'a b', ' a b ', 'a  b', 'a\tb', 'a\\\n b', 'a \\  \r\n b', 'x\u00a0y', 'x \u3000y', 'Fuente: IEA (2019)', 'a\u2028b', 'back\\slash'];
    for (const c of cases) expect(normalizeDoc(c)).toBe(reference(c));
  });

  it('agrees with them on random text of letters, spaces, backslashes and line breaks', () => {
    const alphabet = ['a', 'b', ' ', ' ', '\\', '\\', '\n', '\r', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u200b', '\u2028', '\ufeff', 'é', '~'];
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      let s = '';
      const len = rand(16);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      expect(normalizeDoc(s)).toBe(reference(s));
    }
  });
});
