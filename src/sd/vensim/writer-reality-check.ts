/**
 * Reality Check entries written back as Vensim text (Vensim Help 20965, 20970): a Test Input as
 * `name :TEST INPUT: variable = expr`, a Constraint as `name :THE CONDITION: c :IMPLIES: k`, and an
 * entry the reader could not parse as the text it read, so a round trip loses none of them.
 */
import type { RealityCheckDecl } from '../ir/model.js';
import { docText, subsText, unitsText } from './entry-text.js';
import { exprText, vensimName } from './expr-text.js';

export function realityCheckText(rc: RealityCheckDecl): string {
  const name = vensimName(rc.display) + subsText(rc.subs);
  let body: string;
  if (rc.check === 'test-input') {
    body = `${name} :TEST INPUT:\n\t${vensimName(rc.target.display)}${subsText(rc.target.subs)} = ${exprText(rc.expr)}`;
  } else if (rc.check === 'constraint') {
    body = `${name} :THE CONDITION:${rc.condition ? ` ${exprText(rc.condition)}` : ''}\n\t:IMPLIES: ${exprText(rc.consequence)}`;
  } else {
    body = `${name} ${rc.kind === 'test-input' ? ':TEST INPUT:' : ':THE CONDITION:'} ${rc.text}`;
  }
  return `${body}\n\t~\t${unitsText(rc)}\n\t~\t${docText(rc.doc)}\n\t|\n`;
}
