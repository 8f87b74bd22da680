/**
 * The body of a Vensim Reality Check entry, read after its keyword (Vensim Help 20965, 20970):
 *   name :TEST INPUT: variable = expr
 *   name :THE CONDITION: condition :IMPLIES: consequence
 * Both sides are ordinary Vensim expressions (comparisons, :AND:, :OR:, :NOT:). A body this reader
 * cannot parse (e.g. :CROSSING:, which Vensim's later pages add) is kept as text with the located
 * reason: the model must still read and run as before, and only a reality check refuses it.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { ConstraintDecl, EquationLhs, Expr, SubscriptRef, TestInputDecl, UnreadRealityCheck } from '../ir/model.js';
import { describe, type ExprParser } from './expr-parser.js';
import type { Scanner } from './scanner.js';

type Body<T> = Omit<T, 'units' | 'range' | 'doc' | 'group'>;
export type RealityCheckBody = Body<TestInputDecl> | Body<ConstraintDecl> | Body<UnreadRealityCheck>;

/** Forms of Vensim's Reality Check language that this reader does not read: named when met. */
const NAMED_FORMS = /:\s*(CROSSING|AT\s+LEAST\s+ONCE|FOR\s+ALL)\s*:/i;

export function readRealityCheck(s: Scanner, p: ExprParser, lhs: EquationLhs, kind: 'test-input' | 'constraint'): RealityCheckBody {
  const start = s.pos;
  const head = { name: lhs.name, display: lhs.display, ...(lhs.subs.length ? { subs: lhs.subs } : {}), loc: lhs.loc };
  try {
    return kind === 'test-input' ? { check: 'test-input', ...head, ...readTestInput(s, p) } : { check: 'constraint', ...head, ...readConstraint(s, p) };
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    const d = e.diagnostics[0]!;
    s.pos = start;
    const text = s.readRawUntil('~').trim();
    const form = NAMED_FORMS.exec(text);
    const why = form
      ? { en: `the form :${form[1]!.toUpperCase().replace(/\s+/g, ' ')}: is not supported in reality checks`, es: `la forma :${form[1]!.toUpperCase().replace(/\s+/g, ' ')}: no se admite en las pruebas de realidad (reality checks)` }
      : { en: d.message, es: d.messageEs ?? d.message };
    return { check: 'unread', kind, ...head, text, why, at: d.loc ?? lhs.loc };
  }
}

function readTestInput(s: Scanner, p: ExprParser): Pick<TestInputDecl, 'target' | 'expr'> {
  const t = s.next();
  if (t.kind !== 'name' && t.kind !== 'qname') throw s.errorAtToken('E_SYNTAX', { en: `expected the variable a Test Input sets but found ${describe(t).en}`, es: `se esperaba la variable que fija la entrada de prueba (Test Input) pero se encontró ${describe(t).es}` }, t);
  const forms = p.names(t.text);
  let subs: SubscriptRef[] = [];
  const open = s.peek();
  if (open.kind === 'op' && open.text === '[') {
    s.next();
    subs = p.parseSubscriptList();
  }
  const eq = s.next();
  if (eq.kind !== 'op' || eq.text !== '=') throw s.errorAtToken('E_SYNTAX', { en: `expected '=' after ${forms.display} but found ${describe(eq).en}`, es: `se esperaba '=' después de ${forms.display} pero se encontró ${describe(eq).es}` }, eq);
  const expr = p.parseExpr();
  expectUnits(s);
  return { target: { name: forms.name, display: forms.display, subs, loc: t.loc }, expr };
}

function readConstraint(s: Scanner, p: ExprParser): Pick<ConstraintDecl, 'condition' | 'consequence'> {
  const first = s.peek();
  const condition: Expr | undefined = first.kind === 'kw' && first.text === 'IMPLIES' ? undefined : p.parseExpr();
  const imp = s.next();
  if (imp.kind !== 'kw' || imp.text !== 'IMPLIES') throw s.errorAtToken('E_SYNTAX', { en: `expected :IMPLIES: after the condition but found ${describe(imp).en}`, es: `se esperaba :IMPLIES: después de la condición pero se encontró ${describe(imp).es}` }, imp);
  const consequence = p.parseExpr();
  expectUnits(s);
  return { ...(condition ? { condition } : {}), consequence };
}

function expectUnits(s: Scanner): void {
  const t = s.peek();
  if (t.kind !== 'op' || t.text !== '~') throw s.errorAtToken('E_SYNTAX', { en: `unexpected ${describe(t).en} in a reality check`, es: `no se esperaba ${describe(t).es} en una prueba de realidad (reality check)` }, t);
}

