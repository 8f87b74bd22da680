/**
 * The XMILE writer on stocks read with `<non_negative/>` (XMILE 1.0 §4.2): written back with their
 * lists and the flag, each limited flow with its own equation, and the written file, read again,
 * gives the same columns with identical values. The limit binds in these models (the stocks reach
 * zero), so a file written without it would differ.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';
import { columnReader, xmileDoc } from './test-support.js';
import { sameResults } from '../../conformance/same-results.js';

const doc = (dimensions: string, vars: string) => xmileDoc(vars, { stop: 10, dt: '<dt>0.25</dt>', dimensions });

/** A tank drained faster than it fills by two outflows (in priority order), feeding a second, non-negative tank. */
const tanks = doc(
  '',
  `<stock name="Tank"><eqn>5</eqn><inflow>filling</inflow><outflow>drain</outflow><outflow>spill</outflow><non_negative/></stock>
   <stock name="Basin"><eqn>1</eqn><inflow>drain</inflow><outflow>pumping</outflow><non_negative/></stock>
   <flow name="filling"><eqn>1</eqn><multiplier>0.5</multiplier></flow>
   <flow name="drain"><eqn>2</eqn></flow>
   <flow name="spill"><eqn>1.5</eqn></flow>
   <flow name="pumping"><eqn>3 + TIME</eqn></flow>`,
);

/** An arrayed non-negative stock, one element emptied. */
const arrayed = doc(
  '<dim name="Site"><elem name="North"/><elem name="South"/></dim>',
  `<stock name="Store"><dimensions><dim name="Site"/></dimensions><eqn>4</eqn><outflow>use</outflow><non_negative/></stock>
   <flow name="use"><dimensions><dim name="Site"/></dimensions><element subscript="North"><eqn>1</eqn></element><element subscript="South"><eqn>0.2</eqn></element></flow>`,
);

const run = (text: string) => compileXmile(text).model.run();
const column = (text: string, name: string) => columnReader(run(text))(name);

describe('XMILE writer: non-negative stocks', () => {
  it('writes <non_negative/> stocks back with their lists, priorities and multipliers', () => {
    const written = writeXmile(readXmile(tanks, 'tanks.xmile'));
    expect(written).toContain('<inflow>filling</inflow><outflow>drain</outflow><outflow>spill</outflow><non_negative/>');
    expect(written).toContain('<flow name="filling"><eqn>1</eqn><multiplier>0.5</multiplier></flow>');
    expect(written).toContain('<flow name="drain"><eqn>2</eqn></flow>');
    expect(written).not.toMatch(/nnout|nnrate|net_flow/);
    expect(sameResults(run(tanks), run(written))).toBeUndefined();
    // The limit binds: the tank empties and the spill then takes only what is left.
    expect(Math.min(...column(tanks, 'Tank'))).toBe(0);
    expect(column(tanks, 'spill').at(-1)).toBeLessThan(1.5);
  });

  it('writes an arrayed non-negative stock back', () => {
    const written = writeXmile(readXmile(arrayed, 'arrayed.xmile'));
    expect(written).toContain('<outflow>use</outflow><non_negative/>');
    expect(sameResults(run(arrayed), run(written))).toBeUndefined();
    expect(column(arrayed, 'Store[North]').at(-1)).toBe(0);
  });
});
