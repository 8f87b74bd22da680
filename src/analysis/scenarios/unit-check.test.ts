/** The units check: parsing, the errors it must catch, and the Peru model passing it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVensim } from '../../sd/vensim/reader.js';
import { readProject } from './project.js';
import { checkUnits, formatDim, parseUnits, sameDim } from './unit-check.js';

const toy = (body: string) =>
  readVensim(`{UTF-8}
${body}
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 10 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`);

describe('unit expressions', () => {
  it('parses products, quotients, powers, parentheses and aliases', () => {
    expect(formatDim(parseUnits('1/Year'))).toBe('1/Year');
    expect(parseUnits('Dmnl')?.size).toBe(0);
    expect(sameDim(parseUnits('TWh/(GW*Year)', { GW: 'TWh/Year' }), new Map())).toBe(true);
    expect(sameDim(parseUnits('Soles/MWh', { Soles: 'MSoles', MWh: 'TWh' }), parseUnits('MSoles/TWh'))).toBe(true);
    expect(formatDim(parseUnits('m^2*kg/s^2'))).toBe('m^2*kg/s^2');
  });
});

describe('unit errors are found', () => {
  it('a stock whose flow is not in stock units per year', () => {
    const issues = checkUnits(toy('S = INTEG(f, S0) ~ widgets ~ |\nS0 = 1 ~ widgets ~ |\nf = 2 ~ widgets ~ |'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ variable: 'S', message: 'equation gives widgets*Year, declared widgets' });
  });

  it('adding, comparing or choosing between different units', () => {
    const issues = checkUnits(
      toy(`a = 1 ~ kg ~ |
b = 1 ~ m ~ |
c = a + b ~ kg ~ |
d = IF THEN ELSE(a > 0, a, b) ~ kg ~ |
e = MIN(a, b) ~ kg ~ |`),
    );
    expect(issues.map((i) => i.variable)).toEqual(['c', 'd', 'e']);
    expect(issues[0].message).toMatch(/'\+': kg and m do not agree/);
    expect(issues[0].loc?.line).toBe(4);
  });

  it('EXP of a dimensioned quantity and a delay time not in time units', () => {
    const issues = checkUnits(
      toy(`a = 1 ~ kg ~ |
r = 0.1 ~ 1/Year ~ |
g = EXP(a) ~ Dmnl ~ |
h = EXP(-r * Time) ~ Dmnl ~ |
s = SMOOTH(a, a) ~ kg ~ |`),
    );
    expect(issues.map((i) => `${i.variable}: ${i.message}`)).toEqual(['g: EXP of kg (must be dimensionless)', 's: SMOOTH delay time in kg, not Year']);
  });

  it('accepts 0 anywhere and leaves non-numeric exponents unchecked', () => {
    expect(checkUnits(toy(`a = 1 ~ kg ~ |\nb = MAX(0, a) ~ kg ~ |\nal = 0.3 ~ Dmnl ~ |\ny = a^al ~ m ~ |`))).toEqual([]);
  });
});

describe('the Peru model', () => {
  it('has no unit issues with the project unit aliases', () => {
    const project = readProject(join(process.cwd(), 'models', 'peru'));
    const ir = readVensim(readFileSync(project.modelPath, 'utf8'), project.modelPath);
    expect(checkUnits(ir, { aliases: project.unitAliases })).toEqual([]);
  });
});
