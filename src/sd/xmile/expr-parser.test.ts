import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { showExpr } from '../ir/test-support/show-expr.js';
import { parseEquation, type DimensionInfo, type GfRef, type ParseEnv } from './expr-parser.js';
import type { InternalMacro } from './internal-macros.js';
import { SourceText } from './source-text.js';

const DIMS = new Map<string, DimensionInfo>([
  ['region', { display: 'Region', elements: ['north', 'south', 'east'] }],
  ['product', { display: 'Product', elements: ['a', 'b'] }],
]);

interface Setup {
  lhsDims?: string[];
  gfs?: [string, GfRef][];
  macros?: string[];
}

function parse(text: string, s: Setup = {}): { expr: Expr; used: Set<InternalMacro> } {
  const used = new Set<InternalMacro>();
  const env: ParseEnv = {
    dims: DIMS,
    varDims: new Map([
      ['sales', ['region', 'product']],
      ['pop', ['region']],
    ]),
    macros: new Set(s.macros ?? []),
    gfs: new Map(s.gfs ?? []),
    useInternal: (m) => used.add(m),
  };
  const src = new SourceText(text, 'm.xmile');
  const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
  const expr = parseEquation({ text, offsets }, src, env, { lhsDims: s.lhsDims ?? [], self: { name: 'me', display: 'me' } });
  return { expr, used };
}

const p = (text: string, s?: Setup) => showExpr(parse(text, s).expr);

function errorOf(text: string): { code: string; line: number; column: number; message: string; messageEs?: string } {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    return { code: d.code, line: d.loc!.line, column: d.loc!.column, message: d.message, messageEs: d.messageEs };
  }
  throw new Error(`no error for ${text}`);
}

describe('XMILE operators (XMILE 1.0 §3.3.1)', () => {
  it('binds ^ tighter than unary minus and groups it right to left', () => {
    expect(p('-2^2')).toBe('(-(2 ^ 2))');
    expect(p('a^b^c')).toBe('(a ^ (b ^ c))');
    expect(p('2^-x')).toBe('(2 ^ (-x))');
    expect(p('30^ - 30^-cons')).toBe('(30 ^ (-(30 ^ (-cons))))');
  });

  it('orders * / MOD over + -, relational over equality, AND over OR', () => {
    expect(p('a + b * c - d / e')).toBe('((a + (b * c)) - (d / e))');
    expect(p('4 - 5 + 6')).toBe('((4 - 5) + 6)');
    expect(p('a < b = c > d')).toBe('((a < b) = (c > d))');
    expect(p('a OR b AND c')).toBe('(a or (b and c))');
    expect(p('a and not b or c')).toBe('((a and (not b)) or c)');
    expect(p('x <> 5')).toBe('(x <> 5)');
  });

  it('reads MOD as the floored modulus macro', () => {
    const { expr, used } = parse('StockA mod 3 + 1');
    expect(showExpr(expr)).toBe('(#mod(stocka, 3) + 1)');
    expect([...used]).toEqual(['#mod']);
  });

  it('takes the rest of the expression as the ELSE part of IF … THEN … ELSE', () => {
    expect(p('IF Time > 10 THEN Time ELSE -Time')).toBe('IF THEN ELSE((time > 10), time, (-time))');
    expect(p('( IF x = 4 THEN 1 ELSE 0 ) * 2')).toBe('(IF THEN ELSE((x = 4), 1, 0) * 2)');
    expect(p('IF a THEN IF b THEN 1 ELSE 2 ELSE 3')).toBe('IF THEN ELSE(a, IF THEN ELSE(b, 1, 2), 3)');
    expect(p('IF_THEN_ELSE(a, 1, 2)')).toBe('IF THEN ELSE(a, 1, 2)');
  });

  it('reads numbers with and without leading digits and exponents', () => {
    expect(p('.5 + 14. + 6E5 + 8.123e-10')).toBe('(((0.5 + 14) + 600000) + 8.123e-10)');
  });

  it('skips { comments } and reads ≤ ≥ ≠', () => {
    expect(p('a*b { product } + c {then c}')).toBe('((a * b) + c)');
    expect(p('a ≤ b')).toBe('(a <= b)');
  });
});

describe('XMILE names', () => {
  it('treats _ and spaces alike, ignores case, and unquotes with escapes', () => {
    expect(p('Birth_Rate * "death rate"')).toBe('(birth rate * death rate)');
    expect(p('"Aux_with_$peC!@|_characters"')).toBe('aux with $pec!@| characters');
    expect(p('"revenue\\ngap" + "say \\"hi\\""')).toBe('(revenue gap + say "hi")');
  });

  it('joins words separated by spaces into one name (xmutil writes macro calls so)', () => {
    expect(p('EXPRESSION MACRO(x, 2)')).toBe('expression macro(x, 2)');
  });

  it('maps TIME, DT, STARTTIME, STOPTIME, PI and INF, with or without parentheses', () => {
    expect(p('TIME + DT + STARTTIME + STOPTIME')).toBe('(((time + time step) + initial time) + final time)');
    expect(p('PI() + PI')).toBe(`(${Math.PI} + ${Math.PI})`);
    expect(p('INF')).toBe('Infinity');
    expect(p('std.ABS(x)')).toBe('ABS(x)');
  });

  it('reads SELF as the variable being defined', () => {
    expect(p('PREVIOUS(SELF, 0)')).toBe('DELAY(me, time step, 0)');
  });

  it('gives a dimension-qualified element its position', () => {
    expect(p('Region.south * 10')).toBe('(2 * 10)');
  });
});

describe('XMILE built-in functions (§3.5)', () => {
  it('maps smooths and delays, with and without initial values', () => {
    expect(p('SMTH1(x, 5)')).toBe('SMOOTH(x, 5)');
    expect(p('SMTH1(x, 5, 2)')).toBe('SMOOTHI(x, 5, 2)');
    expect(p('SMTH3(x, 5, 2)')).toBe('SMOOTH3I(x, 5, 2)');
    expect(p('SMTHN(x, 5, 4, 1)')).toBe('SMOOTH N(x, 5, 1, 4)');
    expect(p('SMTHN(x, 5, 4)')).toBe('#smthn(x, 5, 4)');
    expect(p('DELAY1(x, 3)')).toBe('DELAY1(x, 3)');
    expect(p('DELAY3(x, 3, 0)')).toBe('DELAY3I(x, 3, 0)');
    expect(p('DELAYN(x, 3, 5, 1)')).toBe('DELAY N(x, 3, 1, 5)');
    expect(p('DELAY(x, 3)')).toBe('DELAY(x, 3)');
    expect(p('TREND(x, 3)')).toBe('TREND(x, 3, 0)');
    expect(p('FORCST(x, 3, 10)')).toBe('#forcst(x, 3, 10, 0)');
  });

  it('maps test inputs to XMILE meaning', () => {
    expect(p('PULSE(20, 12, 5)')).toBe('#pulse(20, 12, 5)');
    expect(p('PULSE(20, 12)')).toBe('#pulse(20, 12, 0)');
    expect(p('RAMP(2, 5)')).toBe('RAMP(2, 5, final time)');
    expect(p('STEP(6, 3)')).toBe('STEP(6, 3)');
  });

  it('maps mathematical and statistical functions', () => {
    expect(p('LOG10(x) + LN(x) + INT(x)')).toBe('((LOG(x, 10) + LN(x)) + #int(x))');
    expect(p('SAFEDIV(a, b, 4)')).toBe('SAFEDIV(a, b, 4)');
    expect(p('MIN(a, b) + MAX(a, 0)')).toBe('(MIN(a, b) + MAX(a, 0))');
    expect(p('RANDOM(1, 7)')).toBe('RANDOM UNIFORM(1, 7)');
    // The seed is kept as Vensim's stream ID: a stream of its own (run/random.ts).
    expect(p('NORMAL(10, 2, 99)')).toBe('RANDOM NORMAL(-Infinity, Infinity, 10, 2, 99)');
    expect(p('RANDOM(1, 7, 5)')).toBe('RANDOM UNIFORM(1, 7, 5)');
  });

  it('calls graphical functions by their type, directly or through LOOKUP', () => {
    const gfs: [string, GfRef][] = [
      ['effect', { lookup: 'effect', display: 'effect', type: 'continuous' }],
      ['ext', { lookup: 'ext#gf', display: 'ext#gf', type: 'extrapolate' }],
      ['steps', { lookup: 'steps', display: 'steps', type: 'discrete' }],
    ];
    expect(p('effect(x) + LOOKUP(effect, 2)', { gfs })).toBe('(effect(x) + effect(2))');
    expect(p('ext(x)', { gfs })).toBe('LOOKUP EXTRAPOLATE(ext#gf, x)');
    expect(p('steps(x)', { gfs })).toBe('LOOKUP BACKWARD(steps, x)');
  });

  it('lets a macro of the file take a built-in name', () => {
    expect(p('SMTH1(x, 5)', { macros: ['smth1'] })).toBe('smth1(x, 5)');
  });

  it('reads a constant list (xmutil writes Vensim lists so)', () => {
    expect(p('0.1,0.2;\n 0.4,0.5;\n')).toBe('[[0.1,0.2],[0.4,0.5]]');
    expect(p('1, 2, 3')).toBe('[[1,2,3]]');
  });
});

describe('XMILE arrays (§3.7.1)', () => {
  it('iterates * and dimensions the equation is not defined over', () => {
    expect(p('SUM(sales[*, *])')).toBe('SUM(sales[region!,product!])');
    expect(p('SUM(sales[Region, *])', { lhsDims: ['region'] })).toBe('SUM(sales[region,product!])');
    expect(p('SUM(pop)')).toBe('SUM(pop[region!])');
    // A bare name in an array builtin is the whole array, also in an equation over its dimension
    // (XMILE 1.0 §3.7.1.3; reasons in expr-parser.ts, wholeArray); naming the dimension binds it.
    expect(p('SUM(pop)', { lhsDims: ['region'] })).toBe('SUM(pop[region!])');
    expect(p('SUM(sales)', { lhsDims: ['region'] })).toBe('SUM(sales[region!,product!])');
    expect(p('SUM(pop[Region])', { lhsDims: ['region'] })).toBe('SUM(pop[region])');
    expect(p('pop / SUM(pop)', { lhsDims: ['region'] })).toBe('(pop / SUM(pop[region!]))');
  });

  it('computes MEAN and SIZE from the iterated elements', () => {
    expect(p('MEAN(sales[*, *])')).toBe('(SUM(sales[region!,product!]) / 6)');
    expect(p('SIZE(pop[*])')).toBe('3');
    expect(p('MEAN(a, pop, 4)')).toBe('(((a + SUM(pop[region!])) + 4) / 5)');
    expect(p('STDDEV(pop)')).toBe('SQRT((SUM(((pop[region!] - (SUM(pop[region!]) / 3)) ^ 2)) / 3))');
  });

  it('takes MIN and MAX over arrays and scalars together', () => {
    expect(p('MIN(pop[Region])')).toBe('VMIN(pop[region!])');
    expect(p('MAX(pop, 0)')).toBe('MAX(VMAX(pop[region!]), 0)');
    expect(p('MAX(pop[Region], 0)', { lhsDims: ['region'] })).toBe('MAX(pop[region], 0)');
    expect(p('MAX(pop[*], 0)', { lhsDims: ['region'] })).toBe('MAX(VMAX(pop[region!]), 0)');
    expect(p('MAX(pop)', { lhsDims: ['region'] })).toBe('VMAX(pop[region!])');
  });

  it('refuses a bare array among several MIN/MAX/MEAN arguments in an equation over its dimension', () => {
    // XMILE 1.0 §3.7.1.3 reads MAX(A, 0) over all of A; isee's help compares element by element.
    for (const text of ['MAX(pop, 0)', 'MIN(1, 2 * pop)', 'MEAN(pop, 4)', 'MAX(0, sales)']) {
      let err: unknown;
      try {
        parse(text, { lhsDims: ['region'] });
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(ModelError);
      const d = (err as ModelError).diagnostics[0]!;
      expect(d.code).toBe('E_UNSUPPORTED');
      expect(d.loc!.column).toBe(text.search(/pop|sales/) + 1);
      expect(d.message).toContain('[*');
      expect(d.messageEs).toContain('para el elemento actual');
    }
    expect(() => parse('MAX(sales, 0)', { lhsDims: ['region'] })).toThrow('sales[Region, *] for the current element');
  });

  it('reads a subscript that is an expression as a computed element (XMILE 1.0 §3.7.1)', () => {
    expect(p('pop[Region + 1]')).toBe('#ELEMENT(pop[north], 0, 0, (region + 1))');
    expect(p('sales[East, k]')).toBe('#ELEMENT(sales[east,a], 0, 1, k)');
  });

  it('keeps a whole index out of range as a computed element of constant value (XMILE 1.0 §3.7.1: it gives 0)', () => {
    expect(p('pop[7]')).toBe('#ELEMENT(pop[north], 0, 0, 7)');
    expect(p('sales[East, 0]')).toBe('#ELEMENT(sales[east,a], 0, 1, 0)');
  });

  it('reads numeric subscripts as positions and names as elements', () => {
    expect(p('pop[2] + sales[East, 1] + pop[Region.north]')).toBe('((pop[south] + sales[east,a]) + pop[north])');
  });
});

describe('XMILE equation errors have a line and column', () => {
  it.each([
    ['(1 + 2', 'E_SYNTAX', 1, 7, "expected ')'"],
    ['a +\n  * b', 'E_SYNTAX', 2, 3, "found '*'"],
    ['a # b', 'E_SYNTAX', 1, 3, "unexpected character '#'"],
    ['IF a THEN b', 'E_SYNTAX', 1, 12, 'ELSE'],
    ['SMTH1(x)', 'E_ARITY', 1, 1, 'SMTH1 takes 2 to 3 arguments but was given 1'],
    ['pop[*]', 'E_UNSUPPORTED', 1, 5, 'wildcard'],
    ['pop[1 +]', 'E_SYNTAX', 1, 8, "found ']'"],
    // A whole index out of range gives 0 with a warning (invalid-literal-index.test.ts); a fraction is refused.
    ['pop[1.5]', 'E_DIMENSION', 1, 5, 'index 1.5 is outside dimension Region'],
    ['  ???  ', 'E_NO_EQUATION', 1, 3, 'xmutil'],
    ['RANK(pop)', 'E_ARITY', 1, 1, 'RANK takes 2 to 3 arguments but was given 1'],
    ['"open', 'E_SYNTAX', 1, 1, 'never closed'],
    ['', 'E_EMPTY', 1, 1, 'empty'],
  ])('%j', (text, code, line, column, mentions) => {
    const e = errorOf(text);
    expect(e.code).toBe(code);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toContain(mentions);
  });

  it.each([
    ['(1 + 2', "se esperaba ')' para cerrar el paréntesis pero se encontró el final de la ecuación"],
    ['a # b', "carácter inesperado '#'"],
    ['IF a THEN b', 'se esperaba ELSE en IF … THEN … ELSE pero se encontró el final de la ecuación'],
    ['"open', 'un nombre entre comillas nunca se cierra'],
    ['pop[*]', 'el comodín * representa toda la dimensión Region aquí, pero esta ecuación no está definida sobre Region: úselo dentro de una función de arreglos como SUM, o defina la ecuación sobre Region'],
    ['pop[1.5]', 'el índice 1.5 está fuera de la dimensión Region (1 a 3)'],
    ['RANK(pop)', 'RANK admite de 2 a 3 argumentos, pero recibió 1'],
    ['SMTH1(x)', 'SMTH1 admite de 2 a 3 argumentos, pero recibió 1'],
  ])('%j in Spanish too', (text, es) => {
    expect(errorOf(text).messageEs).toBe(es);
  });
});
