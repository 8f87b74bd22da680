/**
 * Vensim's sketch section (the stock-and-flow diagram as drawn by the modeler): views of
 * variables, valves, clouds and arrows with their positions. Only what the diagram needs is read.
 */

export interface SketchNode {
  id: number;
  type: 'variable' | 'valve' | 'cloud' | 'comment';
  /** Variable name as written (empty for valves and clouds). */
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Vensim draws stocks as boxes (shape 3). */
  box: boolean;
}

export interface SketchArrow {
  id: number;
  from: number;
  to: number;
  /** Flow pipes connect valves to stocks and clouds; the rest are influence arrows. */
  pipe: boolean;
  /** Control point of the curve, when given. */
  via?: { x: number; y: number };
}

export interface SketchView {
  name: string;
  nodes: SketchNode[];
  arrows: SketchArrow[];
}

/** Splits a sketch record on commas outside double quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function unquote(name: string): string {
  const t = name.trim();
  return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/\\"/g, '"') : t;
}

/** Views with at least one node; an empty list when the model has no drawn diagram. */
export function parseSketch(sketch: string): SketchView[] {
  const views: SketchView[] = [];
  let view: SketchView | undefined;
  for (const raw of sketch.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('*')) {
      view = { name: line.slice(1).trim(), nodes: [], arrows: [] };
      views.push(view);
      continue;
    }
    if (!view || !/^\d+,/.test(line)) continue;
    const f = fields(line);
    const type = Number(f[0]);
    const num = (i: number) => Number(f[i]);
    if (type === 10 || type === 11 || type === 12) {
      const node: SketchNode = {
        id: num(1),
        type: type === 10 ? 'variable' : type === 11 ? 'valve' : f[2] === '48' ? 'cloud' : 'comment',
        name: type === 10 ? unquote(f[2] ?? '') : type === 12 && f[2] !== '48' ? unquote(f[2] ?? '') : '',
        x: num(3),
        y: num(4),
        w: num(5),
        h: num(6),
        box: type === 10 && f[7] === '3',
      };
      if ([node.id, node.x, node.y].every(Number.isFinite)) view.nodes.push(node);
    } else if (type === 1) {
      const arrow: SketchArrow = { id: num(1), from: num(2), to: num(3), pipe: false };
      const pt = /\|\((-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\)\|/.exec(line);
      if (pt) arrow.via = { x: Number(pt[1]), y: Number(pt[2]) };
      if ([arrow.id, arrow.from, arrow.to].every(Number.isFinite)) view.arrows.push(arrow);
    }
  }
  for (const v of views) {
    const valves = new Set(v.nodes.filter((n) => n.type === 'valve').map((n) => n.id));
    for (const a of v.arrows) a.pipe = valves.has(a.from) || valves.has(a.to);
  }
  return views.filter((v) => v.nodes.length > 0);
}
