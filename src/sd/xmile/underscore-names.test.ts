/**
 * A name written with underscores is the same name written with spaces (as in Vensim; the
 * public corpus model epa-predator-prey is written so): `prey_pop` defined and read as `prey pop`,
 * `"prey pop"` or `prey_pop`, in equations, inflow and outflow lists, dimension and element names,
 * graphical functions and module connections. The writer compares the names it makes the same way.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { close, columnReader, xmileDoc, xmileRefusal } from './test-support.js';

describe('XMILE names: an underscore is a space', () => {
  it('reads a model whose names are defined one way and used the other', () => {
    const doc = xmileDoc(
      `<stock name="prey_pop"><eqn>initial_prey</eqn><inflow>prey births</inflow><outflow>"prey deaths"</outflow></stock>
      <flow name="prey_births"><eqn>"birth rate" * prey_pop</eqn></flow>
      <flow name="prey deaths"><eqn>0.5 * "prey pop" * death_share</eqn></flow>
      <aux name="birth_rate"><eqn>0.1</eqn></aux>
      <aux name="death share"><eqn>0.1</eqn></aux>
      <aux name="initial prey"><eqn>50</eqn></aux>
      <aux name="effect_table"><eqn>prey_pop</eqn><gf><xscale min="0" max="100"/><ypts>0,1</ypts></gf></aux>
      <aux name="read_table"><eqn>LOOKUP("effect table", 50)</eqn></aux>
      <aux name="by_age"><dimensions><dim name="Age Group"/></dimensions><eqn>prey_pop * 2</eqn></aux>
      <aux name="two_ages"><eqn>by_age[young adult] + "by age"[Age_Group.old_age]</eqn></aux>`,
      { stop: 2, dimensions: '<dim name="Age_Group"><elem name="young_adult"/><elem name="old age"/></dim>' },
    );
    const col = columnReader(compileXmile(doc, { file: 'm.xmile' }).model.run());
    // prey pop grows by 0.1 - 0.05 = 5% a step.
    close(col('prey pop'), [50, 52.5, 55.125]);
    close(col('prey_births'), [5, 5.25, 5.5125]);
    close(col('read table'), [0.5, 0.5, 0.5]);
    close(col('two ages'), [200, 210, 220.5]);
    close(col('by_age[young_adult]'), [100, 105, 110.25]);
  });

  it('connects a module input and reads its output whichever way the names are written', () => {
    const doc = xmileDoc(
      `<aux name="outer_value"><eqn>3</eqn></aux>
      <module name="growth_part"><connect to="input_value" from="outer value"/></module>
      <aux name="result"><eqn>growth_part.doubled_value * 10</eqn></aux>`,
      {
        stop: 1,
        macros: `
  <model name="growth part">
    <variables>
      <aux name="input value" access="input"><eqn>0</eqn></aux>
      <aux name="doubled_value" access="output"><eqn>input_value * 2</eqn></aux>
    </variables>
  </model>`,
      },
    );
    close(columnReader(compileXmile(doc, { file: 'm.xmile' }).model.run())('result'), [60, 60]);
  });

  it('the writer refuses a net flow whose name another variable has once underscores are spaces', () => {
    // The stock's rate is no list of flows, so the writer makes a flow `prey_pop net flow`, the
    // name of the variable `prey pop net flow`: written, the reader would find one name twice.
    const d = xmileRefusal('prey_pop = INTEG(r * 2, 1) ~~|\nr = 0.1 ~~|\nprey pop net flow = 3 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n', 'm.mdl');
    expect(d.code).toBe('E_XMILE_WRITE');
    expect(d.loc).toMatchObject({ file: 'm.mdl', line: 1 });
    expect(d.message).toContain("a variable named 'prey_pop net flow' already exists");
    expect(d.messageEs).toContain("ya existe una variable llamada 'prey_pop net flow'");
  });
});
