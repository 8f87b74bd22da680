/**
 * The XMILE writer on graphical functions of type extrapolate and discrete (XMILE 1.0 §3.1.4):
 * read from XMILE, written back with their type; from Vensim, a lookup used only through LOOKUP
 * EXTRAPOLATE (or only LOOKUP BACKWARD) is written as a function of that type. A lookup used in
 * several ways is refused; LOOKUP FORWARD reads a mirrored copy of its own and leaves the type alone. Inputs run past the table's ends and between
 * its points, where the types differ, and the runs are compared value for value.
 */
import { describe, expect, it } from 'vitest';
import { thrownModelError } from '../ir/test-support/thrown.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameResults } from '../../conformance/same-results.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';

const xmile = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>IGEM tests</vendor><product version="1">hand-written</product></header>
  <sim_specs method="Euler" time_units="Years"><start>0</start><stop>8</stop><dt>0.5</dt></sim_specs>
  <model><variables>
    <gf name="growth" type="extrapolate"><xscale min="1" max="3"/><yscale min="0" max="10"/><xpts>1,2,3</xpts><ypts>2,5,6</ypts></gf>
    <aux name="stepped"><eqn>TIME</eqn><gf type="discrete"><xscale min="1" max="5"/><yscale min="0" max="9"/><xpts>1,3,5</xpts><ypts>4,9,1</ypts></gf></aux>
    <aux name="grown"><eqn>growth(TIME)</eqn></aux>
    <aux name="also grown"><eqn>growth(TIME / 2)</eqn></aux>
  </variables></model>
</xmile>`;

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 8 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n';
const TABLE = 'tab( (1,2),(2,5),(3,6) ) ~~|\n';

const refusal = (mdl: string): string => thrownModelError(() => writeXmile(compileVensim(mdl + CONTROL).ir)).message;

describe('XMILE writer: graphical function types', () => {
  it('writes extrapolate and discrete functions read from XMILE back with their type', () => {
    const written = writeXmile(readXmile(xmile, 'types.xmile'));
    expect(written).toContain('<gf name="growth" type="extrapolate">');
    expect(written).toContain('type="discrete"');
    expect(written).not.toContain('LOOKUP');
    const a = compileXmile(xmile).model.run();
    expect(sameResults(a, compileXmile(written).model.run())).toBeUndefined();
    // Past the last point the function extrapolates (6 + (8 − 3) × 1 at TIME 8), not held at 6.
    expect(a.get('grown')!.at(-1)).toBe(11);
  });

  it('writes a Vensim lookup used only through LOOKUP EXTRAPOLATE, or only LOOKUP BACKWARD, with that type', () => {
    for (const [fn, type] of [['LOOKUP EXTRAPOLATE', 'extrapolate'], ['LOOKUP BACKWARD', 'discrete']] as const) {
      const first = compileVensim(`${TABLE}y = ${fn}(tab, Time) ~~|\nz = ${fn}(tab, Time / 3) * 2 ~~|\n${CONTROL}`);
      const written = writeXmile(first.ir);
      expect(written).toContain(`<gf name="tab" type="${type}">`);
      expect(sameResults(first.model.run(), compileXmile(written).model.run())).toBeUndefined();
    }
  });

  it('refuses a lookup used in several ways', () => {
    expect(refusal(`${TABLE}y = LOOKUP EXTRAPOLATE(tab, Time) ~~|\nz = tab(Time) ~~|\n`)).toContain('LOOKUP EXTRAPOLATE on a lookup that is also used otherwise');
    expect(refusal(`${TABLE}y = LOOKUP EXTRAPOLATE(tab, Time) ~~|\nz = LOOKUP BACKWARD(tab, Time) ~~|\n`)).toContain('also used otherwise');
  });

  it('keeps the discrete type of a lookup read also through LOOKUP FORWARD (its copy is a function of its own)', () => {
    const first = compileVensim(`${TABLE}y = LOOKUP BACKWARD(tab, Time) ~~|\nz = LOOKUP FORWARD(tab, Time / 2) ~~|\n${CONTROL}`);
    const written = writeXmile(first.ir);
    expect(written).toContain('<gf name="tab" type="discrete">');
    expect(written).toContain('<aux name="z"><eqn>z_lookup_1(-(TIME / 2))</eqn></aux>');
    expect(sameResults(first.model.run(), compileXmile(written).model.run())).toBeUndefined();
  });
});
