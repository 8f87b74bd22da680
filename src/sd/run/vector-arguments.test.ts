/**
 * Option codes and indices of the VECTOR and ALLOCATE functions outside what Vensim's reference
 * defines stop with a located message (when the model is built if the code is constant, when the
 * run reaches it otherwise) instead of turning into some default; documented error actions
 * (VECTOR SELECT's) raise the error they name.
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { VENSIM_NA } from '../ir/na.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const compile = (eqs: string) => compileVensim(`${eqs}\n${CONTROL}`, { file: 'v.mdl' });
const run = (eqs: string) => compile(eqs).model.run();

function buildError(eqs: string): ModelError {
  try {
    compile(eqs);
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('the model compiled');
}

const D = 'd: d1, d2, d3 ~~|\nval[d] = 10, 20, 30 ~~|\n';

describe('VECTOR SELECT (documentation/fn_vector_select.html)', () => {
  it('error action 0 gives the missing value when nothing is selected, and the sum otherwise', () => {
    const r = run(`${D}none[d] = 0 ~~|\ntwo[d] = 1, 1, 0 ~~|\na = VECTOR SELECT(none[d!], val[d!], 99, 0, 0) ~~|\nb = VECTOR SELECT(two[d!], val[d!], 99, 0, 0) ~~|`);
    expect([r.get('a')![0], r.get('b')![0]]).toEqual([99, 30]);
  });

  it('error actions 1 and 3 stop the run when nothing is selected', () => {
    for (const action of [1, 3]) {
      expect(() => run(`${D}none[d] = 0 ~~|\na = VECTOR SELECT(none[d!], val[d!], 99, 0, ${action}) ~~|`)).toThrow(
        new RegExp(`v\\.mdl:4:1: a at time 0: VECTOR SELECT selects nothing .* error action ${action}`),
      );
    }
  });

  it('error actions 2 and 3 stop the run when more than one element is selected', () => {
    for (const action of [2, 3]) {
      expect(() => run(`${D}two[d] = 1, 1, 0 ~~|\nb = VECTOR SELECT(two[d!], val[d!], 99, 0, ${action}) ~~|`)).toThrow(/b at time 0: VECTOR SELECT selects 2 elements/);
    }
    const r = run(`${D}one[d] = 0, 1, 0 ~~|\nc = VECTOR SELECT(one[d!], val[d!], 99, 0, 3) ~~|`);
    expect(r.get('c')![0]).toBe(20);
  });

  it('a constant numerical or error action outside the documented codes stops the build at the argument', () => {
    const op = buildError(`${D}a = VECTOR SELECT(val[d!], val[d!], 0, 11, 0) ~~|`).diagnostics[0]!;
    expect([op.code, op.loc?.line, op.loc?.column]).toEqual(['E_ARGUMENT', 3, 40]);
    expect(op.message).toMatch(/^a: the numerical action of VECTOR SELECT must be a whole number from 0 to 10 \(it is 11\)/);
    const err = buildError(`${D}a = VECTOR SELECT(val[d!], val[d!], 0, 0, 4) ~~|`).diagnostics[0]!;
    expect(err.message).toMatch(/error action of VECTOR SELECT must be a whole number from 0 to 3 \(it is 4\)/);
  });

  it('a numerical action that changes during the run stops the run when it leaves the codes', () => {
    expect(() => run(`${D}a = VECTOR SELECT(val[d!], val[d!], 0, IF THEN ELSE(Time >= 3, 12, 0), 0) ~~|`)).toThrow(SimulationError);
    expect(() => run(`${D}a = VECTOR SELECT(val[d!], val[d!], 0, IF THEN ELSE(Time >= 3, 12, 0), 0) ~~|`)).toThrow(/a at time 3: the numerical action of VECTOR SELECT .* \(it is 12\)/);
  });
});

describe('VECTOR LOOKUP mode (documentation/fn_vector_lookup.html)', () => {
  it('a constant mode outside 0-9 is refused at the argument; 8 is refused as not supported', () => {
    const bad = buildError(`${D}l = VECTOR LOOKUP(val[d1], 1.5, 1, 3, 12) ~~|`).diagnostics[0]!;
    expect([bad.code, bad.message]).toEqual(['E_ARGUMENT', 'l: the mode of VECTOR LOOKUP must be a whole number from 0 to 9 (it is 12)']);
    expect(buildError(`${D}l = VECTOR LOOKUP(val[d1], 1.5, 1, 3, 8) ~~|`).diagnostics[0]!.code).toBe('E_UNSUPPORTED');
    expect(buildError(`${D}l = VECTOR LOOKUP(val[d1], 1.5, 1, 3, 0.5) ~~|`).diagnostics[0]!.message).toMatch(/\(it is 0\.5\)/);
  });

  it('a mode that changes during the run stops the run at the time it leaves the modes (Time × 3: 0, 3, 6, 9, then 12)', () => {
    expect(() => run(`${D}l = VECTOR LOOKUP(val[d1], 1.5, 1, 3, Time * 3) ~~|`)).toThrow(/v\.mdl:3:1: l at time 4: the mode of VECTOR LOOKUP must be a whole number from 0 to 9 \(it is 12\)/);
  });
});

describe('VECTOR ELM MAP outside its variable (documentation/fn_vector_elm_map.html)', () => {
  it('a constant offset outside gives :NA: and a located warning, as Vensim gives :NA: with a message', () => {
    const { model, warnings } = compile(`${D}o = VECTOR ELM MAP(val[d3], 1) ~~|`);
    // Vensim's :NA: is the number −2^109 (vensim.com/documentation/na.html; ir/na.ts), not NaN.
    expect(model.run().get('o')![0]).toBe(VENSIM_NA);
    const w = warnings.filter((x) => x.code === 'W_VECTOR_ELM_MAP');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/^o: VECTOR ELM MAP maps outside val: offset 1 from element 3 is not among its 3 elements/);
    expect(w[0]!.loc).toEqual({ file: 'v.mdl', line: 3, column: 29 });
  });

  it('an offset that changes during the run maps inside while it can (Time: 10, 20, 30), then stops the run where it leaves', () => {
    let err: unknown;
    try {
      run(`${D}o = VECTOR ELM MAP(val[d1], Time) ~~|`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimulationError);
    expect((err as Error).message).toMatch(/^v\.mdl:3:1: o at time 3: VECTOR ELM MAP maps outside its variable: offset 3 from element 1 is not among its 3 elements/);
    const r = run(`${D}o = VECTOR ELM MAP(val[d1], MIN(Time, 2)) ~~|`);
    expect(Array.from(r.get('o')!)).toEqual([10, 20, 30, 30, 30]);
  });

  it('a varying offset that is not a whole number stops the run saying so', () => {
    expect(() => run(`${D}o = VECTOR ELM MAP(val[d1], Time / 2) ~~|`)).toThrow(/^v\.mdl:3:1: o at time 1: the offset of VECTOR ELM MAP is 0\.5, not a whole number/);
  });

  it('a varying offset in the branch IF THEN ELSE does not take is not computed, so it does not stop the run', () => {
    const r = run(`${D}o = IF THEN ELSE(Time < 3, VECTOR ELM MAP(val[d1], Time), -1) ~~|`);
    expect(Array.from(r.get('o')!)).toEqual([10, 20, 30, -1, -1]);
  });
});

describe('VECTOR REORDER with an order that is not a position of the vector', () => {
  it('stops the run naming the variable', () => {
    expect(() => run(`${D}ord[d] = 2, 0, 3 ~~|\nre[d] = VECTOR REORDER(val[d], ord[d]) ~~|`)).toThrow(/re\[d3\] at time 0: the order vector of VECTOR REORDER holds 3 at element 3, which is not a position of the vector \(0 to 2\)/);
  });

  it('reorders when every entry is a position', () => {
    const r = run(`${D}ord[d] = 2, 0, 1 ~~|\nre[d] = VECTOR REORDER(val[d], ord[d]) ~~|`);
    expect(['d1', 'd2', 'd3'].map((e) => r.get(`re[${e}]`)![0])).toEqual([30, 10, 20]);
  });
});

describe('ALLOCATE BY PRIORITY size and width (documentation/fn_allocate_by_priority.html)', () => {
  const alloc = (size: string, width: string) => `${D}pr[d] = 1, 2, 3 ~~|\nal[d] = ALLOCATE BY PRIORITY(val[d], pr[d], ${size}, ${width}, 25) ~~|`;
  it('a size other than the number of requesters is refused at the size', () => {
    const e = buildError(alloc('2', '1')).diagnostics[0]!;
    expect([e.code, e.loc?.column]).toEqual(['E_ARGUMENT', 45]);
    expect(e.message).toMatch(/^al: the size of ALLOCATE BY PRIORITY is 2, but its request and priority vectors have 3 elements/);
    // One diagnostic for the equation, not one per element of al.
    expect(buildError(alloc('2', '1')).diagnostics).toHaveLength(1);
  });

  it('a width that is not positive is refused at the width', () => {
    const e = buildError(alloc('ELMCOUNT(d)', '0')).diagnostics[0]!;
    expect(e.message).toMatch(/width of ALLOCATE BY PRIORITY must be positive \(it is 0\)/);
  });

  it('a width that turns negative during the run stops the run', () => {
    expect(() => run(alloc('3', '1 - Time'))).toThrow(/al\[d1\] at time 1: the width of ALLOCATE BY PRIORITY must be positive \(it is 0\)/);
  });
});

describe('INVERT MATRIX (documentation/fn_invert_matrix.html)', () => {
  const M = 'sub: s1, s2 ~~|\nssub <-> sub ~~|\n';
  it('inverts the page\'s example', () => {
    const r = run(`${M}a[s1, sub] = 1, 2 ~~|\na[s2, sub] = 3, 4 ~~|\ninv[sub, ssub] = INVERT MATRIX(a[sub, ssub], 2) ~~|`);
    const got = ['s1,s1', 's1,s2', 's2,s1', 's2,s2'].map((k) => r.get(`inv[${k}]`)![0]!);
    [-2, 1, 1.5, -0.5].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
  });

  it('a size other than the matrix\'s is refused at the size', () => {
    const e = buildError(`${M}a[s1, sub] = 1, 2 ~~|\na[s2, sub] = 3, 4 ~~|\ninv[sub, ssub] = INVERT MATRIX(a[sub, ssub], 3) ~~|`).diagnostics[0]!;
    expect([e.code, e.message]).toEqual(['E_ARGUMENT', 'inv[s1,s1]: the size of INVERT MATRIX is 3, but the matrix is 2×2 (documentation/fn_invert_matrix.html)']);
  });

  it('a singular matrix stops the run instead of giving NaN without a word', () => {
    expect(() => run(`${M}a[s1, sub] = 1, 2 ~~|\na[s2, sub] = 2, 4 ~~|\ninv[sub, ssub] = INVERT MATRIX(a[sub, ssub], 2) ~~|`)).toThrow(/inv\[s1,s1\] at time 0: INVERT MATRIX is given a singular matrix/);
  });
});
