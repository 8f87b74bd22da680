/**
 * False positives found by running the units check on public models (scripts/units-audit.mjs), each
 * with a model of its own: numbers written in equations, Vensim's case-insensitive unit names and
 * `{comments}`, synonym groups that overlap, and units text that cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { readXmile } from '../xmile/reader.js';
import { checkUnits, unitCheck } from './units.js';

const toy = (body: string) =>
  readVensim(`${body}
INITIAL TIME = 0 ~ Month ~ |
FINAL TIME = 10 ~ Month ~ |
TIME STEP = 1 ~ Month [0,?] ~ |
SAVEPER = 1 ~ Month ~ |
`);
const messages = (body: string) => checkUnits(toy(body)).map((i) => `${i.variable}: ${i.message}`);

describe('numbers written in equations (Vensim: a number takes the units its place needs)', () => {
  it('a number added, subtracted or compared takes the units of the other side', () => {
    // `LOG(population + 1, 10)`: Vensim's Units Check flags only the LOG argument, not the sum.
    const body = `pop = 5 ~ Person ~ |
grown = pop + 1 ~ Person ~ |
late = IF THEN ELSE(Time > 5, 10, 50) ~ Month ~ |
share = 1 - frac ~ Dmnl ~ |
frac = 0.2 ~ Dmnl ~ |`;
    expect(messages(body)).toEqual([]);
  });

  it('a number is a pure factor in a product, so a missing units factor is still found', () => {
    expect(messages('pop = 5 ~ Person ~ |\ntwice = 2 * pop ~ Person ~ |\nper = 1 / pop ~ 1/Person ~ |')).toEqual([]);
    expect(messages('pop = 5 ~ Person ~ |\nlife = 15 * pop ~ Month ~ |')).toEqual(['life: equation gives Person, declared Month']);
  });

  it('a stock may start from a number, and a formula of numbers only is a constant', () => {
    expect(messages('S = INTEG(f, 1000) ~ Widget ~ |\nf = 1 ~ Widget/Month ~ |\nrate = 20/1000 ~ 1/Month ~ |')).toEqual([]);
    const r = unitCheck(toy('S = INTEG(f, 1000) ~ Widget ~ |\nf = 1 ~ Widget/Month ~ |\nrate = 20/1000 ~ 1/Month ~ |'));
    expect(r.checked).toBe(1); // only S: f and rate are constants
  });

  it('a number given as a time argument is a time, and as a rate any rate', () => {
    const body = `r = RAMP(1, 10, 60) + 10 ~ Widget/Month ~ |
s = SMOOTH(r, 5) ~ Widget/Month ~ |
d = DELAY FIXED(r, 3, 0) ~ Widget/Month ~ |
k = STEP(1, 70) * r ~ Widget/Month ~ |
S = INTEG(5, 0) ~ Widget ~ |`;
    expect(messages(body)).toEqual([]);
  });

  it('still reports a number that cannot fit: a dimensioned sum compared with a different unit', () => {
    expect(messages('pop = 5 ~ Person ~ |\nt0 = 3 ~ Month ~ |\nx = IF THEN ELSE(pop + 1 > t0, 1, 0) ~ Dmnl ~ |')).toEqual([
      "x: comparison '>': Person and Month do not agree",
    ]);
  });
});

describe('unit names as Vensim and Stella compare them', () => {
  it('ignores case (Vensim reports Nails/Month back as Nails/month) and takes _ as a space', () => {
    expect(messages('d = 5 ~ months ~ |\ns = SMOOTH(x, d) ~ widgets ~ |\nx = 1 ~ Widgets ~ |\ny = x ~ WIDGETS ~ |')).toEqual([]);
    expect(messages('a = 1 ~ million_soles ~ |\nb = a ~ million soles ~ |')).toEqual([]);
  });

  it('ignores a {comment} in the units field', () => {
    expect(messages('base = 6 ~ Month ~ |\nv = 6 + SMOOTH(STEP(base - 6, 2), 1) ~ {6} ~ |')).toEqual([]);
  });

  it('keeps fraction a unit name, as Vensim treats units literally', () => {
    expect(messages('f = 0.5 ~ fraction ~ |\ny = 2 * f ~ Dmnl ~ |')).toEqual(['y: equation gives fraction, declared Dmnl']);
  });

  it('joins synonym groups that share a name (predefined Day/Days and a file group Days/Day) without a cycle', () => {
    const ir = readXmile(`<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs time_units="Days"><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
  <model_units><unit name="Days"><eqn/><alias>Day</alias><alias>d</alias></unit></model_units>
  <model><variables>
    <stock name="Pop"><eqn>100</eqn><inflow>births</inflow><units>People</units></stock>
    <flow name="births"><eqn>Pop * rate</eqn><units>People/Day</units></flow>
    <aux name="rate"><eqn>0.1</eqn><units>1/d</units></aux>
    <aux name="wait"><eqn>1 / rate</eqn><units>Day</units></aux>
  </variables></model>
</xmile>`);
    expect(checkUnits(ir)).toEqual([]);
  });
});

describe('units text that is not units', () => {
  it('is reported where it is declared and leaves the variable unchecked', () => {
    const issues = checkUnits(toy('a = 1 ~ kg/(s ~ |\nb = a * 2 ~ m ~ |\nc = 1 ~ m^x ~ |\nd = c ~ m ~ |'));
    expect(issues.map((i) => `${i.loc?.line}: ${i.variable}: ${i.message}`)).toEqual([
      "1: a: cannot read the units 'kg/(s': '(' without ')'",
      "3: c: cannot read the units 'm^x': a power must be a number",
    ]);
    expect(issues[0]!.messageEs).toBe("no se pueden leer las unidades 'kg/(s': '(' sin ')'");
  });
});
