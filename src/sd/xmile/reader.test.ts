import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import type { Equation } from '../ir/model.js';
import { showExpr } from '../ir/test-support/show-expr.js';
import { looksLikeXmile, readXmile } from './reader.js';
import { xmileDoc } from './test-support.js';

const lhs = (eq: Equation) => eq.lhs.name + (eq.lhs.subs.length ? `[${eq.lhs.subs.map((s) => s.name).join(',')}]` : '');

function equations(variables: string, o: Parameters<typeof xmileDoc>[1] = {}): Record<string, string> {
  const ir = readXmile(xmileDoc(variables, o), 'm.xmile');
  const out: Record<string, string> = {};
  for (const eq of ir.equations) out[lhs(eq)] = eq.kind === 'lookup' ? `lookup x=${eq.lookup!.x.join(',')} y=${eq.lookup!.y.join(',')}` : showExpr(eq.expr);
  return out;
}

function errorOf(text: string): { code: string; line?: number; column?: number; message: string } {
  try {
    readXmile(text, 'bad.xmile');
  } catch (err) {
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    expect(d.loc?.file).toBe('bad.xmile');
    return { code: d.code, line: d.loc?.line, column: d.loc?.column, message: d.message };
  }
  throw new Error('no error');
}

describe('sim_specs become the control variables', () => {
  it('gives INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER with the time units', () => {
    const ir = readXmile(xmileDoc('<aux name="x"><eqn>1</eqn></aux>', { start: 1, stop: 13, dt: '<dt reciprocal="true">4</dt>', simAttrs: 'isee:save_interval="0.5" method="RK4" time_units="Months"' }));
    const byName = new Map(ir.equations.map((e) => [e.lhs.name, e]));
    expect(showExpr(byName.get('initial time')!.expr)).toBe('1');
    expect(showExpr(byName.get('final time')!.expr)).toBe('13');
    expect(showExpr(byName.get('time step')!.expr)).toBe('0.25');
    expect(showExpr(byName.get('saveper')!.expr)).toBe('0.5');
    expect(byName.get('time step')!.units).toBe('Months');
    expect(ir.method).toBe('rk4');
  });

  it('saves every DT without a save interval, and takes the first method it runs from a fallback list', () => {
    const ir = readXmile(xmileDoc('<aux name="x"><eqn>1</eqn></aux>', { simAttrs: 'method="gear, rk2"' }));
    expect(showExpr(ir.equations.find((e) => e.lhs.name === 'saveper')!.expr)).toBe('time step');
    expect(ir.method).toBe('rk2');
  });

  it('drops control-named variables that agree with sim_specs, as xmutil writes them', () => {
    const eqs = equations('<aux name="FINAL TIME"><eqn>10</eqn></aux><aux name="TIME STEP"><eqn>1</eqn></aux><aux name="SAVEPER"><eqn>TIME_STEP</eqn></aux>');
    expect(eqs['final time']).toBe('10');
    expect(eqs['saveper']).toBe('time step');
  });

  it('takes SAVEPER from a variable when sim_specs have no save interval', () => {
    expect(equations('<aux name="SAVEPER"><eqn>2</eqn></aux>')['saveper']).toBe('2');
  });

  it('rejects a control-named variable that contradicts sim_specs, at its line', () => {
    const e = errorOf(xmileDoc('      <aux name="FINAL TIME"><eqn>30</eqn></aux>'));
    expect(e.code).toBe('E_SIM_SPECS');
    expect(e.line).toBe(11);
    expect(e.message).toContain('FINAL TIME is 30 but <sim_specs> gives 10');
  });
});

describe('stocks, flows and auxiliaries', () => {
  it('makes a stock INTEG(inflows − outflows, initial value)', () => {
    const eqs = equations(`
      <stock name="Population"><eqn>100</eqn><inflow>births</inflow><inflow>"immi_gration"</inflow><outflow>deaths</outflow></stock>
      <flow name="births"><eqn>Population * 0.03</eqn></flow>
      <flow name="immi gration"><eqn>1</eqn></flow>
      <flow name="deaths"><eqn>Population / 50</eqn></flow>
      <stock name="Closed"><eqn>5</eqn></stock>
      <stock name="Drain"><eqn>5</eqn><outflow>deaths</outflow></stock>`);
    expect(eqs['population']).toBe('INTEG(((births + immi gration) - deaths), 100)');
    expect(eqs['closed']).toBe('INTEG(0, 5)');
    expect(eqs['drain']).toBe('INTEG((-deaths), 5)');
  });

  it('wraps a non-negative flow in MAX(0, …), by its own setting or by <behavior>', () => {
    const vars = '<flow name="f"><eqn>Time - 5</eqn><non_negative/></flow><flow name="g"><eqn>1</eqn></flow><flow name="h"><eqn>1</eqn><non_negative>false</non_negative></flow>';
    expect(equations(vars)['f']).toBe('MAX(0, (time - 5))');
    expect(equations(vars)['g']).toBe('1');
    const withDefault = equations(vars, { behavior: '<flow><non_negative/></flow>' });
    expect([withDefault['g'], withDefault['h']]).toEqual(['MAX(0, 1)', '1']);
  });

  it('limits the flow that drains a non-negative stock, and clamps the stock\'s rate', () => {
    const eqs = equations(`
      <stock name="A"><eqn>1</eqn><outflow>f</outflow><non_negative/></stock>
      <stock name="B"><eqn>0</eqn><inflow>f</inflow></stock>
      <flow name="f"><eqn>3</eqn></flow>`);
    expect(eqs['f']).toBe('#nnout(3, a, 0, 0)');
    expect(eqs['a']).toBe('INTEG(#nnrate(a, 0, f), 1)');
    expect(eqs['b']).toBe('INTEG(f, 0)');
  });

  it('multiplies what the downstream stock receives by the flow\'s <multiplier>', () => {
    const eqs = equations('<stock name="B"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>4</eqn><multiplier>3</multiplier></flow>');
    expect(eqs['b']).toBe('INTEG((f * 3), 0)');
  });

  it('keeps units, documentation and groups', () => {
    const ir = readXmile(xmileDoc('<aux name="x"><eqn>1</eqn><units>people</units><doc>  Head\n  count </doc></aux><group name="Demography"><entity name="x"/></group>'));
    const x = ir.equations.find((e) => e.lhs.name === 'x')!;
    expect([x.units, x.doc, x.group]).toEqual(['people', 'Head count', 'Demography']);
    expect(ir.groups).toEqual(['Demography']);
  });

  it('reads Stella 10 files whose variables sit directly in <model>', () => {
    const text = xmileDoc('').replace('<variables>', '').replace('</variables>', '<aux name="lt"><eqn>time &lt; 5</eqn><display x="1" y="2"/></aux>');
    expect(showExpr(readXmile(text).equations.find((e) => e.lhs.name === 'lt')!.expr)).toBe('(time < 5)');
  });
});

describe('graphical functions', () => {
  it('spreads ypts over the xscale, or pairs them with xpts (any separator)', () => {
    const eqs = equations(`
      <gf name="f"><xscale min="0" max="10"/><ypts>0,1,4</ypts></gf>
      <gf name="g"><xpts sep=";">0;1;5</xpts><ypts sep=";">2;3;4</ypts></gf>`);
    expect(eqs['f']).toBe('lookup x=0,5,10 y=0,1,4');
    expect(eqs['g']).toBe('lookup x=0,1,5 y=2,3,4');
  });

  it('turns a variable with an equation and a gf into the gf at that value', () => {
    const eqs = equations(`
      <aux name="effect"><eqn>Time</eqn><gf><xscale min="0" max="1"/><ypts>0,1</ypts></gf></aux>
      <aux name="steps"><eqn>Time</eqn><gf type="discrete"><xpts>0,1</xpts><ypts>0,1</ypts></gf></aux>
      <aux name="other"><eqn>effect(2) + steps(0.5)</eqn></aux>`);
    expect(eqs['effect#gf']).toBe('lookup x=0,1 y=0,1');
    expect(eqs['effect']).toBe('effect#gf(time)');
    expect(eqs['steps']).toBe('LOOKUP BACKWARD(steps#gf, time)');
    expect(eqs['other']).toBe('(effect#gf(2) + LOOKUP BACKWARD(steps#gf, 0.5))');
  });

  it.each([
    ['<gf name="f"><xscale min="0" max="1"/></gf>', 'no <ypts>'],
    ['<gf name="f"><ypts>1,2</ypts></gf>', 'needs <xscale> or <xpts>'],
    ['<gf name="f"><xpts>1,2,3</xpts><ypts>1,2</ypts></gf>', '3 x points but 2 y points'],
    ['<gf name="f"><xscale min="0" max="1"/><ypts>1,x</ypts></gf>', '"x" in the y points'],
    ['<gf name="f" type="smooth"><xscale min="0" max="1"/><ypts>1,2</ypts></gf>', 'unknown graphical function type'],
  ])('%s is a located error', (gf, mentions) => {
    const e = errorOf(xmileDoc(gf));
    expect(e.code).toBe('E_GF');
    expect(e.line).toBe(11);
    expect(e.message).toContain(mentions);
  });
});

describe('arrays', () => {
  const dims = '<dim name="Region"><elem name="north"/><elem name="south"/></dim><dim name="N" size="3"/>';

  it('defines apply-to-all arrays over their dimensions and non-apply-to-all ones element by element', () => {
    const ir = readXmile(
      xmileDoc(
        `<aux name="pop"><dimensions><dim name="Region"/></dimensions><eqn>10</eqn></aux>
         <aux name="w"><dimensions><dim name="N"/></dimensions><element subscript="1"><eqn>1</eqn></element><element subscript="2"><eqn>2</eqn></element><element subscript="3"><eqn>N</eqn></element></aux>
         <aux name="total"><eqn>SUM(pop[*]) + MEAN(w)</eqn></aux>`,
        { dimensions: dims },
      ),
    );
    const eqs = Object.fromEntries(ir.equations.map((e) => [lhs(e), showExpr(e.expr)]));
    expect(eqs['pop[region]']).toBe('10');
    expect([eqs['w[1]'], eqs['w[3]']]).toEqual(['1', 'n']);
    expect(eqs['total']).toBe('(SUM(pop[region!]) + (SUM(w[n!]) / 3))');
    expect(ir.dimensions.map((d) => [d.name, d.members.map((m) => m.name)])).toEqual([
      ['region', ['north', 'south']],
      ['n', ['1', '2', '3']],
    ]);
  });

  it('reads one <eqn> per element in row-major order, as Vensim exports arrays', () => {
    const eqs = equations('<aux name="v"><dimensions><dim name="Region"/><dim name="N"/></dimensions>' + '<eqn>1</eqn>'.repeat(5) + '<eqn>Time</eqn></aux>', { dimensions: dims });
    expect(eqs['v[north,1]']).toBe('1');
    expect(eqs['v[south,3]']).toBe('time');
  });

  it('gives one lookup per element for non-apply-to-all graphical functions', () => {
    const eqs = equations(
      `<aux name="g"><dimensions><dim name="Region"/></dimensions>
        <element subscript="north"><gf><xscale min="0" max="1"/><ypts>0,1</ypts></gf></element>
        <element subscript="2"><gf><xscale min="0" max="1"/><ypts>5,6</ypts></gf></element><eqn>Time</eqn></aux>`,
      { dimensions: dims },
    );
    expect(eqs['g#gf[north]']).toBe('lookup x=0,1 y=0,1');
    expect(eqs['g#gf[south]']).toBe('lookup x=0,1 y=5,6');
    expect(eqs['g[region]']).toBe('g#gf(time)');
  });

  it('rejects unknown dimensions and elements where they are written', () => {
    const e1 = errorOf(xmileDoc('<aux name="x"><dimensions><dim name="Nope"/></dimensions><eqn>1</eqn></aux>', { dimensions: dims }));
    expect([e1.code, e1.line]).toEqual(['E_DIMENSION', 12]);
    const e2 = errorOf(xmileDoc('<aux name="x"><dimensions><dim name="Region"/></dimensions><element subscript="west"><eqn>1</eqn></element></aux>', { dimensions: dims }));
    expect(e2.message).toContain('"west" is not an element of dimension Region');
  });
});

describe('macros', () => {
  const macros = `
  <macro name="LOG">
    <parm>x</parm><parm default="10">base</parm>
    <eqn>LN(x)/LN(base)</eqn>
  </macro>
  <macro name="SMOOTH1">
    <parm>input</parm><parm>averaging_time</parm><parm default="input">initial</parm>
    <eqn>Smooth_of_Input</eqn>
    <variables>
      <stock name="Smooth_of_Input"><eqn>initial</eqn><inflow>change_in_smooth</inflow></stock>
      <flow name="change_in_smooth"><eqn>(input - Smooth_of_Input)/averaging_time</eqn></flow>
    </variables>
  </macro>`;

  it('reads parameters, the output equation and local stocks, and fills defaults at calls', () => {
    const ir = readXmile(xmileDoc('<aux name="y"><eqn>LOG(100) + SMOOTH1(Time * 2, 3)</eqn></aux>', { macros }));
    expect(showExpr(ir.equations.find((e) => e.lhs.name === 'y')!.expr)).toBe('(log(100, 10) + smooth1((time * 2), 3, (time * 2)))');
    const smooth = ir.macros.find((m) => m.name === 'smooth1')!;
    expect(smooth.params).toEqual(['input', 'averaging time', 'initial']);
    expect(smooth.equations.map((e) => `${e.lhs.name} = ${showExpr(e.expr)}`)).toEqual([
      'smooth1 = smooth of input',
      'smooth of input = INTEG(change in smooth, initial)',
      'change in smooth = ((input - smooth of input) / averaging time)',
    ]);
  });

  it('rejects recursive macros instead of inlining forever', () => {
    const e = errorOf(xmileDoc('<aux name="y"><eqn>FACT(3)</eqn></aux>', { macros: '<macro name="FACT"><parm>x</parm><eqn>IF x &lt;= 1 THEN 1 ELSE x * FACT(x - 1)</eqn></macro>' }));
    expect(e.code).toBe('E_UNSUPPORTED');
    expect(e.message).toContain('fact -> fact');
  });
});

describe('bad XMILE is reported with a line and column', () => {
  it.each([
    ['not well-formed XML', xmileDoc('      <aux name="x"><eqn>1</eqn>'), 'E_XML', 12, 5, "Expected closing tag 'aux'"],
    ['an equation syntax error', xmileDoc('      <aux name="x"><eqn>1 + (2 *</eqn></aux>'), 'E_SYNTAX', 11, 34, 'end of the equation'],
    ['an entity shifts no column', xmileDoc('      <aux name="x"><eqn>a &lt; b )</eqn></aux>'), 'E_SYNTAX', 11, 35, "')'"],
    ['an empty equation', xmileDoc('      <aux name="x"><eqn> </eqn></aux>'), 'E_NO_EQUATION', 11, 7, 'no equation'],
    ['a queue with two ordinary outflows', xmileDoc('      <stock name="s"><eqn>1</eqn><outflow>a</outflow><outflow>b</outflow><queue/></stock>\n      <flow name="a"/><flow name="b"/>'), 'E_UNSUPPORTED', 12, 23, 'not an overflow'],
    ['a conveyor without an outflow', xmileDoc('      <stock name="s"><eqn>1</eqn><conveyor><len>2</len></conveyor></stock>'), 'E_XMILE', 11, 35, 'no outflow'],
    ['a module of a model the file lacks', xmileDoc('      <module name="sub"/>'), 'E_MODULE', 11, 7, 'does not define'],
    ['a duplicate name', xmileDoc('      <aux name="x"><eqn>1</eqn></aux>\n      <aux name="X"><eqn>2</eqn></aux>'), 'E_REDEFINED', 12, 7, 'defined twice'],
    ['a variable named like a dimension', xmileDoc('      <aux name="n"><eqn>1</eqn></aux>', { dimensions: '<dim name="N" size="2"/>' }), 'E_REDEFINED', 12, 7, 'name of a dimension'],
    ['no sim_specs', '<xmile>\n<model><variables/></model></xmile>', 'E_SIM_SPECS', 1, 1, 'no <sim_specs>'],
    ['a non-numeric stop', xmileDoc('').replace('<stop>10</stop>', '<stop>ten</stop>'), 'E_SIM_SPECS', 6, 5, '"ten"'],
    ['a Vensim equation as dt', xmileDoc('', { dt: '<dt> TIME_STEP=0.5</dt>' }), 'E_SIM_SPECS', 7, 5, 'XMILE wants the number alone: <dt>0.5</dt>'],
    ['another XML format', '<?xml version="1.0"?>\n<svg></svg>', 'E_FORMAT', 2, 1, 'not an XMILE file'],
  ])('%s', (_what, text, code, line, column, mentions) => {
    const e = errorOf(text);
    expect(e.code).toBe(code);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toContain(mentions);
  });
});

describe('an unfinished model', () => {
  it('reports every variable without an equation, each at its line, in one error', () => {
    const text = xmileDoc('      <aux name="a"/>\n      <aux name="b"><eqn>a + c</eqn></aux>\n      <stock name="c"><inflow>f</inflow></stock>\n      <flow name="f"/>');
    let caught: unknown;
    try {
      readXmile(text, 'bad.xmile');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ModelError);
    const ds = (caught as ModelError).diagnostics;
    expect(ds.map((d) => [d.code, d.loc?.line])).toEqual([['E_NO_EQUATION', 11], ['E_NO_EQUATION', 13], ['E_NO_EQUATION', 14]]);
    expect(ds.map((d) => d.message)).toEqual(['a has no equation', 'c has no equation', 'f has no equation']);
  });
});

describe('looksLikeXmile', () => {
  it('tells XML from Vensim text', () => {
    expect(looksLikeXmile('\uFEFF  <?xml version="1.0"?><xmile/>')).toBe(true);
    expect(looksLikeXmile('{UTF-8}\nx = 1 ~~|')).toBe(false);
  });
});
