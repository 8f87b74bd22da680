/** The units check: parsing, the errors it must catch, synonyms and the model's time unit. */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { readXmile } from '../xmile/reader.js';
import { checkUnits, formatDim, parseUnits, sameDim, vensimUnitSynonyms } from './units.js';

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

  it('SAMPLE IF TRUE has the units of its input and initial value, not of its condition', () => {
    const issues = checkUnits(
      toy(`a = 1 ~ kg ~ |
m = 1 ~ m ~ |
t0 = 5 ~ Year ~ |
held = SAMPLE IF TRUE(Time <= t0, a, 0) ~ kg ~ |
mixed = SAMPLE IF TRUE(Time <= t0, a, m) ~ kg ~ |
wrong = SAMPLE IF TRUE(Time <= t0, a, a) ~ m ~ |`),
    );
    expect(issues.map((i) => `${i.variable}: ${i.message}`)).toEqual([
      'mixed: SAMPLE IF TRUE input and initial value: kg and m do not agree',
      'wrong: equation gives kg, declared m',
    ]);
  });

  it('accepts 0 anywhere and leaves non-numeric exponents unchecked', () => {
    expect(checkUnits(toy(`a = 1 ~ kg ~ |\nb = MAX(0, a) ~ kg ~ |\nal = 0.3 ~ Dmnl ~ |\ny = a^al ~ m ~ |`))).toEqual([]);
  });
});

describe('synonyms, unit names with spaces and the time unit', () => {
  it('reads unit names with spaces and $', () => {
    expect(formatDim(parseUnits('tCO2/million soles'))).toBe('tCO2/million soles');
    expect(formatDim(parseUnits('$/(Person*Year)'))).toBe('$/(Person*Year)');
  });

  it('takes Units Equiv groups from a Vensim file (22: lines) and the predefined plurals', () => {
    expect(vensimUnitSynonyms('///---\\\\\\\n:L<%^E!@\n22:$,Dollar,Dollars\n22:Person,People\n9:x')).toEqual([
      ['$', 'Dollar', 'Dollars'],
      ['Person', 'People'],
    ]);
    const body = `Pop = INTEG(births, Pop0) ~ People ~|
Pop0 = 1 ~ Person ~|
births = Pop * rate ~ Person/Years ~|
rate = 0.1 ~ 1/Year ~|
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 10 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
\\\\\\---/// Sketch information
///---\\\\\\\n:L<%^E!@
22:Person,People
`;
    expect(checkUnits(readVensim(body))).toEqual([]);
    // Without the group, People and Person differ, as Vensim treats units literally.
    expect(checkUnits(readVensim(body), { synonyms: [] }).map((i) => i.variable)).toEqual(['Pop', 'Pop', 'births']);
  });

  it('uses the time unit the model declares', () => {
    const ir = toy('S = INTEG(f, S0) ~ widgets ~ |\nS0 = 1 ~ widgets ~ |\nf = 2 ~ widgets/Month ~ |').equations.map((e) =>
      ['initial time', 'final time', 'time step', 'saveper'].includes(e.lhs.name) ? { ...e, units: 'Month' } : e,
    );
    expect(checkUnits({ ...toy(''), equations: ir })).toEqual([]);
    expect(checkUnits(toy('S = INTEG(f, S0) ~ widgets ~ |\nS0 = 1 ~ widgets ~ |\nf = 2 ~ widgets/Month ~ |')).map((i) => i.message)).toEqual([
      'equation gives widgets*Year/Month, declared widgets',
    ]);
  });

  it('reads XMILE model units and time units', () => {
    const ir = readXmile(`<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs time_units="Months"><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
  <model_units><unit name="People"><eqn>Person</eqn><alias>Persons</alias></unit></model_units>
  <model><variables>
    <stock name="Pop"><eqn>Pop0</eqn><inflow>births</inflow><units>People</units></stock>
    <flow name="births"><eqn>Pop * rate</eqn><units>Persons/Month</units></flow>
    <aux name="Pop0"><eqn>10</eqn><units>Persons</units></aux>
    <aux name="rate"><eqn>0.1</eqn><units>1/Month</units></aux>
    <aux name="wrong"><eqn>Pop + rate</eqn><units>Person</units></aux>
  </variables></model>
</xmile>`);
    expect(ir.unitSynonyms).toEqual([['Person', 'People', 'Persons']]);
    expect(checkUnits(ir).map((i) => `${i.variable}: ${i.message}`)).toEqual(["wrong: '+': Person and 1/Month do not agree"]);
  });

  it('XMILE HISTORY has the units of its input and wants a time in time units', () => {
    const ir = readXmile(`<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs time_units="Months"><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
  <model><variables>
    <aux name="x"><eqn>5</eqn><units>kg</units></aux>
    <aux name="lag"><eqn>1</eqn><units>Months</units></aux>
    <aux name="past"><eqn>HISTORY(x, TIME - lag)</eqn><units>kg</units></aux>
    <aux name="past in m"><eqn>HISTORY(x, TIME - lag)</eqn><units>m</units></aux>
    <aux name="at a mass"><eqn>HISTORY(x, x)</eqn><units>kg</units></aux>
  </variables></model>
</xmile>`);
    expect(checkUnits(ir).map((i) => `${i.variable}: ${i.message}`)).toEqual([
      'past in m: equation gives kg, declared m',
      'at a mass: HISTORY time in kg, not Month',
    ]);
  });
});
