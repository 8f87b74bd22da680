/**
 * Writes the model IR as a Vensim `.mdl` text that this reader (and Vensim) read back to the same
 * model: macros, subscript ranges with their mappings, equations with their units, ranges and
 * documentation, grouped as the source grouped them, then the sketch and settings kept verbatim.
 * A model read from XMILE gets no sketch and a settings section that states its integration method;
 * an INIT or INITIAL inside a larger expression gets a variable of its own, and so does XMILE's DELAY,
 * written as DELAY FIXED (initial-variables.ts); SAFEDIV is written as IF THEN ELSE (safe-divisions.ts);
 * an XMILE computed subscript is written with VECTOR ELM MAP where that is exact (computed-subscripts.ts);
 * XMILE's INT (the floor) with INTEGER where its argument is repeatable (int-as-expression.ts).
 */
import { HISTORY, XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import { ModelError } from '../ir/diagnostics.js';
import { refuseVaryingXmileDelayN } from './writer-delay-n.js';
import { visitExpr } from '../ir/walk.js';
import type { DimensionDecl, Equation, MacroDecl, ModelIR } from '../ir/model.js';
import { macrosInDefinitionOrder } from './macro-order.js';
import { computedSubscriptsAsElmMap } from './computed-subscripts.js';
import { conveyorsAsDelays } from './conveyor-as-delay.js';
import { nameDeclaredSubscripts } from './declared-subscripts.js';
import { delaysStandalone, initialsStandalone } from './initial-variables.js';
import { intAsExpression } from './int-as-expression.js';
import { safeDivisionsAsIfThenElse } from './safe-divisions.js';
import { exprText, numberText, table, vensimName } from './expr-text.js';
import { realityCheckText } from './writer-reality-check.js';
import { docText, subsText, unitsText } from './entry-text.js';

const INTERPOLATION: Record<string, string> = { interpolate: ':INTERPOLATE:', raw: ':RAW:', 'hold backward': ':HOLD BACKWARD:', 'look forward': ':LOOK FORWARD:' };
const STARS = '********************************************************';

function lhsText(eq: Equation): string {
  let s = vensimName(eq.lhs.display) + subsText(eq.lhs.subs);
  if (eq.lhs.except.length) s += ` :EXCEPT: ${eq.lhs.except.map(subsText).join(',')}`;
  return s;
}

function listText(rows: number[][]): string {
  return rows.map((r) => r.map((v) => (Number.isNaN(v) ? ':NA:' : String(v))).join(',')).join(';\n\t') + (rows.length > 1 ? ';' : '');
}

export function equationText(eq: Equation): string {
  const lhs = lhsText(eq);
  const interp = eq.interpolation ? ` ${INTERPOLATION[eq.interpolation]}` : '';
  let body: string;
  if (eq.kind === 'lookup' && eq.lookup) body = `${lhs}(\n\t${table(eq.lookup).slice(1, -1)})`;
  else if (eq.kind === 'lookup-data' && eq.expr) body = `${lhs}(\n\t${exprText(eq.expr)})`;
  else if (!eq.expr) body = `${lhs}${interp}`;
  else {
    const op = eq.kind === 'unchangeable' ? '==' : eq.kind === 'data' ? ':=' : '=';
    const rhs = eq.expr.kind === 'list' ? listText(eq.expr.rows) : eq.expr.kind === 'num' ? numberText(eq.expr.value).replace(/^\((.*)\)$/, '$1') : exprText(eq.expr);
    body = `${lhs}${interp}${op}\n\t${rhs}`;
  }
  return `${body}\n\t~\t${unitsText(eq)}\n\t~\t${docText(eq.doc)}${eq.supplementary ? '\n\t~\t:SUPPLEMENTARY' : ''}\n\t|\n`;
}

function dimensionText(d: DimensionDecl, members: Map<string, string>): string {
  const name = vensimName(d.display);
  let body: string;
  if (d.equivalentTo) body = `${name} <-> ${vensimName(members.get(d.equivalentTo) ?? d.equivalentTo)}`;
  else {
    const rhs = d.fromData ? exprText(d.fromData) : d.members.map((m) => vensimName(m.display)).join(', ');
    const maps = d.mappings.map((m) => {
      const target = vensimName(members.get(m.target) ?? m.target);
      return m.elements ? `(${target}: ${m.elements.map((e) => vensimName(members.get(e) ?? e)).join(', ')})` : target;
    });
    body = `${name}:\n\t${rhs}${maps.length ? ` -> ${maps.join(', ')}` : ''}`;
  }
  return `${body}\n\t~\t\n\t~\t${docText(d.doc)}\n\t|\n`;
}

function macroText(m: MacroDecl, display: (n: string) => string): string {
  const outs = m.outputs.length ? ` : ${m.outputs.map(display).join(', ')}` : '';
  return `:MACRO: ${display(m.name)}(${m.params.map(display).join(', ')}${outs})\n${m.equations.map(equationText).join('\n')}:END OF MACRO:\n`;
}

/**
 * Why XMILE's RANK is not written as Vensim's VECTOR RANK (or VECTOR SORT ORDER), from the two texts:
 * XMILE 1.0 §3.7.1.3 RANK(array, n [, secondary]) is the place of the element of rank n (over the
 * flat order for an N-dimensional array), ties broken by the secondary array; fn_vector_rank gives
 * each element its own rank (the inverse order), ties "arbitrarily" in contiguous ranks, along the last
 * subscript only. VECTOR SORT ORDER (fn_vector_sort_order, zero based) is the order itself, under the
 * same restriction, with no secondary array and silent on ties. Only a one-dimensional RANK without a
 * secondary array and without ties would come out the same; ties depend on the values in the run.
 */
export const RANK_WHY = {
  en: ": XMILE's RANK(array, n) is the place of the element of rank n, ties broken by its optional secondary array, over the flat order of an N-dimensional array (XMILE 1.0 §3.7.1.3); Vensim's VECTOR RANK gives each element its own rank instead (the inverse order) and VECTOR SORT ORDER the order itself, but both sort only along the last subscript and take no secondary array, and VECTOR RANK orders tied values arbitrarily (vensim.com fn_vector_rank)",
  es: ': RANK(arreglo, n) de XMILE es el lugar del elemento de rango n, con los empates resueltos por su arreglo secundario opcional, sobre el orden plano de un arreglo de N dimensiones (XMILE 1.0 §3.7.1.3); VECTOR RANK de Vensim da en cambio a cada elemento su propio rango (el orden inverso) y VECTOR SORT ORDER el orden mismo, pero ambas ordenan solo a lo largo del último subíndice y no admiten arreglo secundario, y VECTOR RANK ordena los valores empatados de forma arbitraria (vensim.com fn_vector_rank)',
};

/**
 * XMILE features the reader keeps under `#` names (conveyors, HISTORY, RANK; src/sd/ir/builtins.ts)
 * have no Vensim function: writing them would give a file Vensim cannot read.
 */
function rejectXmileOnly(ir: ModelIR): void {
  for (const eq of ir.equations) {
    if (!eq.expr) continue;
    visitExpr(eq.expr, (e) => {
      if (e.kind !== 'call' || !e.fn.startsWith('#')) return;
      const named = e.fn === HISTORY || e.fn === XMILE_RANK ? e.fn.slice(1) : undefined;
      const what = named
        ? { en: named, es: named }
        : e.fn === XMILE_ELEMENT
          ? { en: 'a computed subscript', es: 'un subíndice calculado' }
          : { en: 'a conveyor', es: 'una cinta transportadora (conveyor)' };
      const why = e.fn === XMILE_RANK ? RANK_WHY : undefined;
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${eq.lhs.display} uses ${what.en}, which Vensim has no function for${why?.en ?? ''}; the model cannot be written as .mdl`,
          es: `${eq.lhs.display} usa ${what.es}, para lo cual Vensim no tiene función${why?.es ?? ''}; el modelo no se puede escribir como .mdl`,
        },
        eq.loc,
      );
    });
  }
}

/** The `.mdl` text of a model. */
export function writeVensim(model: ModelIR): string {
  const ir = initialsStandalone(delaysStandalone(safeDivisionsAsIfThenElse(intAsExpression(computedSubscriptsAsElmMap(conveyorsAsDelays(model))))));
  rejectXmileOnly(ir);
  refuseVaryingXmileDelayN(ir);
  // Display names of dimensions and elements, for mappings that the IR keeps in canonical form.
  const members = new Map<string, string>();
  for (const d of ir.dimensions) {
    members.set(d.name, d.display);
    for (const m of d.members) members.set(m.name, m.display);
  }
  const displays = new Map<string, string>();
  for (const m of ir.macros) for (const eq of m.equations) displays.set(eq.lhs.name, eq.lhs.display);
  const display = (n: string) => vensimName(displays.get(n) ?? n);

  const out: string[] = ['{UTF-8}\n'];
  // Each macro before the macros that call it (macros.html: definition before use).
  for (const m of macrosInDefinitionOrder(ir.macros)) out.push(macroText(m, display), '\n');
  for (const d of ir.dimensions) out.push(dimensionText(d, members), '\n');
  // Ungrouped equations first, then each group in the order the source listed them.
  const byGroup = new Map<string | undefined, Equation[]>([[undefined, []]]);
  for (const g of ir.groups) byGroup.set(g, []);
  for (const eq of nameDeclaredSubscripts(ir)) {
    if (!byGroup.has(eq.group)) byGroup.set(eq.group, []);
    byGroup.get(eq.group)!.push(eq);
  }
  for (const [group, eqs] of byGroup) {
    if (group !== undefined) out.push(`${STARS}\n\t.${docText(group)}\n${STARS}~\n\t\t|\n\n`);
    for (const eq of eqs) out.push(equationText(eq), '\n');
    // Reality Check entries after the equations of their group (writer-reality-check.ts).
    for (const rc of ir.realityChecks ?? []) if (rc.group === group) out.push(realityCheckText(rc), '\n');
  }
  if (ir.sketch.trim() !== '') out.push(ir.sketch.endsWith('\n') ? ir.sketch : `${ir.sketch}\n`);
  else out.push('\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put anything below this section - it will be ignored\n');
  if (ir.settings.trim() !== '') out.push(ir.settings);
  else {
    // Vensim's settings: 15: line's fourth number is the integration method (0 Euler, 1 RK4, 2 RK2).
    const code = ir.method === 'rk4' ? 1 : ir.method === 'rk2' ? 2 : 0;
    out.push(`///---\\\\\\\n:L<%^E!@\n15:0,0,0,${code},0,0\n`);
  }
  return out.join('');
}
