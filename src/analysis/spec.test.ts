import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../sd/ir/diagnostics.js';
import { readCalibrationSpec } from './calibrate/spec.js';
import { readSensitivitySpec } from './sensitivity/spec.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-spec-'));
function spec(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('spec files', () => {
  it('read calibration specs in both parameter forms, resolving data beside the spec', () => {
    const a = readCalibrationSpec(spec('a.json', { data: 'h.csv', parameters: { g: [0, 1, 0.5] }, method: 'nelder-mead', starts: 2, time: { dt: 0.5 } }));
    expect(a.data).toBe(join(dir, 'h.csv'));
    expect(a.parameters).toEqual([{ name: 'g', lo: 0, hi: 1, start: 0.5, where: `${join(dir, 'a.json')}: parameters.g` }]);
    expect(a.time).toEqual({ dt: 0.5 });
    const b = readCalibrationSpec(spec('b.json', { parameters: [{ name: 'g', lo: 0, hi: 2 }], weights: { Pop: 2 } }));
    expect(b.parameters[0]).toMatchObject({ name: 'g', lo: 0, hi: 2 });
    expect(b.weights).toEqual({ Pop: 2 });
  });

  it('name the field or the line and column of a bad spec', () => {
    const p1 = spec('c.json', { parameters: [{ name: 'g', lo: 'x', hi: 1 }] });
    expect(message(() => readCalibrationSpec(p1))).toBe(`${p1}: parameters[0].lo: must be a finite number`);
    expect(() => readCalibrationSpec(p1)).toThrow(expect.objectContaining({ messageEs: `${p1}: parameters[0].lo: debe ser un número finito` }));
    const p2 = spec('d.json', { method: 'annealing' });
    expect(message(() => readCalibrationSpec(p2))).toContain(`${p2}: method: unknown optimizer "annealing"`);
    const p3 = spec('e.json', '{\n  "runs": 10,\n  "seed": }\n');
    expect(message(() => readSensitivitySpec(p3))).toMatch(new RegExp(`^${p3.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:11: invalid JSON`));
    const p4 = spec('f.json', { parameters: { g: 'uniform(2,1)' } });
    expect(message(() => readSensitivitySpec(p4))).toBe(`${p4}: parameters.g: uniform needs LO < HI, got LO=2 and HI=1`);
    const p5 = spec('g.json', { runz: 10 });
    expect(message(() => readSensitivitySpec(p5))).toContain(`${p5}: runz: unknown field`);
  });

  it('read sensitivity specs', () => {
    const s = readSensitivitySpec(spec('h.json', { parameters: ['g=triangular(0,1,2)'], runs: 100, method: 'sobol', columns: ['Pop'], times: [10] }));
    expect(s.parameters[0].distribution).toEqual({ kind: 'triangular', lo: 0, mode: 1, hi: 2 });
    expect(s).toMatchObject({ runs: 100, method: 'sobol', columns: ['Pop'], times: [10] });
  });
});
