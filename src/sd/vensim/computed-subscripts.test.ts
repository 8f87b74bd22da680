/**
 * XMILE computed subscripts written to .mdl as VECTOR ELM MAP under a range check
 * (computed-subscripts.ts): the written model reads back and computes every column exactly, out of
 * range included (0, XMILE 1.0 §3.7.1); what has no exact form stays refused, located.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { writeXmile } from '../xmile/writer.js';
import { firstDiagnostic, xmileDoc } from '../xmile/test-support.js';
import { writeVensim } from './writer.js';

// The fixture of computed-subscripts.test.ts, but for x[RANK(x, 1)]: Vensim has no RANK.
const fixture = readFileSync(join(import.meta.dirname, '..', 'xmile', 'array-fixtures', 'computed-subscripts.xmile'), 'utf8').replace(/^.*smallest of x.*$/m, '');

describe('computed subscripts written as .mdl', () => {
  const source = compileXmile(fixture, { file: 'computed-subscripts.xmile' });
  const text = writeVensim(source.ir);

  it('read back, every column is the same, out of range (0) included', () => {
    expect(sameKeptColumns(source.model.run(), compileVensim(text).model.run())).toBeUndefined();
  });

  it('as VECTOR ELM MAP from the first element, the offset counted over the flat layout, 0 outside', () => {
    expect(text).toContain('IF THEN ELSE(i >= 1 :AND: i < 4, VECTOR ELM MAP(x["1"], INTEGER(i) - 1), 0)');
    // m is 2 × 3: a row moves 3 places.
    expect(text).toContain('IF THEN ELSE(i >= 1 :AND: i < 3 :AND: (4 - Time >= 1 :AND: 4 - Time < 4), VECTOR ELM MAP(m[north,"1"], (INTEGER(i) - 1) * 3 + (INTEGER(4 - Time) - 1)), 0)');
    expect(text).toContain('IF THEN ELSE(i + 2 >= 1 :AND: i + 2 < 4, VECTOR ELM MAP(x["1"], INTEGER(i + 2) - 1), 0)');
  });

  it("a Vensim VECTOR ELM MAP goes to XMILE and back to .mdl, giving the source's numbers", () => {
    const mdl = 'sub: s1, s2, s3 ~~|\ntub: t1, t2 ~~|\nv[sub, tub] = 1, 2; 3, 4; 5, 6; ~~|\nv2[sub, tub] = VECTOR ELM MAP(v[s1, t1], (sub - 1) * ELMCOUNT(tub) + (tub - 1)) ~~|\nw = VECTOR ELM MAP(v[s1, t2], MIN(Time, 4)) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
    const first = compileVensim(mdl);
    const back = writeVensim(compileXmile(writeXmile(first.ir)).ir);
    expect(back).toContain('VECTOR ELM MAP(v[s1,t1]');
    expect(sameKeptColumns(first.model.run(), compileVensim(back).model.run())).toBeUndefined();
  });

  it('stays refused, located, where the header asks for NaN out of range (Vensim has no NaN) or the index has state', () => {
    const withNaN = fixture.replace('<header>', '<header><options><uses_arrays maximum_dimensions="2" invalid_index_value="NaN"/></options>').replace(/^.*name="(s|f)".*$/gm, '');
    const d = firstDiagnostic(() => writeVensim(compileXmile(withNaN, { file: 'nan.xmile' }).ir));
    expect([d.code, d.loc?.file]).toEqual(['E_UNSUPPORTED', 'nan.xmile']);
    expect(d.message).toMatch(/uses a computed subscript, which Vensim has no function for/);
    const smooth = xmileDoc('<aux name="x"><dimensions><dim name="D"/></dimensions><eqn>D * 10</eqn></aux><aux name="y"><eqn>x[SMTH1(TIME, 2)]</eqn></aux>', { dimensions: '<dim name="D"><elem name="a"/><elem name="b"/></dim>' });
    const e = firstDiagnostic(() => writeVensim(compileXmile(smooth, { file: 'smooth.xmile' }).ir));
    expect([e.code, e.loc?.file]).toEqual(['E_UNSUPPORTED', 'smooth.xmile']);
    expect(e.messageEs).toMatch(/usa un subíndice calculado/);
  });

  it('the index is judged by the rule the XMILE writer uses too (ir/repeatable.ts): a graphical function is written, a random draw refused', () => {
    const dims = { dimensions: '<dim name="D"><elem name="a"/><elem name="b"/><elem name="c"/></dim>' };
    const x = '<aux name="x"><dimensions><dim name="D"/></dimensions><eqn>D * 10</eqn></aux>';
    // g(TIME) climbs 1, 2, 3, 3, … (hand-worked from its points): y is 10, 20, 30, 30, ….
    const gf = '<aux name="g"><eqn>TIME</eqn><gf><xscale min="0" max="2"/><yscale min="1" max="3"/><ypts>1,2,3</ypts></gf></aux>';
    const viaGf = compileXmile(xmileDoc(`${x}${gf}<aux name="y"><eqn>x[g]</eqn></aux>`, { ...dims, stop: 4 }));
    const mdl = writeVensim(viaGf.ir);
    expect(mdl).toMatch(/VECTOR ELM MAP\(x\[a\], INTEGER\(g\) - 1\)/);
    const back = compileVensim(mdl).model.run();
    expect(sameKeptColumns(viaGf.model.run(), back)).toBeUndefined();
    expect(Array.from(back.get('y')!)).toEqual([10, 20, 30, 30, 30]);
    const random = xmileDoc(`${x}<aux name="y"><eqn>x[RANDOM(1, 3)]</eqn></aux>`, dims);
    const e = firstDiagnostic(() => writeVensim(compileXmile(random, { file: 'random.xmile' }).ir));
    expect([e.code, e.loc?.file]).toEqual(['E_UNSUPPORTED', 'random.xmile']);
  });
});
