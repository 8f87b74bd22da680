/**
 * XMILE's INIT may stand anywhere in an expression; Vensim's INITIAL must be the whole right-hand
 * side (fn_initial) and Vensim has no INIT. The .mdl writer gives each one inside a larger
 * expression a generated variable of its own: the written model reads back (the .mdl reader
 * refuses INITIAL inside an expression) and computes every source column exactly. Hand values in
 * the comments: x = TIME + 3, so x = 3, 4, 5, 6 at t = 0…3.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { sameKeptColumns } from '../../conformance/same-results.js';
import { columnReader, firstDiagnostic, xmileDoc } from '../xmile/test-support.js';
import { readVensim } from './reader.js';
import { writeVensim } from './writer.js';

const doc = xmileDoc(
  `<aux name="x"><eqn>TIME + 3</eqn><units>widgets</units></aux>
   <aux name="ratio"><eqn>x / INIT(x)</eqn></aux>
   <aux name="ratio initial value"><eqn>7</eqn></aux>
   <aux name="nested"><eqn>INIT(x + INIT(x * 2)) + 1</eqn></aux>
   <aux name="whole"><eqn>INIT(x)</eqn></aux>
   <aux name="v"><dimensions><dim name="D"/></dimensions><element subscript="a"><eqn>2 * x</eqn></element><element subscript="b"><eqn>3 * x</eqn></element></aux>
   <aux name="rel"><dimensions><dim name="D"/></dimensions><eqn>v[D] - INIT(v[D])</eqn></aux>
   <aux name="el"><dimensions><dim name="D"/></dimensions><element subscript="a"><eqn>INIT(v[a]) * 2</eqn></element><element subscript="b"><eqn>v[b] / INIT(v[b])</eqn></element></aux>
   <aux name="y"><eqn>GROWTH(x)</eqn></aux>`,
  {
    stop: 3,
    dimensions: '<dim name="D"><elem name="a"/><elem name="b"/></dim>',
    macros: '<macro name="GROWTH"><parm>q</parm><eqn>q / INIT(q) - 1</eqn></macro>',
  },
);

describe('INIT and INITIAL inside an expression, written as .mdl', () => {
  const source = compileXmile(doc, { file: 'init.xmile' });
  const run = source.model.run();
  const text = writeVensim(source.ir);

  it('are read from XMILE anywhere in an expression', () => {
    const col = columnReader(run);
    expect(col('ratio')).toEqual([1, 4 / 3, 5 / 3, 2]);
    expect(col('nested')).toEqual([10, 10, 10, 10]); // (3 + 2·3) + 1
    expect(col('rel[a]')).toEqual([0, 2, 4, 6]); // 2x − 6
    expect(col('el[a]')).toEqual([12, 12, 12, 12]); // 2 · (2·3)
    expect(col('y')).toEqual([0, 4 / 3 - 1, 5 / 3 - 1, 1]);
  });

  it('become variables of their own: no INIT, and every INITIAL the whole right-hand side', () => {
    expect(text).not.toMatch(/\bINIT\(/);
    const initials = text.match(/INITIAL\(/g) ?? [];
    const whole = text.match(/=\n\tINITIAL\(/g) ?? [];
    expect(initials.length).toBe(8); // ratio, nested ×2, whole, rel, el ×2 and GROWTH
    expect(whole.length).toBe(initials.length);
    // The .mdl reader refuses INITIAL inside an expression, so reading back proves the form.
    expect(() => readVensim(text, 'init.mdl')).not.toThrow();
    expect(text).toContain('ratio=\n\tx / ratio initial value 2\n');
    expect(text).toContain('ratio initial value 2=\n\tINITIAL(x)\n\t~\twidgets\n');
    expect(text).toContain('nested initial value 2=\n\tINITIAL(x + nested initial value)\n');
    expect(text).toContain('rel[D]=\n\tv[D] - rel initial value[D]\n');
    expect(text).toContain('el initial value 2=\n\tINITIAL(v[b])\n');
    expect(text).toContain('GROWTH initial value=\n\tINITIAL(q)\n');
  });

  it('say why they exist in their comment, in English and Spanish, and the comment reads back', () => {
    const generated = readVensim(text, 'init.mdl').equations.find((q) => q.lhs.display === 'ratio initial value 2')!;
    const [en, es] = generated.doc.split(' / ');
    expect(en).toBe("The initial value that ratio's equation takes with INIT or INITIAL inside a larger expression, held here because Vensim's INITIAL must be the whole right-hand side (fn_initial). Written by IGEM.");
    expect(es).toBe('El valor inicial que toma la ecuación de ratio con INIT o INITIAL dentro de una expresión mayor, guardado aquí porque INITIAL de Vensim debe ser todo el lado derecho (fn_initial). Escrito por IGEM.');
    // The model's own variable keeps its own (empty) comment.
    expect(readVensim(text, 'init.mdl').equations.find((q) => q.lhs.display === 'ratio initial value')!.doc).toBe('');
  });

  it('compute every source column exactly; the only added columns are the generated variables', () => {
    const again = compileVensim(text).model.run();
    expect(sameKeptColumns(run, again)).toBeUndefined();
    const added = again.names.filter((n) => !run.names.includes(n)).sort();
    expect(added).toEqual(['el initial value', 'el initial value 2', 'nested initial value', 'nested initial value 2', 'ratio initial value 2', 'rel initial value[a]', 'rel initial value[b]']);
    expect(columnReader(again)('ratio initial value')).toEqual([7, 7, 7, 7]); // the model's own variable, untouched
  });

  it('refuses, at the call and in both languages, INIT of a dim! that an array function around it iterates', () => {
    const d = firstDiagnostic(() =>
      writeVensim(compileXmile(xmileDoc('<aux name="v"><dimensions><dim name="D"/></dimensions><eqn>TIME</eqn></aux>\n<aux name="tot"><eqn>SUM(INIT(v[*]))</eqn></aux>', { dimensions: '<dim name="D"><elem name="a"/><elem name="b"/></dim>' }), { file: 'sum.xmile' }).ir),
    );
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', 'sum.xmile', 13]);
    expect(d.message).toContain('tot takes INITIAL of D! inside an array function around it');
    expect(d.messageEs).toContain('tot toma INITIAL de D! dentro de una función de arreglo');
  });
});
