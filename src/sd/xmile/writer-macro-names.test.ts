/** Macros named as an XMILE built-in (writer-macro-names.ts): left out when unused, refused when called. */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { writeXmile } from './writer.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n';
// The macros a converted model carries (Vensim's INTEGER truncates, XMILE's INT is the floor).
const MACROS = ':MACRO: INT(IN)\nINT = INTEGER(IN)\n\t~\tin\n\t~\t|\n:END OF MACRO:\n\n:MACRO: LOG10(IN)\nLOG10 = LOG(IN, 10)\n\t~\tDMNL\n\t~\t|\n:END OF MACRO:\n';

describe('XMILE writer: macros named as a built-in function', () => {
  it('leaves out a macro no equation calls, so the text reads back and runs the same', () => {
    const first = compileVensim(`${MACROS}s = INTEG(-1.5, 3) ~~|\nt = INTEGER(s) ~~|\n${CONTROL}`);
    const xml = writeXmile(first.ir);
    expect(xml).not.toContain('<macro');
    expect(sameKeptColumns(first.model.run(), compileXmile(xml).model.run())).toBeUndefined();
  });

  it('refuses, at the macro, one that the model calls', () => {
    const ir = compileVensim(`${MACROS}s = INTEG(1, 0) ~~|\nt = LOG10(s + 1) ~~|\n${CONTROL}`).ir;
    let caught: unknown;
    try {
      writeXmile(ir);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ModelError);
    const d = (caught as ModelError).diagnostics[0]!;
    expect(d.code).toBe('E_XMILE_WRITE');
    expect(d.message).toMatch(/macro LOG10 has the name of an XMILE built-in/);
    expect(d.loc?.line).toBe(7);
  });
});
