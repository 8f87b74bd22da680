/**
 * Yes/no options of XMILE elements, read by one rule everywhere.
 *
 * The XMILE 1.0 schema (xmile.xsd, as its generated bindings show it) writes these options in
 * three ways: `<non_negative>` is a BooleanOrEmptyType (empty, or an xs:boolean); `<overflow>`,
 * `<leak>`, `<leak_integers>` and `<queue>` are EmptyType markers; the conveyor's `discrete`,
 * `batch_integrity`, `one_at_a_time` and `exponential_leak`, the `<dt>`'s `reciprocal` and a
 * unit's `disabled` are xs:boolean attributes. The rule: a child element that is empty, or holds
 * `true` (or xs:boolean's `1`), is on; `false` (or `0`) is off; anything else (text, child
 * elements) is an E_XMILE error at the element, never a guess. An attribute is on for `true`/`1`,
 * off for `false`/`0`, and an error at the attribute otherwise. Case and surrounding spaces are
 * ignored (the suite's non_negative files write ` false  ` and `FALSE`). A marker the schema
 * gives no content (`<leak>false</leak>`) is read by the same rule: off, not on.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { SourceText } from './source-text.js';
import { attr, child, type XmlElement } from './xml-tree.js';

/** `true`/`1` → true, `false`/`0` → false, anything else → undefined (trimmed, any case). */
function booleanText(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}

/** The child `<name>` as a yes/no option: undefined when absent; throws a located error when neither. */
export function childOption(el: XmlElement, name: string, src: SourceText): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const text = src.elementText(c.start).text;
  const value = c.children.length === 0 ? (text.trim() === '' ? true : booleanText(text)) : undefined;
  if (value !== undefined) return value;
  const shown = c.children.length ? `<${c.children[0]!.name}>` : `"${text.trim()}"`;
  throw ModelError.at(
    'E_XMILE',
    {
      en: `<${c.name}> is a yes/no option: write it empty (<${c.name}/>) or with true or false, not ${shown}`,
      es: `<${c.name}> es una opción de sí o no: escríbala vacía (<${c.name}/>) o con true o false, no ${shown}`,
    },
    src.loc(c.start),
  );
}

/** The child `<name>` when present and on (so its position can be reported), or undefined. */
export function childFlag(el: XmlElement, name: string, src: SourceText): XmlElement | undefined {
  return childOption(el, name, src) ? child(el, name) : undefined;
}

/** The attribute `name` as a yes/no option: undefined when absent; throws a located error when neither. */
export function attrOption(el: XmlElement, name: string, src: SourceText): boolean | undefined {
  const raw = attr(el, name);
  if (raw === undefined) return undefined;
  const value = booleanText(raw);
  if (value !== undefined) return value;
  throw ModelError.at(
    'E_XMILE',
    {
      en: `${name}="${raw}" on <${el.name}> is a yes/no option: write ${name}="true" or ${name}="false"`,
      es: `${name}="${raw}" en <${el.name}> es una opción de sí o no: escriba ${name}="true" o ${name}="false"`,
    },
    src.loc(attrOffset(el, name, src)),
  );
}

/**
 * An option given as an attribute (`discrete="true"`, the schema's form) or a child element
 * (`<discrete/>`, which some files write): the element to report when on, or undefined. Given both
 * ways with different values it is an error rather than a choice between them.
 */
export function optionFlag(el: XmlElement, name: string, src: SourceText): XmlElement | undefined {
  const a = attrOption(el, name, src);
  const c = childOption(el, name, src);
  if (a !== undefined && c !== undefined && a !== c) {
    throw ModelError.at(
      'E_XMILE',
      {
        en: `<${el.name}> gives ${name} twice with different values (the attribute says ${a}, the <${name}> element ${c})`,
        es: `<${el.name}> da ${name} dos veces con valores distintos (el atributo dice ${a}, el elemento <${name}> ${c})`,
      },
      src.loc(el.start),
    );
  }
  if (c) return child(el, name);
  return a ? el : undefined;
}

/** Offset of the attribute `name` (any namespace prefix) in the start tag of `el`, else of the tag. */
function attrOffset(el: XmlElement, name: string, src: SourceText): number {
  const end = src.text.indexOf('>', el.start);
  const tag = src.text.slice(el.start, end < 0 ? undefined : end);
  const m = new RegExp(String.raw`[\s:]${name}\s*=`, 'i').exec(tag);
  return m ? el.start + m.index + 1 : el.start;
}
