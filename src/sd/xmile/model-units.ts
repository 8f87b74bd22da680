/**
 * XMILE `<model_units>` (XMILE 1.0 §3.2.2): each `<unit name="…">` with its `<alias>` names and
 * an optional `<eqn>` naming the unit it equals. Read as synonym groups for the units check; a unit
 * marked `disabled="true"` is left out (it takes no part in substitution).
 */
import type { SourceText } from './source-text.js';
import { attrOption } from './xml-flags.js';
import { attr, child, children, type XmlElement } from './xml-tree.js';

export function readModelUnits(el: XmlElement | undefined, src: SourceText): string[][] {
  if (!el) return [];
  const groups: string[][] = [];
  for (const u of children(el, 'unit')) {
    const name = attr(u, 'name')?.trim();
    if (!name || attrOption(u, 'disabled', src)) continue;
    const eqnEl = child(u, 'eqn');
    const eqn = eqnEl ? src.elementText(eqnEl.start).text.trim() : '';
    const aliases = children(u, 'alias').map((a) => src.elementText(a.start).text.trim()).filter((a) => a !== '');
    // A plain unit name as the equation makes this unit its synonym; an expression is left out.
    const group = /^[^*/^()\d][^*/^()]*$/.test(eqn) ? [eqn, name, ...aliases] : [name, ...aliases];
    if (group.length > 1) groups.push(group);
  }
  return groups;
}
