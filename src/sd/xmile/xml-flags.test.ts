/**
 * One rule for XMILE's yes/no options (xml-flags.ts): a child element that is empty or holds
 * true is on, false is off, anything else is a located E_XMILE error; an attribute is on for
 * true, off for false, an error otherwise. Each option on a small model of our own, values by hand.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { beltModel, run } from '../run/test-support/xmile-conveyors.js';
import { readModelUnits } from './model-units.js';
import { SourceText } from './source-text.js';
import { close, firstDiagnostic, xmileDoc } from './test-support.js';
import { child, parseXml } from './xml-tree.js';

/** 1-based line and column of the first `needle` in `doc`. */
function where(doc: string, needle: string): { line: number; column: number } {
  const at = doc.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = doc.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The refusal of `doc`: code, both messages and where. */
function refusal(doc: string) {
  const d = firstDiagnostic(() => compileXmile(doc, { file: 'flags.xmile' }).model.run());
  return { code: d.code, message: d.message, messageEs: d.messageEs ?? '', file: d.loc?.file, line: d.loc?.line, column: d.loc?.column };
}

/** A stock of 100 drained by `drain` (10 a month), with `options` inside the flow. */
const drained = (options: string) => `<stock name="S"><eqn>100</eqn><outflow>drain</outflow></stock>
<flow name="drain"><eqn>10</eqn>${options}</flow>`;

describe('<leak>: the silent wrong answer of issue 15', () => {
  it('<leak>false</leak> is not a leak: the flow drains its stock as any flow does', () => {
    // Before, any <leak> child made the flow a leak, so this stopped with "marked as a leak but
    // is not an outflow of a conveyor". S = 100, 90, …, 60.
    const col = run(xmileDoc(drained('<leak>false</leak>'), { stop: 4 }));
    close(col('S'), [100, 90, 80, 70, 60]);
    close(col('drain'), [10, 10, 10, 10, 10]);
  });

  it('<leak>false</leak> on a conveyor outflow is a second ordinary outflow, not a leak', () => {
    const doc = xmileDoc(beltModel({ init: '0', len: '4', inflow: '100' }).replace('<outflow>unloading</outflow>', '<outflow>unloading</outflow><outflow>spilling</outflow>') + '\n<flow name="spilling"><eqn>0.2</eqn><leak>false</leak></flow>', { stop: 2 });
    const d = refusal(doc);
    expect([d.code, d.message]).toEqual(['E_XMILE', 'conveyor Belt has two outflows that are not leaks (unloading and spilling); a conveyor has one']);
  });

  it('<leak>true</leak>, <leak> TRUE </leak> and <leak/> are the same leak', () => {
    // isee's steady state (conveyors.test.ts): transit 4, inflow 100, fraction 0.2 → leak 20, outflow 80.
    const leaky = (mark: string) => run(xmileDoc(beltModel({ init: '370', len: '4', inflow: '100', leaks: [{ name: 'spilling', eqn: '0.2' }] }).replace('<leak/>', mark), { stop: 3 }));
    for (const mark of ['<leak/>', '<leak>true</leak>', '<leak> TRUE </leak>']) {
      const col = leaky(mark);
      close(col('spilling'), [20, 20, 20, 20]);
      close(col('unloading'), [80, 80, 80, 80]);
    }
  });

  it('<leak>0.2</leak> is neither on nor off: a located error in both languages, not a guess', () => {
    const doc = xmileDoc(beltModel({ init: '370', len: '4', inflow: '100', leaks: [{ name: 'spilling', eqn: '0.2' }] }).replace('<leak/>', '<leak>0.2</leak>'), { stop: 3 });
    const d = refusal(doc);
    expect(d.code).toBe('E_XMILE');
    expect(d.message).toBe('<leak> is a yes/no option: write it empty (<leak/>) or with true or false, not "0.2"');
    expect(d.messageEs).toBe('<leak> es una opción de sí o no: escríbala vacía (<leak/>) o con true o false, no "0.2"');
    expect({ file: d.file, line: d.line, column: d.column }).toEqual({ file: 'flags.xmile', ...where(doc, '<leak>0.2') });
  });

  it('<leak_integers>false</leak_integers> runs; <leak_integers/> is still refused as unsupported', () => {
    const model = (extra: string) => xmileDoc(beltModel({ init: '370', len: '4', inflow: '100', leaks: [{ name: 'spilling', eqn: '0.2', extra }] }), { stop: 1 });
    close(run(model('<leak_integers>false</leak_integers>'))('spilling'), [20, 20]);
    expect(refusal(model('<leak_integers/>')).code).toBe('E_UNSUPPORTED');
    expect(refusal(model('<leak_integers>often</leak_integers>')).code).toBe('E_XMILE');
  });
});

describe('<non_negative>', () => {
  // An outflow of 10 from a stock of 25: non-negative flows and stocks change nothing until the
  // stock would go below 0. A non-negative stock lets 25, 15, 5 out, then 5 and 0 (it holds 0).
  const model = (stockFlag: string, behavior?: string) =>
    xmileDoc(`<stock name="S"><eqn>25</eqn><outflow>drain</outflow>${stockFlag}</stock>\n<flow name="drain"><eqn>10</eqn></flow>`, { stop: 4, ...(behavior ? { behavior } : {}) });

  it('<non_negative/> and <non_negative>true</non_negative> keep the stock at 0; false lets it go to −15', () => {
    close(run(model('<non_negative/>'))('S'), [25, 15, 5, 0, 0]);
    close(run(model('<non_negative>true</non_negative>'))('S'), [25, 15, 5, 0, 0]);
    close(run(model('<non_negative>false</non_negative>'))('S'), [25, 15, 5, -5, -15]);
  });

  it('false on the stock overrides a <behavior> that makes every stock non-negative', () => {
    close(run(model('', '<non_negative/>'))('S'), [25, 15, 5, 0, 0]);
    close(run(model('<non_negative>false</non_negative>', '<non_negative/>'))('S'), [25, 15, 5, -5, -15]);
  });

  it('<non_negative>yes</non_negative> is a located error', () => {
    const doc = model('<non_negative>yes</non_negative>');
    const d = refusal(doc);
    expect([d.code, d.message]).toEqual(['E_XMILE', '<non_negative> is a yes/no option: write it empty (<non_negative/>) or with true or false, not "yes"']);
    expect({ line: d.line, column: d.column }).toEqual(where(doc, '<non_negative>yes'));
  });
});

describe('<overflow> and <queue>', () => {
  it('<overflow>false</overflow> on a flow that is not a queue outflow is no overflow; <overflow>x</overflow> is an error', () => {
    close(run(xmileDoc(drained('<overflow>false</overflow>'), { stop: 2 }))('S'), [100, 90, 80]);
    const doc = xmileDoc(drained('<overflow>x</overflow>'), { stop: 2 });
    const d = refusal(doc);
    expect([d.code, d.message]).toEqual(['E_XMILE', '<overflow> is a yes/no option: write it empty (<overflow/>) or with true or false, not "x"']);
    expect({ line: d.line, column: d.column }).toEqual(where(doc, '<overflow>x'));
  });

  it('<queue/> releases at most what the queue holds; <queue>false</queue> is an ordinary stock', () => {
    // A queue of 5 with nothing arriving: its outflow takes all 5 at t0, then 0 (queues.ts).
    // The same stock without the queue: 5 − 10 = −5, then −15.
    const model = (mark: string) => xmileDoc(`<stock name="Q"><eqn>5</eqn><outflow>out</outflow>${mark}</stock>\n<flow name="out"><eqn>10</eqn></flow>`, { stop: 2 });
    close(run(model('<queue/>'))('Q'), [5, 0, 0]);
    close(run(model('<queue>true</queue>'))('Q'), [5, 0, 0]);
    close(run(model('<queue>false</queue>'))('Q'), [5, -5, -15]);
    expect(refusal(model('<queue>fifo</queue>')).code).toBe('E_XMILE');
  });
});

describe('conveyor options (attributes in the schema; some files write child elements)', () => {
  it('exponential_leak="false" is the linear leak; "TRUE" the exponential one; "yes" is an error at the attribute', () => {
    const model = (attrs: string) => xmileDoc(beltModel({ init: '0', len: '2', inflow: '100', attrs, leaks: [{ name: 'decay', eqn: '0.1' }] }), { stop: 1, dt: '<dt>0.5</dt>' });
    // n = 4 slats of 50. Linear: each slat loses 0.1 × 50 / 4 = 1.25 a step, at t = 0.5 one slat
    // → 1.25 / 0.5 = 2.5. Exponential: 0.1 × 0.5 × 50 = 2.5 a step → 5 (conveyors.test.ts).
    close(run(model(' exponential_leak="false"'))('decay'), [0, 2.5, 5]);
    close(run(model(' exponential_leak="TRUE"'))('decay'), [0, 5, 9.75]);
    const doc = model(' exponential_leak="yes"');
    const d = refusal(doc);
    expect(d.message).toBe('exponential_leak="yes" on <conveyor> is a yes/no option: write exponential_leak="true" or exponential_leak="false"');
    expect(d.messageEs).toBe('exponential_leak="yes" en <conveyor> es una opción de sí o no: escriba exponential_leak="true" o exponential_leak="false"');
    expect({ line: d.line, column: d.column }).toEqual(where(doc, 'exponential_leak="yes"'));
  });

  it('discrete="false" and <discrete>false</discrete> leave a conveyor with an initial value continuous; discrete="true" is refused', () => {
    // 30 on a belt of transit 3 leaves evenly, 10 a month (conveyors.test.ts).
    const model = (attrs: string, options = '') => xmileDoc(beltModel({ init: '30', len: '3', inflow: '0', attrs, options }), { stop: 2 });
    close(run(model(' discrete="false"'))('unloading'), [10, 10, 10]);
    close(run(model('', '<discrete>false</discrete>'))('unloading'), [10, 10, 10]);
    expect(refusal(model(' discrete="true"')).code).toBe('E_UNSUPPORTED');
    expect(refusal(model('', '<discrete/>')).code).toBe('E_UNSUPPORTED');
    const both = refusal(model(' discrete="true"', '<discrete>false</discrete>'));
    expect([both.code, both.message]).toEqual(['E_XMILE', '<conveyor> gives discrete twice with different values (the attribute says true, the <discrete> element false)']);
  });

  it('batch_integrity="false" runs, batch_integrity="true" and <batch_integrity/> are refused as unsupported', () => {
    const model = (attrs: string, options = '') => xmileDoc(beltModel({ init: '0', len: '1', inflow: '5', attrs, options }), { stop: 2 });
    close(run(model(' batch_integrity="false"'))('unloading'), [0, 5, 5]);
    expect(refusal(model(' batch_integrity="true"')).code).toBe('E_UNSUPPORTED');
    expect(refusal(model('', '<batch_integrity/>')).code).toBe('E_UNSUPPORTED');
  });
});

describe('attributes elsewhere: <dt reciprocal>, <gf discrete>, <unit disabled>', () => {
  const counter = (dt: string) => xmileDoc('<stock name="N"><eqn>0</eqn><inflow>tick</inflow></stock>\n<flow name="tick"><eqn>1</eqn></flow>', { stop: 1, dt });

  it('reciprocal="true" gives DT = 1/4 (5 rows from 0 to 1), "false" keeps DT = 0.5 (3 rows), "sometimes" is an error', () => {
    expect(run(counter('<dt reciprocal="true">4</dt>'))('N')).toHaveLength(5);
    expect(run(counter('<dt reciprocal="false">0.5</dt>'))('N')).toHaveLength(3);
    const doc = counter('<dt reciprocal="sometimes">4</dt>');
    const d = refusal(doc);
    expect([d.code, d.line, d.column]).toEqual(['E_XMILE', where(doc, 'reciprocal=').line, where(doc, 'reciprocal=').column]);
  });

  it('a graphical function with discrete="true" steps, "false" interpolates, "x" is an error', () => {
    // Points (0, 0), (1, 10), (2, 20) read at TIME = 0.5: discrete 0, continuous 5.
    const gf = (attr: string) => xmileDoc(`<aux name="g"><eqn>TIME</eqn><gf${attr}><xscale min="0" max="2"/><ypts>0,10,20</ypts></gf></aux>`, { stop: 0.5, dt: '<dt>0.5</dt>' });
    expect(run(gf(' discrete="true"'))('g')[1]).toBe(0);
    expect(run(gf(' discrete="false"'))('g')[1]).toBe(5);
    expect(refusal(gf(' discrete="x"')).code).toBe('E_XMILE');
  });

  it('a unit with disabled="true" takes no part in the synonyms the units check uses', () => {
    const units = (disabled: string) => {
      const src = new SourceText(`<xmile><model_units><unit name="Joules"${disabled}><eqn>J</eqn><alias>joule</alias></unit></model_units></xmile>`, 'u.xmile');
      return readModelUnits(child(parseXml(src), 'model_units'), src);
    };
    expect(units('')).toEqual([['J', 'Joules', 'joule']]);
    expect(units(' disabled="false"')).toEqual([['J', 'Joules', 'joule']]);
    expect(units(' disabled="true"')).toEqual([]);
    expect(() => units(' disabled="off"')).toThrow(/disabled="off" on <unit> is a yes\/no option/);
  });
});
