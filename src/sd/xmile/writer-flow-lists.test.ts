/**
 * The XMILE writer on two shapes a Stella file commonly has (found in the corpus's bptk models):
 * a stock without flows, and a non-negative arrayed flow whose equation names another array
 * bare (the current element). Each is written with its own flow lists, no generated net flow, and
 * the written file, read again, gives the same columns with identical values.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';

const doc = (dims: string, vars: string) => `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>IGEM tests</vendor><product version="1">hand-written</product></header>
  <sim_specs method="Euler" time_units="Months"><start>0</start><stop>6</stop><dt>0.5</dt></sim_specs>
  ${dims}
  <model><variables>${vars}</variables></model>
</xmile>`;

/** A capacity that never changes, beside a stock that grows toward it. */
const noFlows = doc(
  '',
  `<stock name="Capacity"><eqn>200</eqn></stock>
   <stock name="Output"><eqn>10</eqn><inflow>growth</inflow></stock>
   <flow name="growth"><eqn>0.3 * Output * (1 - Output / Capacity)</eqn></flow>`,
);

/** Starts over [Product, Country] are each element's own rate, never negative (the -2 is cut to 0). */
const bareInNonNegative = doc(
  '<dimensions><dim name="Product"><elem name="1"/><elem name="2"/></dim><dim name="Country"><elem name="Peru"/><elem name="Chile"/></dim></dimensions>',
  `<aux name="start rate"><dimensions><dim name="Product"/><dim name="Country"/></dimensions>
     <element subscript="1, Peru"><eqn>10</eqn></element><element subscript="1, Chile"><eqn>-2</eqn></element>
     <element subscript="2, Peru"><eqn>4</eqn></element><element subscript="2, Chile"><eqn>7</eqn></element></aux>
   <stock name="Work"><dimensions><dim name="Product"/><dim name="Country"/></dimensions><eqn>0</eqn><inflow>starts</inflow><outflow>finishing</outflow></stock>
   <flow name="starts"><dimensions><dim name="Product"/><dim name="Country"/></dimensions><eqn>start_rate</eqn><non_negative/></flow>
   <flow name="finishing"><dimensions><dim name="Product"/><dim name="Country"/></dimensions><eqn>Work / 2</eqn><non_negative/></flow>`,
);

function run(text: string) {
  const r = compileXmile(text).model.run();
  return { names: r.names, time: Array.from(r.time), series: r.names.map((n) => Array.from(r.get(n)!)) };
}

describe('XMILE writer: flow lists for Stella-shaped stocks', () => {
  it('writes a stock without flows with no flows, not a generated net flow', () => {
    const written = writeXmile(readXmile(noFlows, 'no-flows.xmile'));
    expect(written).toContain('<stock name="Capacity"><eqn>200</eqn></stock>');
    expect(written).not.toContain('net_flow');
    expect(run(written)).toEqual(run(noFlows));
  });

  it('writes a bare array inside the non-negative MAX with its subscripts, and keeps the flow lists', () => {
    const written = writeXmile(readXmile(bareInNonNegative, 'bare.xmile'));
    expect(written).toContain('MAX(0, start_rate[Product, Country])');
    expect(written).toContain('<inflow>starts</inflow><outflow>finishing</outflow>');
    expect(written).not.toContain('net_flow');
    const a = run(bareInNonNegative);
    expect(run(written)).toEqual(a);
    // The cut is real: Work[1, Chile] never receives the negative start.
    expect(a.series[a.names.indexOf('starts[1,Chile]')]!.every((v) => v === 0)).toBe(true);
  });
});
