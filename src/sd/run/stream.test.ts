/** A streamed run hands the same saved rows as `run`, block by block, holding one block at a time. */
import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import type { SavedRows, SaveSink } from './types.js';

const CONTROL = (end: number, dt: number, saveper: number | string) => `INITIAL TIME = 0 ~~|\nFINAL TIME = ${end} ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = ${saveper} ~~|\n`;

/** Two stocks per element of a 40-element range, a sum and a lookup: enough columns for several blocks. */
const WIDE = `d: (d1-d40) ~~|
growth[d] = 0.001 * Time ~~|
s[d] = INTEG(growth[d] * s[d], 1) ~~|
u[d] = INTEG(-0.1 * u[d] + tbl(Time), 0) ~~|
tbl((0,0),(5,1),(10,0)) ~~|
total = SUM(s[d!]) ~~|
${CONTROL(10, 0.125, 0.25)}`;

/** Collects every block into whole columns, checking the blocks' positions and sizes as it goes. */
interface Collected {
  sink: SaveSink;
  names: string[];
  time: number[];
  series: number[][];
  /** Rows of each block, in order. */
  blocks: number[];
}

function collector(): Collected {
  const out: Collected = { sink: undefined!, names: [], time: [], series: [], blocks: [] };
  out.sink = {
    begin(names) {
      out.names = [...names];
      out.series = names.map(() => []);
    },
    rows(block: SavedRows) {
      expect(block.first).toBe(out.time.length);
      expect(block.time.length).toBe(block.rows);
      out.blocks.push(block.rows);
      out.time.push(...block.time);
      block.series.forEach((s, j) => {
        expect(s.length).toBe(block.rows);
        out.series[j]!.push(...s);
      });
    },
  };
  return out;
}

describe('CompiledModel.stream', () => {
  const model = compileVensim(WIDE, { file: 'wide.mdl' }).model;
  const whole = model.run();

  it.each([1, 7, 41, 1000])('hands every saved row of every column, bit for bit, in blocks of %i rows', (blockRows) => {
    const c = collector();
    const summary = model.stream(c.sink, { blockRows });
    expect(summary).toEqual({ names: whole.names, rows: whole.time.length });
    expect(c.names).toEqual(whole.names);
    expect(c.time).toEqual(Array.from(whole.time));
    whole.series.forEach((s, j) => expect(c.series[j]).toEqual(Array.from(s)));
    // Full blocks, then the rest.
    const n = whole.time.length;
    const expected = Array.from({ length: Math.ceil(n / blockRows) }, (_, b) => Math.min(blockRows, n - b * blockRows));
    expect(c.blocks).toEqual(expected);
  });

  it('keeps the run options: columns, parameters and time settings', () => {
    const opts = { columns: ['total', 'u'], params: { tbl: { x: [0, 10], y: [2, 2] } }, end: 6, saveper: 0.5 };
    const ref = model.run(opts);
    const c = collector();
    model.stream(c.sink, { ...opts, blockRows: 4 });
    expect(c.names).toEqual(ref.names);
    expect(c.time).toEqual(Array.from(ref.time));
    ref.series.forEach((s, j) => expect(c.series[j]).toEqual(Array.from(s)));
  });

  it('streams a run whose SAVEPER changes during the run', () => {
    const m = compileVensim(`x = INTEG(1, 0) ~~|\nsp = IF THEN ELSE(Time < 5, 1, 0.25) ~~|\n${CONTROL(10, 0.25, 'sp')}`).model;
    const ref = m.run();
    expect(ref.time.length).toBe(26); // 0..5 by 1, then to 10 by 0.25
    const c = collector();
    m.stream(c.sink, { blockRows: 3 });
    expect(c.time).toEqual(Array.from(ref.time));
    expect(c.series[c.names.indexOf('x')]).toEqual(Array.from(ref.get('x')!));
  });

  it('is not held to the saved-points limit of a whole run, only to that of one block', () => {
    const limited = compileVensim(WIDE, { file: 'wide.mdl', limits: { maxSavedPoints: 2000 } }).model;
    expect(() => limited.run()).toThrow(/41 saved times × 125 columns\); the limit is 2,000 points/);
    const c = collector();
    expect(limited.stream(c.sink, { blockRows: 10 }).rows).toBe(whole.time.length);
    expect(c.series[3]).toEqual(Array.from(whole.series[3]!));
    expect(() => limited.stream(collector().sink, { blockRows: 100 })).toThrow(/41 saved times × 125 columns\); the limit is 2,000 points/);
  });

  it('refuses a block size that is not a whole number of rows', () => {
    for (const blockRows of [0, -1, 2.5, NaN]) expect(() => model.stream(collector().sink, { blockRows })).toThrow(/blockRows: must be a whole number/);
  });

  it('passes on an error of its sink, and the run stops there', () => {
    let blocks = 0;
    const failing: SaveSink = {
      begin() {},
      rows() {
        if (++blocks === 2) throw new Error('disk full');
      },
    };
    expect(() => model.stream(failing, { blockRows: 5 })).toThrow('disk full');
    expect(blocks).toBe(2);
  });
});
