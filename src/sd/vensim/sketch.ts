/**
 * Vensim's sketch section (after `\\\---/// Sketch information`): the stock-and-flow diagram as
 * the modeler drew it. Each view starts with `*name`; then one record a line, fields separated by
 * commas, the first field the object type:
 *
 * - `10,id,name,x,y,w,h,shape,bits,hidden,…` a variable (shape 3: a stock's box; shape bit 32:
 *   the name of a flow, attached to its valve; bits without 1: a shadow copy defined elsewhere);
 * - `11,id,0,x,y,w,h,…` a valve; `12,id,48,x,y,…` a cloud, `12,id,0,x,y,…` a comment whose text
 *   is the next line;
 * - `1,id,from,to,shape,hidden,polarity,…,n|(x,y)|…` an arrow: a pipe when it touches a valve,
 *   else an influence arrow; polarity is a character code (43 `+`, 45 `-`); the points after the
 *   count are the arc's handle (one point) or a pipe's corners.
 *
 * Records that cannot be read are skipped with a warning at their line; the diagram is never a
 * reason to refuse a model.
 */
import { warningAt, type BilingualText, type Diagnostic } from '../ir/diagnostics.js';
import type { DiagramLink, DiagramNode, DiagramPoint, DiagramView } from '../ir/diagram.js';
import { canonicalName, displayName } from '../ir/names.js';

export interface SketchResult {
  views: DiagramView[];
  diagnostics: Diagnostic[];
}

export interface SketchOptions {
  file?: string;
  /** Line number of the sketch's first line in the file (1 when the sketch is given alone). */
  firstLine?: number;
}

/** Splits a sketch record on commas outside double quotes. */
export function sketchFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' && line[i - 1] !== '\\') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A sketch name as a reader sees it: quotes removed, `\n` line breaks as spaces. */
function nameOf(raw: string): string {
  return displayName(raw.replace(/\\n/g, ' '));
}

const POINT = /\((-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\)/g;

function pointsOf(line: string): DiagramPoint[] {
  const bar = line.indexOf('|(');
  if (bar < 0) return [];
  return [...line.slice(bar).matchAll(POINT)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

interface RawArrow {
  id: string;
  from: string;
  to: string;
  polarity?: '+' | '-';
  points: DiagramPoint[];
  line: number;
}

/** Views with at least one node; none when the model has no drawn diagram. */
export function parseSketch(sketch: string, options: SketchOptions = {}): SketchResult {
  const first = options.firstLine ?? 1;
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, message: BilingualText) => diagnostics.push(warningAt('W_SKETCH', message, { file: options.file, line, column: 1 }));
  const views: DiagramView[] = [];
  let view: DiagramView | undefined;
  let arrows: RawArrow[] = [];
  const finish = () => {
    if (!view) return;
    const ids = new Map(view.nodes.map((n) => [n.id, n]));
    for (const a of arrows) {
      const from = ids.get(a.from);
      const to = ids.get(a.to);
      if (!from || !to) {
        warn(a.line, { en: `arrow ${a.id} joins object ${from ? a.to : a.from}, which the view '${view.name}' does not have; it is not drawn`, es: `la flecha ${a.id} une el objeto ${from ? a.to : a.from}, que la vista '${view.name}' no tiene; no se dibuja` });
        continue;
      }
      const pipe = from.kind === 'valve' || to.kind === 'valve';
      const link: DiagramLink = { id: a.id, from: a.from, to: a.to, kind: pipe ? 'pipe' : 'influence' };
      if (a.polarity) link.polarity = a.polarity;
      if (!pipe && a.points.length === 1) link.via = a.points[0]!;
      if (pipe && a.points.length > 1) link.points = [{ x: from.x, y: from.y }, ...a.points, { x: to.x, y: to.y }];
      view.links.push(link);
    }
    arrows = [];
  };

  const lines = sketch.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const at = first + i;
    if (line.startsWith('*')) {
      finish();
      view = { name: line.slice(1).trim() || `View ${views.length + 1}`, source: 'sketch', nodes: [], links: [] };
      views.push(view);
      continue;
    }
    if (line.startsWith('///---')) break;
    const head = /^(\d+),/.exec(line);
    if (!view || !head) continue;
    const type = Number(head[1]);
    if (type !== 1 && type !== 10 && type !== 11 && type !== 12) continue; // shapes, pictures, …
    const f = sketchFields(line);
    const num = (k: number) => Number(f[k]);
    if (type === 1) {
      if (f.length < 7 || ![num(1), num(2), num(3)].every(Number.isInteger)) {
        warn(at, { en: `arrow record needs whole-number id, from and to in fields 2–4: '${line.slice(0, 60)}'`, es: `el registro de flecha necesita id, from y to enteros en los campos 2–4: '${line.slice(0, 60)}'` });
        continue;
      }
      if (num(5) === 1) continue; // hidden
      const code = num(6);
      const a: RawArrow = { id: f[1]!, from: f[2]!, to: f[3]!, points: pointsOf(line), line: at };
      if (code === 43) a.polarity = '+';
      else if (code === 45) a.polarity = '-';
      arrows.push(a);
      continue;
    }
    if (f.length < 7 || !Number.isInteger(num(1)) || ![num(3), num(4), num(5), num(6)].every(Number.isFinite)) {
      warn(at, { en: `object record needs a whole-number id and numeric x, y, width and height in fields 2 and 4–7: '${line.slice(0, 60)}'`, es: `el registro de objeto necesita un id entero y x, y, ancho y alto numéricos en los campos 2 y 4–7: '${line.slice(0, 60)}'` });
      continue;
    }
    const base = { id: f[1]!, x: num(3), y: num(4), w: Math.abs(num(5)), h: Math.abs(num(6)) };
    let node: DiagramNode;
    if (type === 10) {
      const shape = num(7);
      const bits = num(8);
      const name = nameOf(f[2] ?? '');
      node = { ...base, kind: shape === 3 ? 'stock' : shape & 32 ? 'flow' : 'aux', name, key: canonicalName(name) };
      if (Number.isInteger(bits) && (bits & 1) === 0) node.shadow = true;
    } else if (type === 11) node = { ...base, kind: 'valve', name: '' };
    else if (f[2] === '48') node = { ...base, kind: 'cloud', name: '' };
    else {
      // A comment: its text is on the next line.
      const text = lines[i + 1] ?? '';
      i++;
      node = { ...base, kind: 'comment', name: text.trim() };
    }
    if (view.nodes.some((n) => n.id === node.id)) {
      warn(at, { en: `object id ${node.id} is used twice in the view '${view.name}'; the second is not drawn`, es: `el id de objeto ${node.id} se usa dos veces en la vista '${view.name}'; el segundo no se dibuja` });
      continue;
    }
    view.nodes.push(node);
  }
  finish();
  return { views: views.filter((v) => v.nodes.length > 0), diagnostics };
}
