import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileVensim } from '../sd/run/engine.js';
import { buildLevers, changedSettings, leverRange, niceStep } from './levers.js';
import { describeVariables } from './model/model-info.js';

const example = join(__dirname, '..', '..', 'models', 'examples', 'green-growth.mdl');
const labels = { policy: 'Policy levers', other: 'Other constants' };

describe('levers', () => {
  const text = readFileSync(example, 'utf8');
  const { model, ir } = compileVensim(text, { file: 'green-growth.mdl' });
  const vars = describeVariables(ir, text);

  it('makes policy levers of the annotated constants and keeps the rest apart', () => {
    const groups = buildLevers(model.parameters, vars, {}, labels);
    expect(groups.map((g) => g.name)).toEqual(['Policy levers', 'Other constants']);
    const tax = groups[0]!.levers.find((l) => l.name === 'carbon tax')!;
    expect(tax).toMatchObject({ min: 0, max: 200, step: 5, defaultValue: 0, units: 'soles/tCO2', help: 'Carbon tax rate (policy lever).', policy: true });
    const others = groups[1]!.levers.map((l) => l.name);
    expect(others).toContain('tax response');
    expect(others).not.toContain('carbon tax');
    // Control variables are never levers.
    expect(groups.flatMap((g) => g.levers).some((l) => /time step|final time/i.test(l.name))).toBe(false);
  });

  it('follows a profile: its levers, groups, labels and order', () => {
    const groups = buildLevers(
      model.parameters,
      vars,
      { levers: [{ name: 'policy start year', group: 'Climate' }, { name: 'Carbon_Tax', group: 'Climate', label: { es: 'Impuesto al carbono' } }] },
      { ...labels, label: (l) => (typeof l.label === 'object' ? l.label.es : l.label) },
    );
    expect(groups[0]!.name).toBe('Climate');
    expect(groups[0]!.levers.map((l) => l.label)).toEqual(['policy start year', 'Impuesto al carbono']);
    expect(groups.filter((g) => g.policy)).toHaveLength(1);
  });

  it('orders the groups as the profile lists their first levers, not as the model defines them', () => {
    const groups = buildLevers(
      model.parameters,
      vars,
      { levers: [{ name: 'carbon tax', group: 'Climate' }, { name: 'savings rate', group: 'Economy' }, { name: 'birth rate', group: 'Economy' }] },
      labels,
    );
    // The model file defines `birth rate` (Economy) before `carbon tax` (Climate); the profile lists Climate first.
    expect(groups.filter((g) => g.policy).map((g) => g.name)).toEqual(['Climate', 'Economy']);
    expect(groups[1]!.levers.map((l) => l.name)).toEqual(['savings rate', 'birth rate']);
  });

  it('gives unannotated constants a range that contains their value', () => {
    expect(leverRange({ name: 'a', value: 8 })).toEqual({ min: 0, max: 16, step: 0.2 });
    expect(leverRange({ name: 'a', value: 0 })).toEqual({ min: 0, max: 1, step: 0.01 });
    expect(leverRange({ name: 'a', value: -3 })).toMatchObject({ min: -6, max: 0 });
    expect(leverRange({ name: 'a', value: 50, range: { min: 0, max: 10 } })).toMatchObject({ min: 0, max: 50 });
    expect(leverRange({ name: 'a', value: 5, range: { min: 0 } })).toMatchObject({ min: 0, max: 10 });
    expect(leverRange({ name: 'start year', value: 2025, range: { min: 2019, max: 2050 } })).toEqual({ min: 2019, max: 2050, step: 1 });
    expect(niceStep(200)).toBe(2);
    expect(niceStep(0.05)).toBe(0.0005);
  });

  it('stores only the settings that differ from the defaults', () => {
    const levers = buildLevers(model.parameters, vars, {}, labels).flatMap((g) => g.levers);
    expect(changedSettings(levers, { 'carbon tax': 50, 'savings rate': 0.2, 'nope': 3 })).toEqual({ 'carbon tax': 50 });
  });
});
