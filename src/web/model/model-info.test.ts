import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVensim } from '../../sd/vensim/reader.js';
import { describeVariables } from './model-info.js';

const example = join(__dirname, '..', '..', '..', 'models', 'examples', 'green-growth.mdl');

describe('model explorer facts', () => {
  const text = readFileSync(example, 'utf8');
  const vars = describeVariables(readVensim(text, 'green-growth.mdl'), text);
  const get = (k: string) => vars.find((v) => v.key === k)!;

  it('classifies stocks, flows, constants and auxiliaries', () => {
    expect(get('population').kind).toBe('stock');
    expect(get('births').kind).toBe('flow');
    expect(get('deaths').kind).toBe('flow');
    expect(get('carbon tax').kind).toBe('constant');
    expect(get('gdp').kind).toBe('aux');
  });

  it('links causes and uses both ways', () => {
    expect(get('births').causes.sort()).toEqual(['birth rate', 'population']);
    expect(get('population').uses.sort()).toEqual(['births', 'deaths', 'gdp']);
    expect(get('carbon tax').uses).toEqual(['carbon tax effect']);
    expect(get('productivity').causes).toEqual(['productivity growth', 'initial time']);
  });

  it('keeps the equation as written, units, documentation and line', () => {
    const tax = get('carbon tax');
    expect(tax.equations).toEqual(['carbon tax=\n  0']);
    expect(tax.units).toBe('soles/tCO2');
    expect(tax.doc).toBe('Carbon tax rate (policy lever).');
    expect(text.split('\n')[tax.line! - 1]).toMatch(/^carbon tax=/);
    expect(get('population').equations[0]).toContain('INTEG');
  });
});
