/**
 * Conveyor options `discrete` and `one_at_a_time` (conveyor-type-accept.ts cites isee's rule).
 * The models in conveyor-fixtures/ were written for this test; expected values are worked out by
 * hand below. Conveyor timing (src/sd/run/conveyor-belt.ts): what enters at t leaves at
 * t + transit; an inflow limit caps what enters each DT (conveyor-inflow-limits.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { beltModel, errorOf } from '../run/test-support/xmile-conveyors.js';
import { close, columnReader, xmileDoc } from './test-support.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'conveyor-fixtures', name), 'utf8');
const runFixture = (name: string) => columnReader(compileXmile(fixture(name), { file: name }).model.run());

describe('discrete conveyors: the type changes only the initial value', () => {
  it('a discrete conveyor that starts empty runs as a continuous one', () => {
    const col = runFixture('discrete-empty.xmile');
    // transit 2, inflow 10 a month: what enters at t leaves at t + 2. Belt 0, 10, 20, then 20 + 10 − 10.
    close(col('loading'), [10, 10, 10, 10, 10]);
    close(col('unloading'), [0, 0, 10, 10, 10]);
    close(col('Belt'), [0, 10, 20, 20, 20]);
  });

  it('discrete="false" is a continuous conveyor, initial value and all', () => {
    const col = columnReader(compileXmile(xmileDoc(beltModel({ init: '20', len: '2', inflow: '10', attrs: ' discrete="false"' }), { stop: 3 }), { file: 'c.xmile' }).model.run());
    // Steady profile of 20 over 2 slats: 10 leaves at t = 0 and 1, then what entered from t = 0.
    close(col('unloading'), [10, 10, 10, 10]);
    close(col('Belt'), [20, 20, 20, 20]);
  });

  it('a discrete conveyor with an initial value stops at the conveyor, naming what the help leaves open', () => {
    const e = errorOf(xmileDoc(beltModel({ init: '20', len: '2', inflow: '10', attrs: ' discrete="true"' })));
    expect([e.code, e.file, e.line, e.column]).toEqual(['E_UNSUPPORTED', 'conveyor.xmile', 12, 9]);
    expect(e.message).toContain('last DT of each conveyor slat');
  });

  it('an initial value given by a name is refused too (it is not known to be 0 when the model is read)', () => {
    const e = errorOf(xmileDoc(`${beltModel({ init: 'start', len: '2', inflow: '1', attrs: ' discrete="true"' })}\n      <aux name="start"><eqn>0</eqn></aux>`));
    expect([e.code, e.line]).toEqual(['E_UNSUPPORTED', 12]);
  });
});

describe('one at a time: applies only to inflows from queues', () => {
  it('fed from an ordinary stock, the option changes nothing; the inflow limit still applies', () => {
    const col = runFixture('one-at-a-time-no-queue.xmile');
    // loading = MIN(5, in_limit 4) = 4; transit 3: unloading 4 from t = 3; Belt 0, 4, 8, 12, 12, 12.
    close(col('loading'), [4, 4, 4, 4, 4, 4]);
    close(col('unloading'), [0, 0, 0, 4, 4, 4]);
    close(col('Belt'), [0, 4, 8, 12, 12, 12]);
    close(col('Waiting'), [100, 96, 92, 88, 84, 80]);
  });

  it('fed from a queue, it stops at the option, naming the queue outflow', () => {
    const e = errorOf(
      xmileDoc(`      <stock name="Q"><eqn>1</eqn><outflow>a</outflow><queue/></stock>
      <flow name="a"/>
      <stock name="C"><eqn>0</eqn><inflow>a</inflow><outflow>b</outflow><conveyor><len>1</len><one_at_a_time/></conveyor></stock>
      <flow name="b"/>`),
    );
    expect([e.code, e.line, e.column]).toEqual(['E_UNSUPPORTED', 13, 95]);
    expect(e.message).toContain('next batch in one of the queues');
    expect(e.message).toContain('a');
  });
});
