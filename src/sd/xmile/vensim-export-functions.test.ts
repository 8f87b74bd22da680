/**
 * XMILE as Vensim's export writes it (vensim-export-functions.ts, dimensions.ts): each equation
 * group an empty `<dim name=".Group">`, Vensim-only functions under their Vensim names.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim, compileXmile } from '../run/engine.js';

const doc = (product: string, eqn: string) => `<?xml version="1.0" encoding="utf-8" ?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
	<header>
		<product version="1.0" lang="en">${product}</product>
	</header>
	<sim_specs method="Euler" time_units="Month"><start>0</start><stop>12</stop><dt>1</dt></sim_specs>
	<dimensions>
		<dim name=".Control">
		</dim>
		<dim name=".main">
		</dim>
	</dimensions>
	<model>
		<variables>
			<stock name="Population"><eqn>100</eqn><inflow>Net growth</inflow></stock>
			<aux name="Net_growth"><eqn>${eqn}</eqn></aux>
		</variables>
	</model>
</xmile>`;
const MDL = (eqn: string) => `Population = INTEG(Net growth, 100) ~~|\nNet growth = ${eqn} ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 12 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`;

describe('XMILE written by Vensim', () => {
  it.each([
    ['PULSE_TRAIN(2, 3, 5, 10)', 'PULSE TRAIN(2, 3, 5, 10)'],
    ['XIDZ(Population, 0, 7) + ZIDZ(1, 0)', 'XIDZ(Population, 0, 7) + ZIDZ(1, 0)'],
    ['INTEGER(-Population / 30) + MODULO(Population, 7) + QUANTUM(Population, 4) + POWER(2, 3)', 'INTEGER(-Population / 30) + MODULO(Population, 7) + QUANTUM(Population, 4) + POWER(2, 3)'],
  ])('reads %s with Vensim\'s meaning and skips the empty group dimensions', (xmileEqn, mdlEqn) => {
    const x = compileXmile(doc('Vensim', xmileEqn)).model.run().get('population')!;
    const v = compileVensim(MDL(mdlEqn)).model.run().get('population')!;
    expect(Array.from(x)).toEqual(Array.from(v));
    expect(x[12]).not.toBe(x[0]);
  });

  it('leaves the Vensim names unknown in a file from another product, refused where called', () => {
    let caught: unknown;
    try {
      compileXmile(doc('Stella Architect', 'PULSE_TRAIN(2, 3, 5, 10)'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ModelError);
    const d = (caught as ModelError).diagnostics[0]!;
    expect(d.code).toBe('E_UNKNOWN_FUNCTION');
    expect(d.loc?.line).toBe(16);
  });

  it('still refuses an empty dimension whose name is not a group', () => {
    expect(() => compileXmile(doc('Vensim', '1').replace('name=".main"', 'name="Region"'))).toThrow(/dimension Region has no elements/);
  });
});
