/**
 * XMILE modules (XMILE 1.0, section on submodels): several `<model>` blocks joined by `<module>` and
 * `<connect>`, flattened at read time. Expected values are worked by hand (Euler, dt 1).
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { writeVensim } from '../vensim/writer.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';
import { close, columnReader, firstDiagnostic } from './test-support.js';
import { sameResults } from '../../conformance/same-results.js';

/** A file whose main model holds `main` and whose other models are `subs` (whole `<model>` blocks). */
function doc(main: string, subs: string, stop = 3): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs method="Euler" time_units="Months"><start>0</start><stop>${stop}</stop><dt>1</dt></sim_specs>
  <dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>
  <model>
    <variables>
${main}
    </variables>
  </model>
${subs}
</xmile>
`;
}

/** First-order smoothing: level moves toward the input by (input - level)/time per month. */
const SMOOTH = `<model name="Smooth"><variables>
  <aux name="input" access="input"/>
  <aux name="smoothing time" access="input"><eqn>2</eqn></aux>
  <stock name="level"><eqn>0</eqn><inflow>adjust</inflow></stock>
  <flow name="adjust"><eqn>(input - level) / smoothing_time</eqn></flow>
  <aux name="out" access="output"><eqn>level</eqn></aux>
</variables></model>`;

function run(text: string): (name: string) => number[] {
  return columnReader(compileXmile(text, { file: 'mod.xmile' }).model.run());
}

describe('XMILE modules are flattened into one model', () => {
  it('runs two instances of one model fed by different inputs, independently; the parent reads Instance.out', () => {
    const col = run(
      doc(
        `<aux name="a"><eqn>10</eqn></aux>
         <aux name="b"><eqn>20</eqn></aux>
         <module name="First" model_name="Smooth"><connect to="input" from="a"/></module>
         <module name="Second" model_name="Smooth"><connect to="input" from="b"/><connect to="smoothing_time" from="a"/></module>
         <aux name="total"><eqn>First.out + Second.out</eqn></aux>`,
        SMOOTH,
      ),
    );
    // First: time 2, level 0 → 5 → 7.5 → 8.75. Second: time 10, level 0 → 2 → 3.8 → 5.42.
    close(col('First.level'), [0, 5, 7.5, 8.75]);
    close(col('Second.level'), [0, 2, 3.8, 5.42]);
    close(col('total'), [0, 7, 11.3, 14.17]);
    close(col('First.input'), [10, 10, 10, 10]);
  });

  it('keeps the equation of an input left unconnected when it has one', () => {
    const col = run(doc(`<aux name="a"><eqn>4</eqn></aux><module name="Smooth"><connect to="input" from="a"/></module>`, SMOOTH));
    close(col('Smooth.smoothing time'), [2, 2, 2, 2]);
    close(col('Smooth.level'), [0, 2, 3, 3.5]);
  });

  it('nests modules: the inner instance path is Outer.Inner, and outputs pass up one level at a time', () => {
    const col = run(
      doc(
        `<aux name="v"><eqn>3</eqn></aux>
         <module name="Outer"><connect to="y" from="v"/></module>
         <aux name="w"><eqn>Outer.z</eqn></aux>`,
        `<model name="Outer"><variables>
           <aux name="y" access="input"/>
           <module name="Inner"><connect to="x" from="y"/></module>
           <aux name="z" access="output"><eqn>Inner.doubled + 1</eqn></aux>
         </variables></model>
         <model name="Inner"><variables>
           <aux name="x" access="input"/>
           <aux name="doubled" access="output"><eqn>x * 2</eqn></aux>
         </variables></model>`,
      ),
    );
    close(col('Outer.Inner.doubled'), [6, 6, 6, 6]);
    close(col('w'), [7, 7, 7, 7]);
  });

  it('reads connections written the way Stella writes them: on both modules, with `to` qualified', () => {
    const col = run(
      doc(
        `<module name="Maker"><connect to="User.got" from="Maker.made"/></module>
         <module name="User"><connect to="User.got" from="Maker.made"/><connect2 to="User.got" from="Maker.made"/></module>`,
        `<model name="Maker"><variables><aux name="made" access="output"><eqn>TIME * 3</eqn></aux></variables></model>
         <model name="User"><variables><aux name="got" access="input"/><aux name="twice"><eqn>got * 2</eqn></aux></variables></model>`,
      ),
    );
    close(col('User.twice'), [0, 6, 12, 18]);
  });

  it('passes an array between the same dimensions, and reads a quoted output name', () => {
    const col = run(
      doc(
        `<aux name="pop"><dimensions><dim name="Region"/></dimensions><element subscript="north"><eqn>1</eqn></element><element subscript="south"><eqn>2</eqn></element></aux>
         <module name="Grow"><connect to="base" from="pop"/></module>
         <aux name="s"><eqn>SUM(Grow."grown %"[*])</eqn></aux>`,
        `<model name="Grow"><variables>
           <aux name="base" access="input"><dimensions><dim name="Region"/></dimensions></aux>
           <aux name="grown %" access="output"><dimensions><dim name="Region"/></dimensions><eqn>base * 10</eqn></aux>
         </variables></model>`,
      ),
    );
    close(col('Grow.grown %[south]'), [20, 20, 20, 20]);
    close(col('s'), [30, 30, 30, 30]);
  });
});

describe('module errors are located and bilingual', () => {
  const err = (text: string) => {
    const d = firstDiagnostic(() => readXmile(text, 'bad.xmile'));
    expect(d.loc?.file).toBe('bad.xmile');
    expect(d.messageEs).toBeTruthy();
    return d;
  };
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('refuses a connection to a variable the module does not have', () => {
    const text = doc(`<aux name="a"><eqn>1</eqn></aux><module name="Smooth"><connect to="nothing" from="a"/></module>`, SMOOTH);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, '<connect to="nothing"')]);
    expect(d.message).toContain('Smooth.nothing');
  });

  it('refuses a connection to a variable that is not an input', () => {
    const text = doc(`<aux name="a"><eqn>1</eqn></aux><module name="Smooth"><connect to="input" from="a"/><connect to="out" from="a"/></module>`, SMOOTH);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, '<connect to="out"')]);
    expect(d.message).toContain('not an input');
  });

  it('refuses reading a module variable that is not an output', () => {
    const text = doc(`<aux name="a"><eqn>1</eqn></aux><module name="Smooth"><connect to="input" from="a"/></module>\n<aux name="peek"><eqn>Smooth.adjust</eqn></aux>`, SMOOTH);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, 'Smooth.adjust')]);
    expect(d.message).toContain('not an output');
  });

  it('refuses an input that is neither connected nor given an equation, at the module', () => {
    const text = doc(`<module name="Smooth"/>`, SMOOTH);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, '<module name="Smooth"')]);
    expect(d.message).toContain('input');
  });

  it('refuses a cycle of module instances', () => {
    const text = doc(`<module name="A"/>`, `<model name="A"><variables><module name="B"/></variables></model>\n<model name="B"><variables><module name="A"/></variables></model>`);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, '<module name="A"/></variables>')]);
    expect(d.message).toContain('cycle');
  });

  it('refuses a module whose model is in another file, saying why', () => {
    const text = doc(`<module name="Smooth" resource="other.xmile"/>`, '');
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_UNSUPPORTED', lineOf(text, 'resource=')]);
    expect(d.message).toContain('another file');
  });

  it('refuses an array passed between different dimensions', () => {
    const text = doc(`<aux name="a"><eqn>1</eqn></aux><module name="Grow"><connect to="base" from="a"/></module>`, `<model name="Grow"><variables><aux name="base" access="input"><dimensions><dim name="Region"/></dimensions></aux></variables></model>`);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_DIMENSION', lineOf(text, '<connect to="base"')]);
  });

  it('refuses a connection from a variable the parent does not have', () => {
    const text = doc(`<module name="Smooth"><connect to="input" from="missing"/></module>`, SMOOTH);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, 'from="missing"')]);
    expect(d.message).toContain('missing');
  });

  it('refuses an input connected from two different sources', () => {
    const text = doc(`<aux name="a"><eqn>1</eqn></aux><aux name="b"><eqn>2</eqn></aux>
<module name="Smooth"><connect to="input" from="a"/>
<connect to="input" from="b"/></module>`, SMOOTH);
    const d = err(text);
    expect([d.code, d.loc?.line]).toEqual(['E_MODULE', lineOf(text, '<connect to="input" from="b"')]);
    expect(d.message).toContain('twice');
  });

  it('refuses a module of a model the file does not define', () => {
    const text = doc(`<module name="Ghost"/>`, `<model name="Other"><variables/></model>`);
    expect(err(text).code).toBe('E_MODULE');
  });
});

/** Read, written as XMILE and as .mdl, read again: every column identical (no tolerance); the written XMILE. */
function xmileRoundTrip(text: string, mdl = true): string {
  const first = compileXmile(text, { file: 'mod.xmile' }).model.run();
  const written = writeXmile(readXmile(text, 'mod.xmile'));
  const again = compileXmile(written, { file: 'written.xmile' }).model.run();
  expect(sameResults(first, again)).toBeUndefined();
  // Written again from what it reads back, the text is the same: nothing drifts.
  expect(writeXmile(readXmile(written, 'written.xmile'))).toBe(written);
  // The .mdl writer writes the flattened names (quoted: `"Outer.Inner.x"`), which read back the same.
  if (mdl) expect(sameResults(first, compileVensim(writeVensim(readXmile(text, 'mod.xmile')), { file: 'written.mdl' }).model.run())).toBeUndefined();
  return written;
}

/** The written `<model name=…>` blocks, and the `<module>` elements of each, from the text. */
function structure(xml: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of xml.matchAll(/<model( name="([^"]*)")?>([\s\S]*?)<\/model>/g)) out[m[2] ?? ''] = [...m[3]!.matchAll(/<module [^>]*>(?:[\s\S]*?<\/module>)?/g)].map((x) => x[0]);
  return out;
}

describe('the XMILE writer writes modules back as modules', () => {
  it('two modules connected both ways: each model once, the links on the receiving module, and the same run', () => {
    // Maker reads back what User passes on; User reads Maker's output (a loop through both modules).
    const text = doc(
      `<aux name="seed"><eqn>1</eqn></aux>
       <module name="Maker"><connect to="feedback" from="User.passed"/><connect to="base" from="seed"/></module>
       <module name="User"><connect to="got" from="Maker.made"/></module>
       <aux name="report"><eqn>User.passed + Maker.made</eqn></aux>`,
      `<model name="Maker"><variables>
         <aux name="base" access="input"/>
         <aux name="feedback" access="input"><eqn>0</eqn></aux>
         <stock name="made" access="output"><eqn>base</eqn><inflow>make</inflow></stock>
         <flow name="make"><eqn>feedback / 2</eqn></flow>
       </variables></model>
       <model name="User"><variables>
         <aux name="got" access="input"/>
         <aux name="passed" access="output"><eqn>got * 2</eqn></aux>
       </variables></model>`,
    );
    const written = xmileRoundTrip(text);
    // made: 1 → 2 → 4 → 8 (each step adds passed/2 = made).
    close(run(written)('Maker.made'), [1, 2, 4, 8]);
    const s = structure(written);
    expect(Object.keys(s).sort()).toEqual(['', 'Maker', 'User']);
    expect(s['']).toEqual(['<module name="Maker"><connect to="feedback" from="User.passed"/><connect to="base" from="seed"/></module>', '<module name="User"><connect to="got" from="Maker.made"/></module>']);
    expect(written).toContain('<stock name="made" access="output">');
    expect(written).toContain('<aux name="got" access="input"></aux>');
    expect(written).toContain('<eqn>User.passed + Maker.made</eqn>');
  });

  it('a model used by two modules is written once; the module named apart from its model says model_name', () => {
    const text = doc(
      `<aux name="a"><eqn>10</eqn></aux>
       <aux name="b"><eqn>20</eqn></aux>
       <module name="First" model_name="Smooth"><connect to="input" from="a"/></module>
       <module name="Second" model_name="Smooth"><connect to="input" from="b"/><connect to="smoothing_time" from="a"/></module>
       <aux name="total"><eqn>First.out + Second.out</eqn></aux>`,
      SMOOTH,
    );
    const written = xmileRoundTrip(text);
    const s = structure(written);
    expect(Object.keys(s).sort()).toEqual(['', 'Smooth']);
    expect(s['']).toEqual(['<module name="First" model_name="Smooth"><connect to="input" from="a"/></module>', '<module name="Second" model_name="Smooth"><connect to="input" from="b"/><connect to="smoothing_time" from="a"/></module>']);
    // First leaves smoothing time to the model's own equation: it is written there, as an input.
    expect(written).toMatch(/<aux name="smoothing_time" access="input"><eqn>2<\/eqn><\/aux>/);
    close(run(written)('Second.level'), [0, 2, 3.8, 5.42]);
  });

  it("an input the first module connects takes its own equation from a module that leaves it unconnected", () => {
    const text = doc(
      `<aux name="a"><eqn>10</eqn></aux>
       <module name="Fast" model_name="Smooth"><connect to="input" from="a"/><connect to="smoothing_time" from="a"/></module>
       <module name="Slow" model_name="Smooth"><connect to="input" from="a"/></module>`,
      SMOOTH,
    );
    const written = xmileRoundTrip(text);
    expect(written).toMatch(/<aux name="smoothing_time" access="input"><eqn>2<\/eqn><\/aux>/);
    // Slow keeps the model's own smoothing time 2: level 0 → 5 → 7.5 → 8.75.
    close(run(written)('Slow.level'), [0, 5, 7.5, 8.75]);
  });

  it('nested modules: the inner model inside the outer one, its output read as Inner.doubled there', () => {
    const text = doc(
      `<aux name="v"><eqn>3</eqn></aux>
       <module name="Outer"><connect to="y" from="v"/></module>
       <aux name="w"><eqn>Outer.z</eqn></aux>`,
      `<model name="Outer"><variables>
         <aux name="y" access="input"/>
         <module name="Inner"><connect to="x" from="y"/></module>
         <aux name="z" access="output"><eqn>Inner.doubled + 1</eqn></aux>
       </variables></model>
       <model name="Inner"><variables>
         <aux name="x" access="input"/>
         <aux name="doubled" access="output"><eqn>x * 2 + TIME</eqn></aux>
       </variables></model>`,
    );
    const written = xmileRoundTrip(text);
    const s = structure(written);
    expect(s['']).toEqual(['<module name="Outer"><connect to="y" from="v"/></module>']);
    expect(s['Outer']).toEqual(['<module name="Inner"><connect to="x" from="y"/></module>']);
    expect(s['Inner']).toEqual([]);
    expect(written).toContain('<eqn>Inner.doubled + 1</eqn>');
    expect(written).toContain('<eqn>x * 2 + TIME</eqn>');
    close(run(written)('w'), [7, 8, 9, 10]);
  });

  it('a conveyor with a leak and a graphical function inside a module keep their form', () => {
    const text = doc(
      `<aux name="a"><eqn>10</eqn></aux>
       <module name="Line"><connect to="feed" from="a"/></module>
       <aux name="seen"><eqn>Line.out</eqn></aux>`,
      `<model name="Line"><variables>
         <aux name="feed" access="input"/>
         <stock name="Belt"><eqn>0</eqn><inflow>loading</inflow><outflow>unloading</outflow><outflow>spill</outflow><conveyor><len>2</len></conveyor></stock>
         <flow name="loading"><eqn>shape(feed)</eqn></flow>
         <flow name="unloading"/>
         <flow name="spill"><eqn>0.1</eqn><leak/></flow>
         <gf name="shape"><xscale min="0" max="20"/><yscale min="0" max="20"/><ypts>0,5,20</ypts></gf>
         <aux name="out" access="output"><eqn>unloading + Belt</eqn></aux>
       </variables></model>`,
      6,
    );
    // The .mdl writer refuses a conveyor with leaks (Vensim's DELAY CONVEYOR has none of that form), module or not.
    expect(firstDiagnostic(() => writeVensim(readXmile(text, 'mod.xmile'))).message).toContain('conveyor with leaks');
    const written = xmileRoundTrip(text, false);
    expect(written).toContain('<outflow>spill</outflow><conveyor><len>2</len></conveyor></stock>');
    expect(written).toContain('<flow name="spill"><eqn>0.1</eqn><leak/></flow>');
    expect(written).toContain('<eqn>shape(feed)</eqn>');
  });

  it('arrays across a module boundary and a quoted output name', () => {
    const text = doc(
      `<aux name="pop"><dimensions><dim name="Region"/></dimensions><element subscript="north"><eqn>1</eqn></element><element subscript="south"><eqn>2</eqn></element></aux>
       <module name="Grow"><connect to="base" from="pop"/></module>
       <aux name="s"><eqn>SUM(Grow."grown %"[*])</eqn></aux>`,
      `<model name="Grow"><variables>
         <aux name="base" access="input"><dimensions><dim name="Region"/></dimensions></aux>
         <aux name="grown %" access="output"><dimensions><dim name="Region"/></dimensions><eqn>base * 10</eqn></aux>
       </variables></model>`,
    );
    const written = xmileRoundTrip(text);
    expect(written).toContain('SUM(Grow.&quot;grown_%&quot;[*])');
    expect(written).toContain('<aux name="base" access="input"><dimensions><dim name="Region"/></dimensions></aux>');
  });
});

describe('the .mdl writer and modules', () => {
  it('quotes the module paths, and the .mdl read back runs the same', () => {
    const text = doc(`<aux name="a"><eqn>10</eqn></aux><module name="First" model_name="Smooth"><connect to="input" from="a"/></module><aux name="total"><eqn>First.out * 2</eqn></aux>`, SMOOTH);
    const mdl = writeVensim(readXmile(text, 'mod.xmile'));
    expect(mdl).toContain('"First.level"=');
    const col = columnReader(compileVensim(mdl, { file: 'mod.mdl' }).model.run());
    close(col('First.level'), [0, 5, 7.5, 8.75]);
    close(col('total'), [0, 10, 15, 17.5]);
  });
});
