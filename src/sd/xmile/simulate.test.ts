/**
 * XMILE semantics checked by simulation: the reader's IR run through the ordinary compiler.
 * (Tests may import upward; dependency-cruiser skips test files.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../node/load.js';
import { compileXmile } from '../run/engine.js';
import { close, columnReader, xmileDoc, type DocOptions } from './test-support.js';
import { thrownModelError } from '../ir/test-support/thrown.js';

function run(variables: string, o: DocOptions = {}, seed?: number): (name: string) => number[] {
  const { model } = compileXmile(xmileDoc(variables, o), { file: 'sim.xmile', seed });
  return columnReader(model.run());
}

describe('non-negative stocks', () => {
  it('stop at zero and pass on only what they held; the flow reports what moved', () => {
    const col = run(
      `<stock name="A"><eqn>5</eqn><outflow>f</outflow><non_negative/></stock>
       <stock name="B"><eqn>0</eqn><inflow>f</inflow></stock>
       <flow name="f"><eqn>2</eqn></flow>`,
      { stop: 4 },
    );
    close(col('A'), [5, 3, 1, 0, 0]);
    close(col('B'), [0, 2, 4, 5, 5]);
    close(col('f'), [2, 2, 1, 0, 0]);
  });

  it('clamp each stock when one flow drains several, and leave that flow its own value', () => {
    const col = run(
      `<stock name="A"><eqn>3</eqn><outflow>f</outflow><non_negative/></stock>
       <stock name="B"><eqn>3</eqn><outflow>f</outflow></stock>
       <flow name="f"><eqn>2</eqn></flow>`,
      { stop: 3 },
    );
    close(col('A'), [3, 1, 0, 0]);
    close(col('B'), [3, 1, -1, -3]);
    close(col('f'), [2, 2, 2, 2]);
  });

  it('cost linear time along a long chain', () => {
    const n = 400;
    let vars = '';
    for (let i = 0; i < n; i++) {
      vars += `<stock name="S${i}"><eqn>1</eqn>${i ? `<inflow>f${i - 1}</inflow>` : ''}<outflow>f${i}</outflow><non_negative/></stock><flow name="f${i}"><eqn>2</eqn></flow>`;
    }
    const col = run(vars, { stop: 3 });
    const total = (t: number) => Array.from({ length: n }, (_, i) => col(`S${i}`)[t]!).reduce((a, b) => a + b, 0);
    // Only the last stock's outflow (2 per step) leaves the chain; the empty head passes nothing on.
    close([total(0), total(1), total(2), total(3)], [n, n - 2, n - 4, n - 6]);
    close([col('S0')[1]!, col('S1')[1]!, col('S2')[1]!, col('f0')[1]!, col('f1')[1]!, col('f2')[1]!], [0, 0, 1, 0, 0, 1]);
    expect(Math.min(...Array.from({ length: n }, (_, i) => Math.min(...col(`S${i}`))))).toBeGreaterThanOrEqual(0);
  });

  it('serve outflows in the order listed', () => {
    const col = run(
      `<stock name="A"><eqn>5</eqn><outflow>first</outflow><outflow>second</outflow><non_negative/></stock>
       <stock name="B1"><eqn>0</eqn><inflow>first</inflow></stock>
       <stock name="B2"><eqn>0</eqn><inflow>second</inflow></stock>
       <flow name="first"><eqn>4</eqn></flow>
       <flow name="second"><eqn>4</eqn></flow>`,
      { stop: 2 },
    );
    close(col('A'), [5, 0, 0]);
    close(col('B1'), [0, 4, 4]);
    close(col('B2'), [0, 1, 1]);
  });

  it('count this step\'s inflows as available, and keep mass along a chain', () => {
    const col = run(
      `<stock name="A"><eqn>3</eqn><outflow>ab</outflow><non_negative/></stock>
       <stock name="B"><eqn>0</eqn><inflow>ab</inflow><outflow>bc</outflow><non_negative/></stock>
       <stock name="C"><eqn>0</eqn><inflow>bc</inflow></stock>
       <flow name="ab"><eqn>2</eqn></flow>
       <flow name="bc"><eqn>5</eqn></flow>`,
      { stop: 3 },
    );
    close(col('A'), [3, 1, 0, 0]);
    close(col('B'), [0, 0, 0, 0]);
    close(col('C'), [0, 2, 3, 3]);
  });

  it('may go negative when <non_negative>false</non_negative> overrides <behavior>', () => {
    const col = run('<stock name="A"><eqn>1</eqn><outflow>f</outflow><non_negative>false</non_negative></stock><flow name="f"><eqn>2</eqn></flow>', {
      stop: 2,
      behavior: '<non_negative/>',
    });
    close(col('A'), [1, -1, -3]);
  });
});

describe('XMILE built-ins where Stella and Vensim differ', () => {
  it('INT is floor and MOD is floored (XMILE 1.0 §3.3.1, §3.5.1)', () => {
    const col = run('<aux name="i"><eqn>INT(-9.9)</eqn></aux><aux name="m"><eqn>-9.9 MOD 3</eqn></aux><aux name="n"><eqn>7 mod -3</eqn></aux><aux name="k"><eqn>MOD(7, 3)</eqn></aux>', { stop: 0 });
    close(col('i'), [-10]);
    close(col('m'), [2.1]);
    close(col('n'), [-2]);
    close(col('k'), [1]);
  });

  it('PULSE is an impulse of magnitude/DT, repeated at the interval', () => {
    const col = run(
      `<aux name="once"><eqn>PULSE(20, 2)</eqn></aux>
       <aux name="train"><eqn>PULSE(10, 1, 3)</eqn></aux>
       <stock name="got"><eqn>0</eqn><inflow>gain</inflow></stock><flow name="gain"><eqn>once</eqn></flow>`,
      { stop: 8, dt: '<dt>0.5</dt>' },
    );
    const once = col('once');
    expect(once.filter((x) => x !== 0)).toEqual([40]);
    expect(once.indexOf(40)).toBe(4);
    expect(col('got').at(-1)).toBeCloseTo(20, 9);
    const train = col('train');
    expect(train.map((x, i) => (x ? i * 0.5 : -1)).filter((t) => t >= 0)).toEqual([1, 4, 7]);
  });

  it('RAMP has no end, STEP steps, PREVIOUS lags one DT', () => {
    const col = run('<aux name="r"><eqn>RAMP(2, 5)</eqn></aux><aux name="s"><eqn>STEP(6, 3)</eqn></aux><aux name="p"><eqn>PREVIOUS(TIME * 10, -1)</eqn></aux>', { stop: 8 });
    close(col('r'), [0, 0, 0, 0, 0, 0, 2, 4, 6]);
    close(col('s'), [0, 0, 0, 6, 6, 6, 6, 6, 6]);
    close(col('p'), [-1, 0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('DELAY is a fixed delay starting from the input (or the given initial value)', () => {
    const col = run('<aux name="d"><eqn>DELAY(TIME + 1, 2)</eqn></aux><aux name="d0"><eqn>DELAY(TIME + 1, 2, 0)</eqn></aux>', { stop: 4 });
    close(col('d'), [1, 1, 1, 2, 3]);
    close(col('d0'), [0, 0, 1, 2, 3]);
  });

  it('smooths and delays start from the input unless given an initial value', () => {
    const col = run(
      `<aux name="x"><eqn>5 + STEP(5, 2)</eqn></aux>
       <aux name="s1"><eqn>SMTH1(x, 2)</eqn></aux><aux name="s1i"><eqn>SMTH1(x, 2, 0)</eqn></aux>
       <aux name="s3"><eqn>SMTH3(x, 3)</eqn></aux><aux name="sn"><eqn>SMTHN(x, 3, 3)</eqn></aux>
       <aux name="dn"><eqn>DELAYN(x, 3, 3)</eqn></aux><aux name="d3"><eqn>DELAY3(x, 3)</eqn></aux>`,
      { stop: 6 },
    );
    close(col('s1'), [5, 5, 5, 7.5, 8.75, 9.375, 9.6875]);
    close(col('s1i'), [0, 2.5, 3.75, 6.875, 8.4375, 9.21875, 9.609375]);
    close(col('sn'), col('s3'));
    close(col('dn'), col('d3'));
    expect(col('s3')[0]).toBe(5);
  });

  it('LOGNORMAL takes the mean and deviation of the distribution itself', () => {
    const xs = run('<aux name="x"><eqn>LOGNORMAL(10, 2)</eqn></aux>', { stop: 39_999 }, 11)('x');
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - 10)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });
});

describe('graphical functions by type', () => {
  it('clamps (continuous), extrapolates, or holds the lower step (discrete)', () => {
    const gf = (type: string) => `<gf type="${type}"><xpts>0,1,2</xpts><ypts>0,10,40</ypts></gf>`;
    const col = run(
      `<aux name="c"><eqn>TIME - 1</eqn>${gf('continuous')}</aux>
       <aux name="e"><eqn>TIME - 1</eqn>${gf('extrapolate')}</aux>
       <aux name="d"><eqn>(TIME - 1) / 2</eqn>${gf('discrete')}</aux>`,
      { stop: 4 },
    );
    close(col('c'), [0, 0, 10, 40, 40]);
    close(col('e'), [-10, 0, 10, 40, 70]);
    close(col('d'), [0, 0, 0, 10, 10]);
  });
});

describe('integration method and arrays', () => {
  it('runs the method the file states (RK4 integrates Time exactly)', () => {
    const vars = '<stock name="s"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>TIME</eqn></flow>';
    close(run(vars, { stop: 2, simAttrs: 'method="RK4"' })('s'), [0, 0.5, 2]);
    close(run(vars, { stop: 2 })('s'), [0, 0, 1]);
  });

  it('sums, averages and measures arrays', () => {
    const col = run(
      `<aux name="v"><dimensions><dim name="N"/></dimensions><eqn>N * N</eqn></aux>
       <aux name="total"><eqn>SUM(v[*])</eqn></aux><aux name="avg"><eqn>MEAN(v)</eqn></aux>
       <aux name="sd"><eqn>STDDEV(v)</eqn></aux><aux name="count"><eqn>SIZE(v)</eqn></aux>
       <aux name="top"><eqn>MAX(v)</eqn></aux><aux name="share"><dimensions><dim name="N"/></dimensions><eqn>v / SUM(v[*])</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="N" size="3"/>' },
    );
    close(col('total'), [14]);
    close(col('avg'), [14 / 3]);
    close(col('sd'), [Math.sqrt(((1 - 14 / 3) ** 2 + (4 - 14 / 3) ** 2 + (9 - 14 / 3) ** 2) / 3)]);
    close(col('count'), [3]);
    close(col('top'), [9]);
    close(col('share[2]'), [4 / 14]);
  });

  it('simulates a macro with its own stock like the built-in it mirrors', () => {
    const col = run('<aux name="x"><eqn>STEP(10, 1)</eqn></aux><aux name="mine"><eqn>MYSMOOTH(x, 2)</eqn></aux><aux name="builtin"><eqn>SMTH1(x, 2)</eqn></aux>', {
      stop: 5,
      macros: `<macro name="MYSMOOTH"><parm>input</parm><parm>t</parm><eqn>s</eqn><variables>
        <stock name="s"><eqn>input</eqn><inflow>change</inflow></stock><flow name="change"><eqn>(input - s) / t</eqn></flow></variables></macro>`,
    });
    close(col('mine'), col('builtin'));
  });
});

describe('loading XMILE from files and text (src/sd/node/load.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igem-xmile-'));
  const doc = xmileDoc('<stock name="s"><eqn>1</eqn><inflow>f</inflow></stock><flow name="f"><eqn>s * 0.5</eqn></flow>', { stop: 2 });

  it.each(['m.xmile', 'm.stmx', 'm.itmx'])('reads %s by its extension', (name) => {
    const file = join(dir, name);
    writeFileSync(file, doc);
    expect(Array.from(loadModel(file).run().get('s')!)).toEqual([1, 1.5, 2.25]);
  });

  it('reads XMILE given as text', () => {
    expect(Array.from(loadModel(doc).run().get('s')!)).toEqual([1, 1.5, 2.25]);
  });

  it('reports a broken file with its path, line and column', () => {
    const file = join(dir, 'broken.stmx');
    writeFileSync(file, doc.replace('<eqn>s * 0.5</eqn>', '<eqn>s * </eqn>'));
    const d = thrownModelError(() => loadModel(file)).diagnostics[0]!;
    expect([d.code, d.loc?.file, d.loc?.line, d.loc?.column]).toEqual(['E_SYNTAX', file, 11, 79]);
  });

  it('names the formats it reads for an unknown extension', () => {
    const file = join(dir, 'm.txt');
    writeFileSync(file, doc);
    expect(() => loadModel(file)).toThrow(/\.mdl and XMILE \.xmile, \.stmx, \.itmx/);
  });
});
