/**
 * The structure of an XMILE file with submodels (XMILE 1.0, section on submodels): its `<model>` blocks
 * by name, the main model (the one without a name), and each model's `<module>` placeholders with
 * their `<connect to="…" from="…"/>` links. Equations are read afterwards (reader.ts) and the
 * instances flattened into one model by module-flatten.ts.
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { SourceText } from './source-text.js';
import { nameOf } from './variables.js';
import { attr, child, children, type XmlElement } from './xml-tree.js';

export interface QualifiedName {
  /** Canonical parts: `Staff."target %"` → ['staff', 'target %']. */
  parts: string[];
  displays: string[];
}

export interface Connect {
  to: QualifiedName;
  from: QualifiedName;
  loc: SourceLocation;
}

export interface ModuleUse {
  name: string;
  display: string;
  /** Canonical name of the `<model>` this module instantiates. */
  model: string;
  connects: Connect[];
  loc: SourceLocation;
}

export interface ModelDef {
  /** Canonical name; '' for the main model. */
  name: string;
  display: string;
  el: XmlElement;
  /** `<variables>`, or the model itself in pre-standard Stella 10 files. */
  variablesEl: XmlElement;
  modules: ModuleUse[];
  loc: SourceLocation;
}

export interface ModelTree {
  main: ModelDef;
  byName: Map<string, ModelDef>;
}

const unsupported = (en: string, es: string, loc: SourceLocation) => ModelError.at('E_UNSUPPORTED', { en, es }, loc);
const moduleError = (en: string, es: string, loc: SourceLocation) => ModelError.at('E_MODULE', { en, es }, loc);

/** Reads every `<model>`: the one without a name is the main model (the only one may have a name). */
export function readModelTree(models: XmlElement[], src: SourceText): ModelTree {
  const byName = new Map<string, ModelDef>();
  let main: ModelDef | undefined;
  for (const el of models) {
    const loc = src.loc(el.start);
    if (attr(el, 'resource') !== undefined) {
      throw unsupported(
        'a <model> read from another file (resource=…) is not supported: the engine reads one file and has no file access of its own; copy that <model> into this file',
        'no se admite un <model> leído de otro archivo (resource=…): el motor lee un solo archivo y no tiene acceso propio a archivos; copie ese <model> en este archivo',
        loc,
      );
    }
    const raw = attr(el, 'name');
    const named = raw !== undefined && raw.trim() !== '' && models.length > 1;
    const { name, display } = named ? nameOf(raw) : { name: '', display: '' };
    const def: ModelDef = { name, display, el, variablesEl: child(el, 'variables') ?? el, modules: [], loc };
    def.modules = readModules(def, src);
    if (!named) {
      if (main) throw moduleError(`the file has two main models (<model> without a name; the first at line ${main.loc.line})`, `el archivo tiene dos modelos principales (<model> sin nombre; el primero en la línea ${main.loc.line})`, loc);
      main = def;
      continue;
    }
    const prior = byName.get(name);
    if (prior) throw moduleError(`model ${display} is defined twice (first at line ${prior.loc.line})`, `el modelo ${display} está definido dos veces (primero en la línea ${prior.loc.line})`, loc);
    byName.set(name, def);
  }
  if (!main) throw moduleError('none of the <model> blocks is the main model (XMILE 1.0, Submodels: the main model has no name)', 'ninguno de los bloques <model> es el modelo principal (XMILE 1.0, Submodels: el modelo principal no tiene nombre)', src.loc(models[0]!.start));
  return { main, byName };
}

function readModules(def: ModelDef, src: SourceText): ModuleUse[] {
  const out: ModuleUse[] = [];
  for (const el of children(def.variablesEl, 'module')) {
    const loc = src.loc(el.start);
    const raw = attr(el, 'name');
    if (raw === undefined || raw.trim() === '') throw ModelError.at('E_XMILE', { en: 'a <module> has no name', es: 'un <module> no tiene nombre' }, loc);
    if (attr(el, 'resource') !== undefined) {
      throw unsupported(
        'a <module> whose model is in another file (resource=…) is not supported: the engine reads one file and has no file access of its own; copy that <model> into this file',
        'no se admite un <module> cuyo modelo está en otro archivo (resource=…): el motor lee un solo archivo y no tiene acceso propio a archivos; copie ese <model> en este archivo',
        loc,
      );
    }
    const { name, display } = nameOf(raw);
    // Several instances of one model name it apart from their own (`model_name`, any prefix).
    const model = nameOf(attr(el, 'model_name') ?? raw).name;
    const connects = children(el, 'connect').map((c) => {
      const cl = src.loc(c.start);
      const to = attr(c, 'to');
      const from = attr(c, 'from');
      if (!to || !from) throw ModelError.at('E_XMILE', { en: `a <connect> of module ${display} lacks its to= or from= attribute`, es: `un <connect> del módulo ${display} no tiene su atributo to= o from=` }, cl);
      return { to: qualified(to), from: qualified(from), loc: cl };
    });
    out.push({ name, display, model, connects, loc });
  }
  return out;
}

/** Splits `A.B."c.d"` at the dots outside quotes, each part read as an XMILE name. */
export function qualified(raw: string): QualifiedName {
  const pieces: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && quoted) {
      cur += c + (raw[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (c === '.' && !quoted) {
      pieces.push(cur);
      cur = '';
    } else cur += c;
  }
  pieces.push(cur);
  const names = pieces.map(nameOf);
  return { parts: names.map((n) => n.name), displays: names.map((n) => n.display) };
}
