/**
 * A GET DIRECT DATA call inside a larger expression (not the whole right-hand side) is read as a
 * data series and interpolated at Time, in every element of an arrayed equation. The series is read
 * once per distinct call (data-functions.ts keys it by its text), which must not change the values.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from './load.js';

const MODEL = `{UTF-8}
d: (d1-d3)
	~	
	~		|
x[d] = 2 * GET DIRECT DATA('data.csv', ',', 'A', 'B2') + k[d]
	~	
	~		|
k[d] = 1, 2, 3
	~	
	~		|
y = GET DIRECT DATA('data.csv', ',', 'A', 'C2') / 10
	~	
	~		|
INITIAL TIME = 0 ~ ~ |
FINAL TIME = 2 ~ ~ |
TIME STEP = 0.5 ~ ~ |
SAVEPER = 0.5 ~ ~ |
`;

describe('GET DIRECT DATA inside an expression', () => {
  it('interpolates the series at Time in every element, and keeps two calls on other columns apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-inline-data-'));
    writeFileSync(join(dir, 'data.csv'), 'Time,v,w\n0,10,100\n1,20,300\n2,40,200\n');
    writeFileSync(join(dir, 'm.mdl'), MODEL);
    const r = loadModel(join(dir, 'm.mdl')).run();
    const v = [10, 15, 20, 30, 40];
    for (const [i, e] of ['d1', 'd2', 'd3'].entries()) expect(Array.from(r.get(`x[${e}]`)!)).toEqual(v.map((a) => 2 * a + i + 1));
    expect(Array.from(r.get('y')!)).toEqual([10, 20, 30, 25, 20]);
  });
});
