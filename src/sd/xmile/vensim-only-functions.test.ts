/**
 * RANDOM NEGATIVE BINOMIAL, RANDOM LOOKUP, DELAY CONVEYOR, QUEUE FIFO, QUEUE AGE IN RANGE and DEPRECIATE STRAIGHTLINE are Vensim functions with no XMILE
 * 1.0 counterpart of the same meaning: `igem convert --to mdl` writes them back unchanged (the
 * rewritten model runs the same), `--to xmile` refuses each with E_XMILE_WRITE at its equation.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from '../run/engine.js';
import { readVensim } from '../vensim/reader.js';
import { writeVensim } from '../vensim/writer.js';
import { xmileRefusal } from './test-support.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const EQUATIONS: [string, string][] = [
  ['RANDOM NEGATIVE BINOMIAL', 'x = RANDOM NEGATIVE BINOMIAL(0, 100, 0.4, 3, 0, 1, 7) ~~|'],
  ['RANDOM LOOKUP', 'x = RANDOM LOOKUP(dens, 0, 2, 0, 1, 7) ~~|'],
  ['DELAY CONVEYOR', 'x = DELAY CONVEYOR(input, 2, 0.1, prof, 4, 2) ~~|'],
  ['QUEUE FIFO', 'x = QUEUE FIFO(input, 1, prof, 0, 3) ~~|'],
  // Of a variable that is not a queue: :NA: (fn_queue_age_in_range), finite.
  ['QUEUE AGE IN RANGE', 'x = QUEUE AGE IN RANGE(input, 0, 1) ~~|'],
  ['DEPRECIATE STRAIGHTLINE', 'x = DEPRECIATE STRAIGHTLINE(input, 3, 1, 2) ~~|'],
];
const model = (eq: string) => `prof((0,1),(1,1)) ~~|\ndens((0,0),(1,1),(2,0)) ~~|\ninput = 2 + Time ~~|\n${eq}\n${CONTROL}`;

describe.each(EQUATIONS)('%s', (fn, eq) => {
  it('is written to .mdl unchanged, and the written model runs the same', () => {
    const src = model(eq);
    const written = writeVensim(readVensim(src, 'm.mdl'));
    expect(written).toContain(eq.slice(4, -4).trim());
    const before = compileVensim(src).model.run({ seed: 3 }).get('x')!;
    const after = compileVensim(written).model.run({ seed: 3 }).get('x')!;
    expect(before.every((v) => Number.isFinite(v))).toBe(true);
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it('is refused by the XMILE writer at its equation', () => {
    const d = xmileRefusal(model(eq), 'm.mdl');
    expect(d.code).toBe('E_XMILE_WRITE');
    expect(d.message).toBe(`cannot write as XMILE: ${fn} has no XMILE 1.0 function of the same meaning`);
    expect([d.loc?.file, d.loc?.line]).toEqual(['m.mdl', 4]);
  });
});
