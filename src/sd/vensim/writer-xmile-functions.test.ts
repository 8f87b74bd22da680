/**
 * XMILE's INT, SAFEDIV and DELAY are not Vensim's (the .mdl reader refuses them,
 * xmile-only-functions.ts), so the .mdl writer never writes their names: INT goes as its floor
 * macro, SAFEDIV as IF THEN ELSE, DELAY as DELAY FIXED, lifted into a variable of its own where it
 * sits inside a larger expression. The written model reads back and computes every source column
 * exactly. Hand values: x = TIME - 2.5 at t = 0…4, so x = -2.5, -1.5, -0.5, 0.5, 1.5.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { columnReader, xmileDoc } from '../xmile/test-support.js';
import { readVensim } from './reader.js';
import { writeVensim } from './writer.js';

const doc = xmileDoc(
  `<aux name="x"><eqn>TIME - 2.5</eqn></aux>
   <aux name="b"><eqn>IF TIME = 1 THEN 1e-7 ELSE TIME - 2</eqn></aux>
   <aux name="i"><eqn>INT(x)</eqn></aux>
   <aux name="s"><eqn>SAFEDIV(1, b)</eqn></aux>
   <aux name="s3"><eqn>SAFEDIV(x, b, 9) + 1</eqn></aux>
   <aux name="d"><eqn>DELAY(x, 2)</eqn></aux>
   <aux name="d3"><eqn>DELAY(x, 2, 5) * 2</eqn></aux>
   <aux name="p"><eqn>PREVIOUS(x) + PREVIOUS(x, 4)</eqn></aux>
   <aux name="nest"><eqn>DELAY(DELAY(x, 1) + 1, 1)</eqn></aux>`,
  { stop: 4 },
);

describe('XMILE-only functions written as .mdl', () => {
  const source = compileXmile(doc, { file: 'f.xmile' });
  const run = source.model.run();
  const text = writeVensim(source.ir);

  it('are computed by XMILE as the standard says', () => {
    const col = columnReader(run);
    expect(col('i')).toEqual([-3, -2, -1, 0, 1]); // floor
    expect(col('s')).toEqual([-0.5, 1e7, 0, 1, 0.5]); // b = -2, 1e-7 (XIDZ would give 0), 0, 1, 2
    expect(col('s3')[2]).toBe(10); // b = 0 gives 9, plus 1
    expect(col('d')).toEqual([-2.5, -2.5, -2.5, -1.5, -0.5]);
  });

  it('never write INT, SAFEDIV or DELAY, and the text reads back', () => {
    expect(text).not.toMatch(/\b(INT|SAFEDIV|DELAY)\s*\(/i);
    expect(() => readVensim(text, 'f.mdl')).not.toThrow();
    expect(text).toContain('s=\n\tIF THEN ELSE(b = 0, 0, 1 / b)\n');
    expect(text).toContain('d=\n\tDELAY FIXED(x, 2, x)\n');
    expect(text).toContain('d3=\n\td3 delayed value * 2\n');
    expect(text).toContain('d3 delayed value=\n\tDELAY FIXED(x, 2, 5)\n');
  });

  it('compute every source column exactly; the only added columns are the generated variables', () => {
    const again = compileVensim(text).model.run();
    expect(sameKeptColumns(run, again)).toBeUndefined();
    expect(again.names.filter((n) => !run.names.includes(n)).sort()).toEqual(['d3 delayed value', 'nest delayed value', 'p delayed value', 'p delayed value 2']);
  });
});
