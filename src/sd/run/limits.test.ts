/**
 * Resource limits: each cost a model's text decides is refused with a located diagnostic before
 * it is paid (the cases of issue 14: 100,000 parentheses, a 200,000-term power chain, a recursive
 * macro, a range of 1e8 elements, FINAL TIME 1e9), and models at the limits still compile and run.
 */
import { describe, expect, it } from 'vitest';
import { InputError, ModelError } from '../ir/diagnostics.js';
import { DEFAULT_LIMITS } from '../ir/limits.js';
import { xmileDoc } from '../xmile/test-support.js';
import { compileModelText, compileVensim, compileXmile } from './engine.js';

const mdl = (eqs: string, control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|') => `${eqs}\n${control}\n`;

function modelError(f: () => unknown): ModelError {
  try {
    f();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw new Error(`expected a ModelError, got ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`);
  }
  throw new Error('expected a ModelError, but it compiled');
}

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`);
  }
  throw new Error('expected an InputError, but it ran');
}

describe('expression depth (Vensim)', () => {
  it('100,000 nested parentheses: a located error, not a stack overflow', () => {
    const n = 100_000;
    const e = modelError(() => compileVensim(mdl(`x = ${'('.repeat(n)}1${')'.repeat(n)} ~~|`), { file: 'deep.mdl' }));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
    expect(e.diagnostics[0]!.loc).toMatchObject({ file: 'deep.mdl', line: 1 });
    expect(e.message).toContain('limit of 256 levels (parentheses, function calls, signs or powers)');
  });

  it('a 200,000-term power chain a^a^…', () => {
    const e = modelError(() => compileVensim(mdl(`a = 1 ~~|\nx = ${Array(200_000).fill('a').join('^')} ~~|`)));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
    expect(e.diagnostics[0]!.loc?.line).toBe(2);
  });

  it('a 200,000-term sum (a loop in the parser, a deep tree after it)', () => {
    const e = modelError(() => compileVensim(mdl(`a = 1 ~~|\nx = ${Array(200_000).fill('a').join('+')} ~~|`)));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
  });

  it('100,000 nested function calls and unary signs', () => {
    const calls = modelError(() => compileVensim(mdl(`x = ${'ABS('.repeat(100_000)}1${')'.repeat(100_000)} ~~|`)));
    expect(calls.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
    const signs = modelError(() => compileVensim(mdl(`x = ${'-'.repeat(100_000)}1 ~~|`)));
    expect(signs.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
  });

  it('models just under the limits compile and run through every pass', () => {
    const nest = DEFAULT_LIMITS.maxNesting - 2;
    const terms = DEFAULT_LIMITS.maxExprDepth - 2;
    const parens = `x = ${'('.repeat(nest)}1${')'.repeat(nest)} ~~|`;
    const sum = `y = ${Array(terms).fill('a').join('+')} ~~|`;
    const power = `z = ${Array(nest).fill('b').join('^')} ~~|`;
    const calls = `w = ${'ABS('.repeat(nest)}-1${')'.repeat(nest)} ~~|`;
    // A long sum whose terms nest too: the tree is as deep as both together.
    const mixed = `v = ${Array(terms - nest).fill('a').join('+')} + ${'('.repeat(nest - 2)}a${')'.repeat(nest - 2)} ~~|`;
    const { model } = compileVensim(mdl(`a = 1 ~~|\nb = 1 ~~|\n${parens}\n${sum}\n${power}\n${calls}\n${mixed}`));
    const r = model.run();
    expect(r.get('x')![0]).toBe(1);
    expect(r.get('y')![0]).toBe(terms);
    expect(r.get('z')![0]).toBe(1);
    expect(r.get('w')![0]).toBe(1);
    expect(r.get('v')![0]).toBe(terms - nest + 1);
  });

  it('is configurable', () => {
    const text = mdl(`x = ${'('.repeat(20)}1${')'.repeat(20)} ~~|`);
    expect(() => compileVensim(text)).not.toThrow();
    expect(modelError(() => compileVensim(text, { limits: { maxNesting: 10 } })).message).toContain('limit of 10 levels');
    const sum = mdl(`a = 1 ~~|\nx = ${Array(50).fill('a').join('+')} ~~|`);
    expect(() => compileVensim(sum)).not.toThrow();
    expect(modelError(() => compileVensim(sum, { limits: { maxExprDepth: 20 } })).message).toContain('limit of 20 levels (each operator of a chain');
  });

  it('an equation longer than the limit is refused before it is parsed', () => {
    const e = modelError(() => compileVensim(mdl(`x = ${Array(1000).fill('1').join('+')} ~~|`), { limits: { maxEquationLength: 500 } }));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_LENGTH');
    expect(e.message).toMatch(/2,00\d characters long; the limit is 500/);
  });
});

describe('expression depth (XMILE)', () => {
  const aux = (eq: string) => `<aux name="a"><eqn>1</eqn></aux><aux name="x"><eqn>${eq}</eqn></aux>`;
  it('100,000 nested parentheses and a 200,000-term power chain', () => {
    const parens = modelError(() => compileXmile(xmileDoc(aux(`${'('.repeat(100_000)}1${')'.repeat(100_000)}`)), { file: 'deep.xmile' }));
    expect(parens.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
    expect(parens.diagnostics[0]!.loc?.file).toBe('deep.xmile');
    const power = modelError(() => compileXmile(xmileDoc(aux(Array(200_000).fill('a').join('^')))));
    expect(power.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
    const sum = modelError(() => compileXmile(xmileDoc(aux(Array(200_000).fill('a').join('+')))));
    expect(sum.diagnostics[0]!.code).toBe('E_LIMIT_DEPTH');
  });
});

describe('macros', () => {
  it('a macro that calls itself is an error naming it', () => {
    const text = mdl(`:MACRO: LOOPY(a)\nLOOPY = LOOPY(a) + 1 ~~|\n:END OF MACRO:\nx = LOOPY(1) ~~|`);
    const e = modelError(() => compileVensim(text));
    expect(e.diagnostics[0]!.code).toBe('E_MACRO_RECURSIVE');
    expect(e.message).toContain('macro loopy calls itself (loopy → loopy)');
    expect(e.diagnostics[0]!.loc?.line).toBe(2);
  });

  it('a macro call nested in the arguments of the same macro is not recursion', () => {
    // Found by the differential tests: HALFGAP(HALFGAP(a, b), c) was reported as recursive.
    const text = mdl(`:MACRO: HALFGAP(input, target)\nHALFGAP = (target - input) / 2 ~~|\n:END OF MACRO:\nx = HALFGAP(HALFGAP(1, 5), 10) ~~|`);
    const r = compileVensim(text).model.run({ columns: ['x'] });
    expect(r.get('x')![0]).toBe((10 - (5 - 1) / 2) / 2);
  });

  it('macros that call each other in a ring name the ring', () => {
    const text = mdl(`:MACRO: PING(a)\nPING = PONG(a) ~~|\n:END OF MACRO:\n:MACRO: PONG(a)\nPONG = PING(a) ~~|\n:END OF MACRO:\nx = PING(1) ~~|`);
    expect(modelError(() => compileVensim(text)).message).toContain('ping → pong → ping');
  });

  it('a macro that calls itself names the ring', () => {
    const text = mdl(`:MACRO: PING(a)\nPING = PING(a) ~~|\n:END OF MACRO:\nx = PING(1) ~~|`);
    expect(modelError(() => compileVensim(text)).message).toContain('ping → ping');
  });

  it('a macro nesting that doubles at each level stops at the scalar limit', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `:MACRO: M${i + 1}(a)\nM${i + 1} = M${i}(a) + M${i}(a) ~~|\n:END OF MACRO:`).join('\n');
    const text = mdl(`:MACRO: M0(a)\nM0 = a ~~|\n:END OF MACRO:\n${levels}\nx = M30(1) ~~|`);
    const e = modelError(() => compileVensim(text, { limits: { maxScalars: 100_000 } }));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_SCALARS');
  });
});

describe('sizes', () => {
  it('a numeric range of 1e8 elements is refused before it is built', () => {
    const e = modelError(() => compileVensim(mdl(`Big: (b1-b100000000) ~~|\nx[Big] = 1 ~~|`), { file: 'big.mdl' }));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_RANGE');
    expect(e.message).toContain('100,000,000 elements; the limit is 100,000');
    expect(e.diagnostics[0]!.loc).toMatchObject({ file: 'big.mdl', line: 1 });
  });

  it('a range made of sub-ranges counts their elements', () => {
    const e = modelError(() => compileVensim(mdl(`Sub: (s1-s600) ~~|\nAll: Sub, Sub ~~|\nx[All] = 1 ~~|`), { limits: { maxRangeSize: 1000 } }));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_RANGE');
  });

  it('an XMILE dimension of size 1e8', () => {
    const doc = xmileDoc('<aux name="x"><dimensions><dim name="D"/></dimensions><eqn>1</eqn></aux>', { dimensions: '<dim name="D" size="100000000"/>' });
    expect(modelError(() => compileXmile(doc)).diagnostics[0]!.code).toBe('E_LIMIT_RANGE');
  });

  it('the scalar count of an array is checked before its elements are made', () => {
    const text = mdl(`A: (a1-a1000) ~~|\nB: (b1-b1000) ~~|\nC: (c1-c1000) ~~|\nx[A,B,C] = 1 ~~|`);
    const e = modelError(() => compileVensim(text));
    expect(e.diagnostics[0]!.code).toBe('E_LIMIT_SCALARS');
    expect(e.message).toContain('1,000,000,000 scalar variables');
    expect(e.diagnostics[0]!.loc?.line).toBe(4);
  });
});

describe('runs', () => {
  const stock = 's = INTEG(1, 0) ~~|';
  it('FINAL TIME 1e9 says what it would need before allocating', () => {
    const { model } = compileVensim(mdl(stock, 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1e9 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|'));
    const e = inputError(() => model.run());
    expect(e.where).toBe('FINAL TIME');
    expect(e.message).toContain('1,000,000,000 steps; the limit is 100,000,000');
  });

  it('saved points over the limit name the need in MB and the limit', () => {
    const { model } = compileVensim(mdl(stock, 'INITIAL TIME = 0 ~~|\nFINAL TIME = 3e7 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|'));
    const e = inputError(() => model.run());
    expect(e.message).toMatch(/needs ~[\d,]+ MB \(150,000,005 points: 30,000,001 saved times × 5 columns\); the limit is 20,000,000 points/);
    // Saving less often fits.
    expect(model.run({ saveper: 1e6, end: 1e5 }).time.length).toBe(1);
  });

  it('run options are validated and named', () => {
    const { model } = compileVensim(mdl(stock));
    expect(inputError(() => model.run({ start: 5, end: 1 })).where).toBe('end');
    expect(inputError(() => model.run({ start: 1e308 })).where).toBe('FINAL TIME');
    expect(inputError(() => model.run({ start: 1e308, end: 1e308 })).where).toBe('TIME STEP');
    expect(inputError(() => model.run({ start: 1e308, end: 1e308, dt: 1 })).where).toBe('dt');
    expect(inputError(() => model.run({ start: -1e308, end: 1e308 })).where).toBe('TIME STEP');
    expect(inputError(() => model.run({ end: Infinity })).where).toBe('end');
    expect(inputError(() => model.run({ dt: 0 })).where).toBe('dt');
    expect(inputError(() => model.run({ saveper: -1 })).where).toBe('saveper');
    expect(inputError(() => model.run({ start: NaN })).where).toBe('start');
    expect(model.run({ start: 2, end: 4 }).time).toEqual(Float64Array.from([2, 3, 4]));
  });

  it('a span that is not a whole number of steps still runs (the last step passes the end)', () => {
    const { model } = compileModelText(mdl(stock));
    expect(model.run({ end: 2.5 }).time).toEqual(Float64Array.from([0, 1, 2, 3]));
  });
});
