/** findUnused: variables no equation reads, except the outputs a Vensim model marks Supplementary. */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { declaredAt, findUnused, readInText } from './check.js';
import { equationText } from '../vensim/writer.js';
import { readVensim } from '../vensim/reader.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

const unusedOf = (mdl: string): string[] => {
  const { model, ir } = compileVensim(mdl + CONTROL);
  const outputsOnly = new Set(ir.equations.filter((e) => e.supplementary).map((e) => e.lhs.name));
  return findUnused(model.scalar, outputsOnly, new Map(), readInText(ir)).map((d) => d.message);
};

describe('findUnused', () => {
  it('warns of a variable nothing reads', () => {
    expect(unusedOf('a = 1 ~~|\nb = a * 2 ~~|\n')).toEqual(['b is not used by any other equation']);
  });
  it('does not warn of one marked :SUPPLEMENTARY after its comment (Vensim: an output only)', () => {
    const mdl = 'a = 1 ~~|\nb = INTEG(a, 0)\n\t~\t\n\t~\t\t~\t:SUPPLEMENTARY \n\t|\nc = a ~ Dmnl ~ a comment ~ :SUPPLEMENTARY |\n';
    expect(unusedOf(mdl)).toEqual([]);
  });
  it('does not warn of RC START TIME, which Vensim\'s Reality Check functions read (Help 22111)', () => {
    expect(unusedOf('RC START TIME = 3 ~~|\na = 1 ~~|\nb = a ~~|\n')).toEqual(['b is not used by any other equation']);
  });
  it('does not warn of a name read only as the order of DELAY N or SMOOTH N (compiled to a number)', () => {
    // DELAY N(input, delay time, initial value, order): the order is a constant, so compiling
    // leaves no reference to the name that holds it; the text still reads it.
    const mdl = 'Order = 3 ~~|\nx = 1 ~~|\ny = DELAY N(x, 2, x, Order) ~~|\nk = 2 ~~|\nz = SMOOTH N(y, 2, y, k) ~~|\nw = z * 2 ~~|\n';
    expect(unusedOf(mdl)).toEqual(['w is not used by any other equation']);
  });
  it('still warns of a name only its own equation reads', () => {
    expect(unusedOf('s = INTEG(1 - s / 4, 0) ~~|\n')).toEqual(['s is not used by any other equation']);
  });
  it('keeps the flag when the model is written back as .mdl', () => {
    const eq = compileVensim('a = 1 ~~|\nc = a ~ Dmnl ~ a comment ~ :SUPPLEMENTARY |\n' + CONTROL).ir.equations.find((e) => e.lhs.name === 'c')!;
    expect(readVensim(equationText(eq)).equations[0]).toMatchObject({ supplementary: true, doc: 'a comment' });
  });

  it('points at the variable\'s element in XMILE, for a stock as for an aux, not at its <eqn>', () => {
    const xml = [
      '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
      '<header><vendor>t</vendor><product version="1">t</product></header>',
      '<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>',
      '<model><variables>',
      '<aux name="a">',
      '  <eqn>1</eqn>',
      '</aux>',
      '<stock name="s">',
      '  <eqn>5</eqn>',
      '  <inflow>f</inflow>',
      '</stock>',
      '<flow name="f"><eqn>2</eqn></flow>',
      '</variables></model></xmile>',
    ].join('\n');
    const { model, ir } = compileXmile(xml, { file: 'u.xmile' });
    const found = findUnused(model.scalar, new Set(), declaredAt(ir)).map((d) => [d.message, d.loc]);
    expect(found).toEqual([
      ['a is not used by any other equation', { file: 'u.xmile', line: 5, column: 1 }],
      ['s is not used by any other equation', { file: 'u.xmile', line: 8, column: 1 }],
    ]);
  });

  it('points at the left-hand side in a .mdl, as before', () => {
    const { model, ir } = compileVensim(`a = 1 ~~|\n  b = a * 2 ~~|\n${CONTROL}`, { file: 'u.mdl' });
    expect(findUnused(model.scalar, new Set(), declaredAt(ir))[0]!.loc).toMatchObject({ file: 'u.mdl', line: 2, column: 3 });
    expect(findUnused(model.scalar)[0]!.loc).toMatchObject({ file: 'u.mdl', line: 2, column: 3 });
  });
});
