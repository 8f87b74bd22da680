/**
 * XMILE queues (queues.ts). The models in queue-fixtures/ were written for this test from the
 * rules queues.ts cites; the expected values are worked out by hand below. Conveyor timing
 * (src/sd/run/conveyor-belt.ts): a conveyor's outflow at t is what entered at t − transit; its
 * room for inflow is (capacity − content)/DT + its outflow (conveyor-inflow-limits.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { errorOf, run } from '../run/test-support/xmile-conveyors.js';
import { close, columnReader, xmileDoc } from './test-support.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'queue-fixtures', name), 'utf8');
const runFixture = (name: string) => columnReader(compileXmile(fixture(name), { file: name }).model.run());

describe('XMILE queues', () => {
  it('a queue feeding a conveyor with a capacity holds what the conveyor has no room for', () => {
    const col = runFixture('queue-to-conveyor-capacity.xmile');
    // arriving 10 a day; Ride: transit 2, capacity 15. boarding = MIN(Waiting + 10, 15 − Ride + alighting):
    // t0: MIN(10, 15) = 10; t1: MIN(10, 15 − 10 + 0) = 5; t2: alighting = boarding(0) = 10, MIN(15, 0 + 10) = 10;
    // t3: alighting 5 → 5; t4: 10; t5: 5; t6: 10. Waiting(t+1) = Waiting + 10 − boarding.
    close(col('boarding'), [10, 5, 10, 5, 10, 5, 10]);
    close(col('alighting'), [0, 0, 10, 5, 10, 5, 10]);
    close(col('Waiting'), [0, 0, 5, 5, 10, 10, 15]);
    close(col('Ride'), [0, 10, 15, 15, 15, 15, 15]);
  });

  it('several inflows enter in the same DT, a negative one as nothing; the overflow takes what the inflow limit refused', () => {
    const col = runFixture('queue-inflows-and-overflow.xmile');
    // All of a DT's inflows join the back of the queue in that DT: 3 + 2 + MAX(0, −5) = 5. isee puts
    // walk_ins' batch in front of referrals' (the first listed first); which batch is in front
    // changes no value here, as a conveyor without batch_integrity takes any amount from the front.
    close(col('returns'), [0, 0, 0, 0, 0]);
    // served ≤ in_limit 4; turned_away = what is left: t0 (4 + 5) − 4 = 5, then (0 + 5) − 4 = 1.
    close(col('served'), [4, 4, 4, 4, 4]);
    close(col('turned_away'), [5, 1, 1, 1, 1]);
    close(col('Line'), [4, 0, 0, 0, 0]);
    // Desk (transit 1): done(t) = served(t − 1); Desk = 0, 4, 4, …
    close(col('done'), [0, 4, 4, 4, 4]);
    close(col('Desk'), [0, 4, 4, 4, 4]);
  });

  it('a queue releases only when the conveyor downstream has room, and never more than it holds', () => {
    const col = runFixture('queue-limited-downstream.xmile');
    // Backlog 20, no inflow; Oven: transit 3, capacity 6. Room opens every third DT as a batch of
    // 6 bakes: release 6 at t0, t3, t6, and the last 2 at t9.
    close(col('release'), [6, 0, 0, 6, 0, 0, 6, 0, 0, 2, 0]);
    close(col('Backlog'), [20, 14, 14, 14, 8, 8, 8, 2, 2, 2, 0]);
    close(col('baked'), [0, 0, 0, 6, 0, 0, 6, 0, 0, 6, 0]);
    close(col('Oven'), [0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 2]);
  });

  it('an arrayed queue is one queue per element', () => {
    const col = runFixture('queue-arrayed.xmile');
    // A: 5 held, 1 joining, room 100: all 6 enter at t0, then 1 a day; the queue stays empty.
    close(col('entering[A]'), [6, 1, 1, 1, 1]);
    close(col('Queue[A]'), [5, 0, 0, 0, 0]);
    // B: 4 joining, capacity 3, transit 1: 3 enter each day (3 leave each day from t1); the
    // queue keeps one more each day.
    close(col('entering[B]'), [3, 3, 3, 3, 3]);
    close(col('Queue[B]'), [0, 1, 2, 3, 4]);
    close(col('Hall[B]'), [0, 3, 3, 3, 3]);
  });

  it('an unconstrained outflow empties the queue each DT, this DT\'s arrivals included', () => {
    const col = run(
      xmileDoc(
        `<stock name="Q"><eqn>7</eqn><inflow>arrive</inflow><outflow>leave</outflow><queue/></stock>
         <flow name="arrive"><eqn>TIME</eqn></flow><flow name="leave"><eqn>1</eqn></flow>
         <stock name="Done"><eqn>0</eqn><inflow>leave</inflow></stock>`,
        { stop: 3 },
      ),
    );
    // leave = Q + arrive (DT 1), its own equation (1) ignored: 7, 1, 2, 3; Q = 7, 0, 0, 0.
    close(col('leave'), [7, 1, 2, 3]);
    close(col('Q'), [7, 0, 0, 0]);
    close(col('Done'), [0, 7, 8, 10]);
  });

  it('a multiplier converts units between the queue and the conveyor it fills', () => {
    const col = run(
      xmileDoc(
        `<stock name="Q"><eqn>10</eqn><inflow>a</inflow><outflow>b</outflow><queue/></stock>
         <flow name="a"><eqn>2</eqn><multiplier>3</multiplier></flow><flow name="b"><multiplier>2</multiplier></flow>
         <stock name="C"><eqn>0</eqn><inflow>b</inflow><outflow>out</outflow><conveyor><len>2</len><capacity>10</capacity></conveyor></stock>
         <flow name="out"/>`,
        { stop: 4 },
      ),
    );
    // Q receives 2 × 3 = 6 a DT; C receives b × 2, so b ≤ room / 2. t0: room 10 → b = 5 (C = 10);
    // t1: room 0 + out 0 → 0; t2: out = 10 (what entered at t0) → b = 5; t3: 0; t4: 5.
    close(col('b'), [5, 0, 5, 0, 5]);
    close(col('Q'), [10, 11, 17, 18, 24]);
    close(col('C'), [0, 10, 10, 10, 10]);
  });
});

describe('queue options the documents leave open stop with a located error', () => {
  const queue = (outflows: string, b = '<flow name="b"/>') =>
    `      <stock name="Q"><eqn>1</eqn>${outflows}<queue/></stock>
      <flow name="a"/>
      ${b}`;

  it.each([
    ['a second ordinary outflow', xmileDoc(queue('<outflow>a</outflow><outflow>b</outflow>')), 'E_UNSUPPORTED', 13, 7, 'not an overflow'],
    ['Runge-Kutta', xmileDoc(queue('<outflow>a</outflow>'), { simAttrs: 'method="RK4"' }), 'E_UNSUPPORTED', 11, 55, 'Euler'],
    ['an overflow first', xmileDoc(queue('<outflow>b</outflow>', '<flow name="b"><overflow/></flow>')), 'E_XMILE', 13, 22, 'first outflow'],
    ['an overflow out of no queue', xmileDoc('      <flow name="b"><eqn>1</eqn><overflow/></flow>'), 'E_XMILE', 11, 34, 'not an outflow of a queue'],
    ['a queue feeding a conveyor that keeps batches whole', xmileDoc(queue('<outflow>a</outflow>') + '\n      <stock name="C"><eqn>0</eqn><inflow>a</inflow><outflow>b</outflow><conveyor><len>1</len><batch_integrity/></conveyor></stock>'), 'E_UNSUPPORTED', 14, 95, 'batch integrity'],
    ['a queue that is also a conveyor', xmileDoc('      <stock name="Q"><eqn>1</eqn><queue/><conveyor><len>1</len></conveyor></stock>'), 'E_XMILE', 11, 35, 'both as a queue'],
  ])('%s', (_what, text, code, line, column, mentions) => {
    const e = errorOf(text);
    expect(e.code).toBe(code);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toContain(mentions);
  });
});
