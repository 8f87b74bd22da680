import { describe, expect, it } from 'vitest';
import { loopOf, plainStatement, type LoopMember } from './loop-rewrites.js';

const noChain = () => undefined;
/** Members whose holes read no slot the loop writes (only the lookup rewrite reads them). */
const members = (m: number): LoopMember[] => Array.from({ length: m }, () => ({ kinds: '', values: [] }));

/** Runs generated loop code on slots 0..29 set to their own index, v[1] = 3; returns slots 20..23. */
function run(code: string): number[] {
  const v = new Float64Array(30).map((_, k) => k);
  v[1] = 3;
  new Function('v', code)(v);
  return Array.from(v.slice(20, 24));
}

describe('loop rewrites take apart only one plain statement', () => {
  // Two statements per element, the second reading v[21], which it writes itself for element 1.
  // Element by element: v[20] = 21 + 1 = 22, v[21] = 22, v[22] = v[21] + 1 = 23, v[23] = 23.
  // Read as one assignment, `(v[21] + 1)` was computed once before the loop (the second
  // statement's writes unseen) and gave 22 to every element.
  const twoStatements = 'v[10 + i] = (v[1] * 2); v[20 + i] = (v[21] + 1);';

  it('loops over a two-statement body as it is, even when marked plain', () => {
    for (const plain of [false, true]) {
      const code = loopOf(twoStatements, plain, members(4), 4, noChain);
      expect(code).toBe(`for (let i = 0; i < 4; i++) { ${twoStatements} }`);
      expect(run(code)).toEqual([22, 22, 23, 23]);
    }
  });

  it('still hoists from one plain statement, with the values of the plain loop', () => {
    const body = 'v[20 + i] = ((v[1] * 2) + v[24 + i]);';
    const code = loopOf(body, true, members(4), 4, noChain);
    expect(code).toBe('{ const h0 = (v[1] * 2); for (let i = 0; i < 4; i++) { v[20 + i] = (h0 + v[24 + i]); } }');
    expect(run(code)).toEqual([30, 31, 32, 33]);
    expect(run(`for (let i = 0; i < 4; i++) { ${body} }`)).toEqual([30, 31, 32, 33]);
  });

  it('leaves an unmarked body alone even when it reads as one assignment', () => {
    expect(loopOf('v[20 + i] = (v[1] * 2);', false, members(4), 4, noChain)).toBe('for (let i = 0; i < 4; i++) { v[20 + i] = (v[1] * 2); }');
  });

  it('parses the plain statements code generation builds and nothing else', () => {
    expect(plainStatement('v[3 + i] = (v[1] === 2 ? 1 : 0);')).toEqual({ target: 'v[3 + i]', writeFrom: 3, op: '=', rhs: '(v[1] === 2 ? 1 : 0)' });
    expect(plainStatement('v[3 + i] += dt * d[(7 + i)];')).toEqual({ target: 'v[3 + i]', writeFrom: 3, op: '+=', rhs: 'dt * d[(7 + i)]' });
    expect(plainStatement('d[(7 + i)] = (v[1] <= v[2] ? 1 : 0);')).toEqual({ target: 'd[(7 + i)]', writeFrom: -1, op: '=', rhs: '(v[1] <= v[2] ? 1 : 0)' });
    for (const text of [
      twoStatements,
      'v[3 + i] = (v[1] * 2); if ((v[2] !== 0)) v[3 + i] = 1;',
      'if ((v[2] !== 0)) v[3 + i] = 1; else v[3 + i] = 2;',
      'v[3 + i] = (x = v[1], x * 2);',
      'v[3 + i] = (v[1] * 2;',
      'v[3 + i] = { v[1] };',
      'v[3 + i] = v[1]',
      'v[3 + i] = ;',
    ]) expect(plainStatement(text)).toBeUndefined();
  });
});
