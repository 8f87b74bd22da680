/** Reading scenario, indicator and project files: clear errors naming the file and field. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import { loadModel } from '../../sd/node/load.js';
import { lineChart } from './chart.js';
import { readIndicatorSpecs } from './indicator-spec.js';
import { meets, targetApplies } from './indicators.js';
import { readProject } from './project.js';
import { checkLevers, valueAtYear } from './run.js';
import { readScenarioFile } from './scenario-spec.js';

const TOY = `{UTF-8}
Stock = INTEG(rate, 1) ~ Widget ~ a stock |
rate = Stock * growth ~ Widget/Year ~ flow |
growth = 0.1 ~ 1/Year ~ lever |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 10 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'igem-scenarios-'));
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

const INDICATORS = JSON.stringify([{ id: 'x', name: 'Stock', variable: 'Stock', unit: 'Widget', targets: [{ op: '>=', value: 2, years: [10] }] }]);

describe('scenario files', () => {
  it('reads levers and names the field of a bad value', () => {
    const dir = folder({ 'a.json': '{"title":"A","levers":{"growth":0.2}}', 'b.json': '{"levers":{"growth":"x"}}' });
    expect(readScenarioFile(join(dir, 'a.json'))).toMatchObject({ name: 'a', title: 'A', levers: { growth: 0.2 } });
    expect(() => readScenarioFile(join(dir, 'b.json'))).toThrow(/b\.json: levers\.growth.*finite number/);
  });

  it('rejects a lever the model does not have, naming the scenario file and field', () => {
    const dir = folder({ 'a.json': '{"levers":{"growht":0.2}}' });
    const model = loadModel(TOY);
    try {
      checkLevers(model, readScenarioFile(join(dir, 'a.json')));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/a\.json: levers\.growht/);
      expect((err as Error).message).toMatch(/unknown variable "growht"/);
    }
  });

  it('rejects a lever that is computed, not a constant', () => {
    const dir = folder({ 'a.json': '{"levers":{"rate":1}}' });
    expect(() => checkLevers(loadModel(TOY), readScenarioFile(join(dir, 'a.json')))).toThrow(/not a constant/);
  });
});

describe('indicator files', () => {
  it('needs exactly one of value and relativeToBaseline', () => {
    const dir = folder({ 'i.json': JSON.stringify([{ id: '1', name: 'n', variable: 'v', targets: [{ op: '<=', value: 1, relativeToBaseline: 0.1 }] }]) });
    expect(() => readIndicatorSpecs(join(dir, 'i.json'))).toThrow(/targets\[0\].*exactly one/);
  });

  it('rejects an unknown comparison and a model indicator without a variable', () => {
    const a = folder({ 'i.json': JSON.stringify([{ id: '1', name: 'n', variable: 'v', targets: [{ op: '<', value: 1 }] }]) });
    expect(() => readIndicatorSpecs(join(a, 'i.json'))).toThrow(/op.*"<=" or ">="/);
    const b = folder({ 'i.json': JSON.stringify([{ id: '1', name: 'n' }]) });
    expect(() => readIndicatorSpecs(join(b, 'i.json'))).toThrow(/\[0\]\.variable/);
  });
});

describe('project files', () => {
  it('reads a project and reports a missing baseline scenario', () => {
    const ok = folder({
      'project.json': JSON.stringify({ model: 'm.mdl', baseline: 'base', scenarios: 'scenarios', indicators: 'ind.json', years: [10] }),
      'm.mdl': TOY,
      'ind.json': INDICATORS,
      'scenarios/base.json': '{}',
      'scenarios/fast.json': '{"levers":{"growth":0.2}}',
    });
    const p = readProject(ok);
    expect(p.scenarios.map((s) => s.name)).toEqual(['base', 'fast']);
    expect(p.notes).toEqual([]);
    const bad = folder({
      'project.json': JSON.stringify({ model: 'm.mdl', baseline: 'nope', scenarios: 'scenarios', indicators: 'ind.json', years: [10] }),
      'm.mdl': TOY,
      'ind.json': INDICATORS,
      'scenarios/base.json': '{}',
    });
    expect(() => readProject(bad)).toThrow(/baseline.*no scenario named "nope".*found base/);
  });

  it('says when a folder is not a project', () => {
    expect(() => readProject(folder({}))).toThrow(/not a scenario project/);
  });
});

describe('helpers', () => {
  it('checks targets in the years they apply to', () => {
    const t = { label: 'cap', op: '<=' as const, value: 5, years: [2030], basis: '' };
    expect(targetApplies(t, 2030)).toBe(true);
    expect(targetApplies(t, 2050)).toBe(false);
    expect(targetApplies({ ...t, years: [] }, 2050)).toBe(true);
    expect(meets(5, '<=', 5)).toBe(true);
    expect(meets(5.01, '<=', 5)).toBe(false);
    expect(meets(NaN, '>=', 5)).toBeUndefined();
  });

  it('reads values between saved times linearly and NaN outside the run', () => {
    const r = loadModel(TOY).run();
    const s = r.get('Stock')!;
    expect(valueAtYear(r, s, 2)).toBeCloseTo(1.21, 12);
    expect(valueAtYear(r, s, 2.5)).toBeCloseTo((1.21 + 1.331) / 2, 12);
    expect(valueAtYear(r, s, 11)).toBeNaN();
  });

  it('draws one polyline per scenario and a dashed line per target', () => {
    const svg = lineChart({ title: 'GHG', lines: [{ label: 'a', x: [0, 1], y: [1, 2] }, { label: 'b', x: [0, 1], y: [2, 3], emphasis: true }], references: [{ label: 'cap', value: 2.5 }] });
    expect((svg.match(/<polyline /g) ?? []).length).toBe(2);
    expect((svg.match(/stroke-dasharray/g) ?? []).length).toBe(2);
    expect(svg).toContain('>a<');
    expect(svg).toContain('>cap<');
  });
});
