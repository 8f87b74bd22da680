/**
 * Yes/no options of XMILE elements, written as an empty child (`<overflow/>`, `<discrete/>`),
 * a child holding true/false, or, for conveyor options, an attribute (`discrete="true"`).
 */
import type { SourceText } from './source-text.js';
import { attr, child, type XmlElement } from './xml-tree.js';

/** The child `<name/>` of `el` when present and not `false`, or undefined. */
export function childFlag(el: XmlElement, name: string, src: SourceText): XmlElement | undefined {
  const c = child(el, name);
  return c && src.elementText(c.start).text.trim().toLowerCase() !== 'false' ? c : undefined;
}

/** An option given as an attribute (`discrete="true"`) or a child element (`<discrete/>`), or undefined. */
export function optionFlag(el: XmlElement, name: string, src: SourceText): XmlElement | undefined {
  const a = attr(el, name);
  if (a !== undefined && a.trim().toLowerCase() === 'true') return el;
  return childFlag(el, name, src);
}
