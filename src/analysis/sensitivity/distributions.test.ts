import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import { parseVary, quantile } from './distributions.js';

function message(fn: () => unknown, lang: 'en' | 'es' = 'en'): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return lang === 'es' ? err.messageEs : err.message;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('distributions', () => {
  it('parse every form and give the right quantiles', () => {
    const q = (text: string, u: number) => quantile(parseVary(text).distribution, u);
    expect(q('a=uniform(2,6)', 0.25)).toBeCloseTo(3, 12);
    // Triangular(0,1,4): F(1) = 1/4; below the mode x = √(u·4·1).
    expect(q('a=triangular(0,1,4)', 0.25)).toBeCloseTo(1, 12);
    expect(q('a=triangular(0,1,4)', 0.0625)).toBeCloseTo(0.5, 12);
    expect(q('a=normal(10,2)', 0.975)).toBeCloseTo(10 + 2 * 1.959963985, 6);
    // Truncated to [10, 12], i.e. z in [0, 1]: the median solves Φ(z) = ½ + ½ (Φ(1) - ½)
    // = 0.5 + 0.5 × 0.3413447461 = 0.6706723731, so z = 0.44177 (normal table) and x = 10.88354.
    expect(q('a=normal(10,2,10,12)', 0.5)).toBeCloseTo(10 + 2 * 0.44177, 4);
    // Truncated below at the mean: a half-normal, whose median is 0.6745 sd above the mean.
    expect(q('a=normal(10,2,10,inf)', 0.5)).toBeCloseTo(10 + 2 * 0.6744897502, 6);
    // Far in the upper tail the truncated normal still stays inside its bounds.
    const tail = q('a=normal(0,1,8,9)', 0.5);
    expect(tail).toBeGreaterThan(8);
    expect(tail).toBeLessThan(8.2);
    expect(q('a=lognormal(0,1)', 0.5)).toBeCloseTo(1, 12);
    expect(q('a=discrete(1,2,5)', 0.5)).toBe(2);
    expect(q('a=discrete(1,2,5)', 0.99)).toBe(5);
    expect(parseVary('Pop[ A , B ]=uniform(0,1)').name).toBe('Pop[ A , B ]');
  });

  it('reject bad text with a message naming it', () => {
    expect(message(() => parseVary('g=uniform(5,1)'))).toBe('--vary "g=uniform(5,1)": uniform needs LO < HI, got LO=5 and HI=1');
    expect(message(() => parseVary('g=uniform(1)'))).toBe('--vary "g=uniform(1)": uniform takes (LO,HI), got 1 number(s)');
    expect(message(() => parseVary('g=gauss(1,2)'))).toContain('unknown distribution "gauss"');
    expect(message(() => parseVary('g=uniform(a,2)'))).toBe('--vary "g=uniform(a,2)": "a" is not a number');
    expect(message(() => parseVary('g'))).toContain('expected NAME=DISTRIBUTION');
    expect(message(() => parseVary('g=0:1'))).toContain('expected a distribution');
    expect(message(() => parseVary('g=normal(0,-1)'))).toContain('SD > 0');
    expect(message(() => parseVary('g=triangular(0,5,4)'))).toContain('LO <= MODE <= HI');
  });

  it('say the same in Spanish, with the usage in Spanish', () => {
    const spanish = (fn: () => unknown) => message(fn, 'es');
    expect(spanish(() => parseVary('g=normal(1)', 'spec.json: parameters[0]'))).toBe(
      'spec.json: parameters[0]: normal recibe (MEAN,SD) o (MEAN,SD,LO,HI), se recibieron 1 número(s)',
    );
    expect(spanish(() => parseVary('g=gamma(1,2)'))).toContain('distribución desconocida "gamma"; use uniform(LO,HI), normal(MEAN,SD) o normal(MEAN,SD,LO,HI) (truncada)');
    expect(spanish(() => parseVary('g=uniform(x,1)'))).toContain('"x" no es un número');
  });
});
