/**
 * macros.html (https://www.vensim.com/documentation/macros.html): "The macro definition must occur
 * before the macro is referenced"; the reader enforces it (cases in run/vensim-doc-examples-c), and
 * the writer lists macros so that its own output obeys it whatever order the IR holds them in.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from './reader.js';
import { writeVensim } from './writer.js';
import { macrosInDefinitionOrder } from './macro-order.js';
import { compileVensim } from '../run/engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 0 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const TEXT = `:MACRO: DOUBLE(x)\nDOUBLE = 2 * x ~~|\n:END OF MACRO:\n:MACRO: QUAD(x)\nQUAD = DOUBLE(DOUBLE(x)) ~~|\n:END OF MACRO:\na = QUAD(3) ~~|\n${CONTROL}`;

describe('macro order in written .mdl files', () => {
  it('puts a called macro before its caller even when the IR lists the caller first', () => {
    const ir = readVensim(TEXT, 'm.mdl');
    const reversed = { ...ir, macros: [...ir.macros].reverse() };
    expect(reversed.macros.map((m) => m.name)).toEqual(['quad', 'double']);
    const text = writeVensim(reversed);
    expect(text.indexOf(':MACRO: DOUBLE')).toBeLessThan(text.indexOf(':MACRO: QUAD'));
    // Read back and run: QUAD(3) = 2 × 2 × 3 = 12.
    expect(compileVensim(text).model.run().get('a')![0]).toBe(12);
  });

  it('keeps the given order for macros that do not call each other, and ends at a ring without looping', () => {
    const ir = readVensim(`:MACRO: A(x)\nA = x ~~|\n:END OF MACRO:\n:MACRO: B(x)\nB = x ~~|\n:END OF MACRO:\n${CONTROL}`);
    expect(macrosInDefinitionOrder([...ir.macros].reverse()).map((m) => m.name)).toEqual(['b', 'a']);
    const ring = readVensim(`:MACRO: P(x)\nP = x ~~|\n:END OF MACRO:\n:MACRO: Q(x)\nQ = x ~~|\n:END OF MACRO:\n${CONTROL}`).macros;
    // Make P call Q and Q call P by hand (a .mdl file cannot say that).
    const call = (name: string) => ({ kind: 'apply' as const, name, display: name.toUpperCase(), subs: [], args: [], loc: ring[0]!.loc });
    const p = { ...ring[0]!, equations: [{ ...ring[0]!.equations[0]!, expr: call('q') }] };
    const q = { ...ring[1]!, equations: [{ ...ring[1]!.equations[0]!, expr: call('p') }] };
    expect(macrosInDefinitionOrder([p, q]).map((m) => m.name)).toEqual(['q', 'p']);
  });
});
