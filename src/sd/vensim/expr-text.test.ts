import { describe, expect, it } from 'vitest';
import { readVensim } from './reader.js';
import { equationFromIR, vensimName } from './expr-text.js';
import { readXmile } from '../xmile/reader.js';
import { xmileDoc } from '../xmile/test-support.js';

/** Reads one equation with the Vensim reader and prints it back from the IR. */
function roundTrip(src: string): string {
  const ir = readVensim(`${src}\n\t~\t\n\t~\t|\n`, 'm.mdl');
  return equationFromIR(ir.equations[0]!);
}

describe('IR expressions printed in Vensim notation', () => {
  it('keeps precedence with the fewest parentheses', () => {
    expect(roundTrip('y = (a + b) * c - d / (e - f)')).toBe('y = (a + b) * c - d / (e - f)');
    expect(roundTrip('y = a - (b - c)')).toBe('y = a - (b - c)');
    expect(roundTrip('y = a - b - c')).toBe('y = a - b - c');
    expect(roundTrip('y = -x^2')).toBe('y = -x ^ 2');
    expect(roundTrip('y = (-x)^2')).toBe('y = (-x) ^ 2');
    expect(roundTrip('y = a^b^c')).toBe('y = a ^ b ^ c');
    expect(roundTrip('y = (a^b)^c')).toBe('y = (a ^ b) ^ c');
  });

  it('prints functions, subscripts, logic and stocks', () => {
    expect(roundTrip('s[r] = INTEG(inflow[r] - outflow[r], 10)')).toBe('s[r] = INTEG(inflow[r] - outflow[r], 10)');
    expect(roundTrip('y = IF THEN ELSE(a > 1 :AND: b < 2, SUM(x[r!]), 0)')).toBe('y = IF THEN ELSE(a > 1 :AND: b < 2, SUM(x[r!]), 0)');
  });

  it('prints a lookup table', () => {
    expect(roundTrip('tbl( (0,1),(1,2) )')).toBe('tbl((0,1),(1,2))');
  });

  it("shows XMILE's HISTORY by its name, without the IR's internal '#'", () => {
    const ir = readXmile(xmileDoc('<aux name="x"><eqn>1</eqn></aux><aux name="h"><eqn>HISTORY(x, TIME - 1)</eqn></aux>'), 'h.xmile');
    expect(equationFromIR(ir.equations.find((q) => q.lhs.name === 'h')!)).toBe('h = HISTORY(x, Time - 1)');
  });

  it('quotes a name with a period, which would otherwise end the name, and reads it back', () => {
    const src = '"Stock 0.8" = INTEG(-"Stock 0.8" / 2, 10)';
    const printed = roundTrip(src);
    expect(printed).toBe('"Stock 0.8" = INTEG(-"Stock 0.8" / 2, 10)');
    expect(roundTrip(printed)).toBe(printed);
    expect(vensimName('Droplet 3.5 um')).toBe('"Droplet 3.5 um"');
    expect(vensimName("Bob's & Co 5%")).toBe("Bob's & Co 5%");
  });
});
