/**
 * XMILE conveyors, each model written for this test from the semantics in conveyors.ts and
 * src/sd/run/conveyor-belt.ts (isee's conveyor computation help and its note on steady-state
 * initialisation); expected values worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { causalGraph } from '../analyze/structure/index.js';
import { writeVensim } from '../vensim/writer.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';
import { close, firstDiagnostic, xmileDoc } from './test-support.js';
import { beltModel, errorOf, run } from '../run/test-support/xmile-conveyors.js';

describe('continuous conveyors', () => {
  it('releases each DT of inflow after the transit time; the initial content leaves evenly', () => {
    const col = run(xmileDoc(beltModel({ init: '30', len: '3', inflow: 'STEP(6, 2)' }), { stop: 8 }));
    // n = 3 slats of 30/3 = 10 leave at t = 0, 1, 2; the inflow of t (0, 0, then 6 from t = 2)
    // leaves at t + 3: unloading = 10, 10, 10, 0, 0, 6, 6, 6, 6.
    close(col('unloading'), [10, 10, 10, 0, 0, 6, 6, 6, 6]);
    // Belt(t+1) = Belt + loading − unloading: 30, 20, 10, 6, 12, 18, 18, 18, 18.
    close(col('Belt'), [30, 20, 10, 6, 12, 18, 18, 18, 18]);
  });

  it('linear leak: the steady-state value of isee\'s note is an equilibrium', () => {
    // Transit 4, DT 1 (n = 4), inflow 100, leak fraction 0.2: leakage = 0.2 × 100 = 20,
    // content = 4 × 100 − (4 − 1) × 20 × 1 / 2 = 370, outflow = (1 − 0.2) × 100 = 80.
    const col = run(xmileDoc(beltModel({ init: '370', len: '4', inflow: '100', leaks: [{ name: 'spilling', eqn: '0.2' }] }), { stop: 6 }));
    close(col('Belt'), Array(7).fill(370));
    close(col('unloading'), Array(7).fill(80));
    close(col('spilling'), Array(7).fill(20));
  });

  it('linear leak from an empty belt: each DT of inflow loses fraction × entered / n per step', () => {
    const col = run(xmileDoc(beltModel({ init: '0', len: '4', inflow: '100', leaks: [{ name: 'spilling', eqn: '0.2' }] }), { stop: 6 }));
    // Each slat of 100 leaks 0.2 × 100 / 4 = 5 per step for 4 steps and leaves with 80 at t + 4.
    // Slats on the belt at t = 1, 2, 3, 4+: 1, 2, 3, 4 → spilling 0, 5, 10, 15, 20, 20, 20.
    close(col('spilling'), [0, 5, 10, 15, 20, 20, 20]);
    close(col('unloading'), [0, 0, 0, 0, 80, 80, 80]);
    // 0, 100, 195, 285, 370 (= the steady value above), then 370 + 100 − 80 − 20 = 370.
    close(col('Belt'), [0, 100, 195, 285, 370, 370, 370]);
  });

  it('exponential leak: each DT a slat loses fraction × DT of what it holds', () => {
    const doc = xmileDoc(beltModel({ init: '0', len: '2', inflow: '100', attrs: ' exponential_leak="true"', leaks: [{ name: 'decay', eqn: '0.1' }] }), { stop: 3, dt: '<dt>0.5</dt>' });
    const col = run(doc);
    // n = 2 / 0.5 = 4; a slat of 100 × 0.5 = 50 loses 5% per step: 47.5, 45.125, 42.86875,
    // and leaves at step 4 (t = 2) with 40.7253125, a rate of 81.450625 (= 100 × 0.95^4).
    close(col('unloading'), [0, 0, 0, 0, 81.450625, 81.450625, 81.450625]);
    // decay at t = 0.5: 2.5 / 0.5 = 5; at t = 1: (2.375 + 2.5) / 0.5 = 9.75;
    // at t = 1.5: (2.25625 + 2.375 + 2.5) / 0.5 = 14.2625; from t = 2 four slats: 16.5 + 2.1434375·2.
    close(col('decay').slice(0, 4), [0, 5, 9.75, 14.2625]);
    close(col('decay').slice(4), Array(3).fill((2.1434375 + 2.25625 + 2.375 + 2.5) / 0.5));
  });

  it('a transit time that changes applies to what enters from then on', () => {
    const col = run(xmileDoc(beltModel({ init: '0', len: 'IF TIME &lt; 2 THEN 3 ELSE 1', inflow: 'TIME + 1' }), { stop: 6 }));
    // Inflow at t is t + 1. Entered at t = 0, 1 (transit 3) leave at t = 3, 4; entered at
    // t = 2, 3, 4, 5 (transit 1) leave at 3, 4, 5, 6. So at t = 3: 1 + 3 = 4; at t = 4: 2 + 4 = 6.
    close(col('unloading'), [0, 0, 0, 4, 6, 5, 6]);
  });
});

describe('conveyors among other stocks', () => {
  it("one conveyor's outflow fills the next; each delays by its own transit time", () => {
    const col = run(
      xmileDoc(
        `<stock name="First"><eqn>0</eqn><inflow>feed</inflow><outflow>passing</outflow><conveyor><len>2</len></conveyor></stock>
         <stock name="Second"><eqn>0</eqn><inflow>passing</inflow><outflow>leaving</outflow><conveyor><len>1</len></conveyor></stock>
         <flow name="feed"><eqn>10</eqn></flow><flow name="passing"/><flow name="leaving"/>`,
        { stop: 5 },
      ),
    );
    // passing(t) = feed(t − 2) from t = 2; leaving(t) = passing(t − 1) from t = 3.
    close(col('passing'), [0, 0, 10, 10, 10, 10]);
    close(col('leaving'), [0, 0, 0, 10, 10, 10]);
    close(col('Second'), [0, 0, 0, 10, 10, 10]);
  });

  it("a non-negative stock fed by a conveyor counts the conveyor's outflow as available", () => {
    const col = run(
      xmileDoc(
        `<stock name="Waiting"><eqn>0</eqn><inflow>unloading</inflow><outflow>loading</outflow><non_negative/></stock>
         <stock name="Belt"><eqn>20</eqn><inflow>loading</inflow><outflow>unloading</outflow><conveyor><len>2</len></conveyor></stock>
         <flow name="loading"><eqn>5</eqn></flow><flow name="unloading"/>`,
        { stop: 4 },
      ),
    );
    // Belt: slats of 10 leave at t = 0, 1. At t = 0 Waiting is empty but 10 arrive:
    // loading = MIN(5, 0/DT + 10) = 5 (the belt's outflow does not depend on this step's loading).
    close(col('loading'), [5, 5, 5, 5, 5]);
    close(col('unloading'), [10, 10, 5, 5, 5]);
    // Waiting: 0, 0 + 10 − 5 = 5, 5 + 10 − 5 = 10, then 10 + 5 − 5 = 10.
    close(col('Waiting'), [0, 5, 10, 10, 10]);
  });
});

describe('conveyor options not supported stop with a located error', () => {
  it.each([
    ['arrest', beltModel({ init: '0', len: '2', inflow: '1', options: '<arrest>0</arrest>' }), 'E_UNSUPPORTED', 12, 31, 'arrest'],
    ['sample', beltModel({ init: '0', len: '2', inflow: '1', options: '<sample>1</sample>' }), 'E_UNSUPPORTED', 12, 31, 'sampled'],
    ['discrete with an initial value', beltModel({ init: '5', len: '2', inflow: '1', attrs: ' discrete="true"' }), 'E_UNSUPPORTED', 12, 9, 'discrete'],
    ['batch integrity', beltModel({ init: '0', len: '2', inflow: '1', attrs: ' batch_integrity="true"' }), 'E_UNSUPPORTED', 12, 9, 'batch integrity'],
    ['integer leaks', beltModel({ init: '0', len: '2', inflow: '1', leaks: [{ name: 'l', eqn: '0.1', extra: '<leak_integers/>' }] }), 'E_UNSUPPORTED', 15, 43, 'whole units'],
  ])('%s', (_what, vars, code, line, column, mentions) => {
    const e = errorOf(xmileDoc(vars));
    expect([e.code, e.file, e.line, e.column]).toEqual([code, 'conveyor.xmile', line, column]);
    expect(e.message).toContain(mentions);
  });

  it('Runge-Kutta in <sim_specs> is refused at the conveyor', () => {
    const e = errorOf(xmileDoc(beltModel({ init: '0', len: '2', inflow: '1' }), { simAttrs: 'method="RK4"' }));
    expect([e.code, e.line, e.column]).toEqual(['E_UNSUPPORTED', 12, 9]);
    expect(e.message).toContain('Euler');
  });

  it('Runge-Kutta asked for at run time is refused naming the conveyor outflow', () => {
    const e = errorOf(xmileDoc(beltModel({ init: '0', len: '2', inflow: '1' })), 'rk4');
    expect(e.code).toBe('E_UNSUPPORTED');
    expect(e.message).toContain('unloading');
    expect(e.line).toBe(14);
  });
});

describe('writing a model with a conveyor', () => {
  const ir = readXmile(xmileDoc(beltModel({ init: '0', len: '2', inflow: '1' })), 'conveyor.xmile');
  it('with a leak, is refused as .mdl at the conveyor, naming DELAY CONVEYOR and why it differs (en/es)', () => {
    const leaking = readXmile(xmileDoc(beltModel({ init: '0', len: '2', inflow: '1', leaks: [{ name: 'spilling', eqn: '0.1' }] })), 'conveyor.xmile');
    const d = firstDiagnostic(() => writeVensim(leaking));
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', 'conveyor.xmile', 11]); // the <stock> line
    expect(d.message).toContain('Belt is an XMILE conveyor with leaks');
    expect(d.message).toContain('fn_delay_conveyor');
    expect(d.messageEs).toContain('Belt es una cinta transportadora (conveyor) XMILE con fugas');
  });

  it('without leaks or limits, is written as .mdl with DELAY CONVEYOR and a flat initial profile', () => {
    const mdl = writeVensim(ir);
    expect(mdl).toMatch(/unloading\s*=\s*DELAY CONVEYOR\(loading, 2, 0, Belt initial profile, 0, 2\)/);
    expect(mdl).toMatch(/Belt initial profile\(\s*\(0,\s*1\),\s*\(1,\s*1\)\)/);
    // The generated profile's comment is in both languages.
    expect(mdl).toContain('lays its initial content evenly over its transit time');
    expect(mdl).toContain('reparte su contenido inicial por igual a lo largo de su tiempo de tránsito');
  });

  it('is written as XMILE with its <conveyor> and runs the same after reading it again', () => {
    const text = writeXmile(ir);
    expect(text).toContain('<outflow>unloading</outflow><conveyor><len>2</len></conveyor>');
    close(run(text)('unloading'), run(xmileDoc(beltModel({ init: '0', len: '2', inflow: '1' })))('unloading'));
  });
});

describe('conveyors in structure analysis', () => {
  it('a leak depends on its conveyor and its fraction, not on the conveyor outflow', () => {
    const ir = readXmile(
      xmileDoc(`${beltModel({ init: '0', len: '2', inflow: '1', leaks: [{ name: 'spilling', eqn: 'spill rate' }] })}
      <aux name="spill rate"><eqn>0.1</eqn></aux>`),
      'conveyor.xmile',
    );
    const g = causalGraph(ir);
    const causes = (n: string) => (g.in.get(n) ?? []).filter((l) => !l.initialOnly).map((l) => l.from).sort();
    expect(causes('spilling')).toEqual(['belt', 'spill rate']);
    expect(causes('unloading')).toEqual(['belt', 'loading', 'spill rate']);
  });
});
