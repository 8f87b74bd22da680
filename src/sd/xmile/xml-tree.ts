/**
 * XML → a small element tree that remembers where each element starts in the file.
 * fast-xml-parser checks well-formedness (its validator reports line and column) and parses
 * with `captureMetaData`, which gives each element's start offset.
 */
import type * as FastXmlParser from 'fast-xml-parser';
import { ModelError } from '../ir/diagnostics.js';
import { lazyPackage } from '../ir/lazy-package.js';
import type { SourceText } from './source-text.js';

export interface XmlElement {
  /** Tag name as written, with any prefix (`isee:prefs`). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Offset of the `<` of the start tag. */
  start: number;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Loaded at the first XML file: a .mdl model never needs it (src/sd/ir/lazy-package.ts). */
const fxp = lazyPackage<typeof FastXmlParser>('fast-xml-parser');

/** Parses and checks the document; bad XML becomes a ModelError at the offending line and column. */
export function parseXml(src: SourceText): XmlElement {
  const { XMLParser, XMLValidator } = fxp();
  const valid = XMLValidator.validate(src.text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    // The validator gives no position for some errors (e.g. text before the root): then the start.
    const loc = line >= 1 ? { file: src.file, line, column: col >= 1 ? col : 1 } : src.loc(0);
    throw ModelError.at('E_XML', { en: `the file is not well-formed XML: ${msg}`, es: `el archivo no es XML bien formado: ${msg}` }, loc);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    captureMetaData: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(src.text) as OrderedNode[];
  } catch (err) {
    // The parser's own limits (e.g. "Maximum nested tags exceeded") come without a position.
    throw ModelError.at('E_XML', { en: `the file cannot be read as XML: ${(err as Error).message}`, es: `el archivo no se puede leer como XML: ${(err as Error).message}` }, src.loc(0));
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const roots = nodes.map((n) => toElement(n, meta)).filter((e): e is XmlElement => e !== undefined);
  if (roots.length === 0) throw ModelError.at('E_XML', { en: 'the file has no XML element', es: 'el archivo no tiene ningún elemento XML' }, src.loc(0));
  return roots[0]!;
}

/** `metaKey`: the key under which the parser keeps an element's start offset. */
function toElement(node: OrderedNode, metaKey: string): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name.startsWith('#') || name.startsWith('?')) return undefined;
  const meta = node[metaKey] as { startIndex?: number } | undefined;
  const kids = (node[name] as OrderedNode[] | undefined) ?? [];
  return {
    name,
    attrs: { ...(node[':@'] ?? {}) },
    children: kids.map((k) => toElement(k, metaKey)).filter((e): e is XmlElement => e !== undefined),
    start: meta?.startIndex ?? 0,
  };
}

/** The first child with this tag name (case-insensitive), if any. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  const n = name.toLowerCase();
  return el.children.find((c) => c.name.toLowerCase() === n);
}

/** Every child with this tag name (case-insensitive), in document order. */
export function children(el: XmlElement, name: string): XmlElement[] {
  const n = name.toLowerCase();
  return el.children.filter((c) => c.name.toLowerCase() === n);
}

/** An attribute by name, ignoring case and any namespace prefix (`isee:save_interval` → `save_interval`). */
export function attr(el: XmlElement, name: string): string | undefined {
  const n = name.toLowerCase();
  for (const [k, v] of Object.entries(el.attrs)) {
    const local = k.includes(':') ? k.slice(k.indexOf(':') + 1) : k;
    if (k.toLowerCase() === n || local.toLowerCase() === n) return v;
  }
  return undefined;
}
