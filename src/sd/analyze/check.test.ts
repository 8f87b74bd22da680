/** findUnused: variables no equation reads, except the outputs a Vensim model marks Supplementary. */
import { describe, expect, it } from 'vitest';
import { compileVensim } from '../run/engine.js';
import { findUnused } from './check.js';
import { equationText } from '../vensim/writer.js';
import { readVensim } from '../vensim/reader.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

const unusedOf = (mdl: string): string[] => {
  const { model, ir } = compileVensim(mdl + CONTROL);
  const outputsOnly = new Set(ir.equations.filter((e) => e.supplementary).map((e) => e.lhs.name));
  return findUnused(model.scalar, outputsOnly).map((d) => d.message);
};

describe('findUnused', () => {
  it('warns of a variable nothing reads', () => {
    expect(unusedOf('a = 1 ~~|\nb = a * 2 ~~|\n')).toEqual(['b is not used by any other equation']);
  });
  it('does not warn of one marked :SUPPLEMENTARY after its comment (Vensim: an output only)', () => {
    const mdl = 'a = 1 ~~|\nb = INTEG(a, 0)\n\t~\t\n\t~\t\t~\t:SUPPLEMENTARY \n\t|\nc = a ~ Dmnl ~ a comment ~ :SUPPLEMENTARY |\n';
    expect(unusedOf(mdl)).toEqual([]);
  });
  it('keeps the flag when the model is written back as .mdl', () => {
    const eq = compileVensim('a = 1 ~~|\nc = a ~ Dmnl ~ a comment ~ :SUPPLEMENTARY |\n' + CONTROL).ir.equations.find((e) => e.lhs.name === 'c')!;
    expect(readVensim(equationText(eq)).equations[0]).toMatchObject({ supplementary: true, doc: 'a comment' });
  });
});
