/** Lookup tables as the expander stores them: ascending ones copied as written, others sorted by x with a warning. */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { expandModel } from './expand.js';

const CONTROL = `
INITIAL TIME = 0 ~ ~|
FINAL TIME = 1 ~ ~|
TIME STEP = 1 ~ ~|
SAVEPER = 1 ~ ~|
`;

function tables(text: string) {
  const { model, warnings } = expandModel(readVensim(text + CONTROL, 'm.mdl'));
  return { lookups: model.lookups.map((l) => ({ name: l.name, x: Array.from(l.x), y: Array.from(l.y) })), warnings: warnings.map((w) => w.code) };
}

describe('lookup tables', () => {
  it('keeps an ascending table (equal x included) as written, without a warning', () => {
    const { lookups, warnings } = tables('t([(0,0)-(3,9)],(0,1),(1,4),(1,5),(3,9)) ~ ~|\n');
    expect(lookups).toEqual([{ name: 't', x: [0, 1, 1, 3], y: [1, 4, 5, 9] }]);
    expect(warnings).not.toContain('W_LOOKUP_ORDER');
  });

  it('sorts a table whose x decrease by x, keeping each y with its x, and says so', () => {
    const { lookups, warnings } = tables('t([(0,0)-(3,9)],(2,7),(0,1),(3,9),(1,4)) ~ ~|\n');
    expect(lookups).toEqual([{ name: 't', x: [0, 1, 2, 3], y: [1, 4, 7, 9] }]);
    expect(warnings).toContain('W_LOOKUP_ORDER');
  });

  it('stores each element of an arrayed table apart, as Float64Arrays', () => {
    const { model } = expandModel(readVensim('r: r1, r2 ~ ~|\nt[r1]([(0,0)-(1,1)],(0,0),(1,1)) ~ ~|\nt[r2]([(0,0)-(1,1)],(0,1),(1,0)) ~ ~|\n' + CONTROL, 'm.mdl'));
    expect(model.lookups.map((l) => [l.name, Array.from(l.y)])).toEqual([
      ['t[r1]', [0, 1]],
      ['t[r2]', [1, 0]],
    ]);
    for (const l of model.lookups) {
      expect(l.x).toBeInstanceOf(Float64Array);
      expect(l.y).toBeInstanceOf(Float64Array);
    }
  });
});
